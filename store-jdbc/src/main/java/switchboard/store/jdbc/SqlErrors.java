package switchboard.store.jdbc;

import java.sql.SQLException;
import switchboard.core.spi.StoreConflictException;
import switchboard.core.spi.StoreException;

/** Turns a driver's {@link SQLException} into the store's exceptions, by SQLSTATE. */
final class SqlErrors {
  private static final String UNIQUE = "23505";
  private static final String REFERENCED = "23503";
  /** H2's own state for a reference to a missing row; PostgreSQL uses 23503 for both. */
  private static final String H2_PARENT_MISSING = "23506";

  private SqlErrors() {}

  static StoreException translate(SQLException e, String sql) {
    String state = e.getSQLState();
    String message = e.getMessage() + " [" + sql + "]";
    if (UNIQUE.equals(state)) {
      return new StoreConflictException(StoreConflictException.Kind.DUPLICATE, message, e);
    }
    if (REFERENCED.equals(state) || H2_PARENT_MISSING.equals(state)) {
      return new StoreConflictException(StoreConflictException.Kind.REFERENCE, message, e);
    }
    return new StoreException(message, e);
  }

  static boolean isDuplicate(StoreException e) {
    return e instanceof StoreConflictException c
        && c.kind() == StoreConflictException.Kind.DUPLICATE;
  }
}
