package switchboard.store.jdbc;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import switchboard.core.spi.StoreException;

/**
 * The few ways the store talks to JDBC: run a statement on a pooled connection, or several in one
 * transaction, with parameters bound one way and errors translated one way.
 *
 * <p>Thread-safe: holds only the pool; every call borrows its own connection. Instants are bound
 * and read as UTC {@link LocalDateTime}s, so the JVM's and the server's time zones never matter.
 */
final class Db {
  /** Reads one row. */
  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Statements run on one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** The most rows sent to the database in one JDBC batch. */
  static final int BATCH_ROWS = 500;

  private final DataSource source;

  Db(DataSource source) {
    this.source = source;
  }

  /** Runs the work on one connection, each statement committed as it runs. */
  <T> T call(Work<T> work) {
    try (Connection c = source.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "connection");
    }
  }

  /** Runs the work in one transaction: all of it is committed, or none. */
  <T> T transaction(Work<T> work) {
    try (Connection c = source.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "transaction");
    }
  }

  /**
   * Runs an update-or-insert once more when a racing writer inserted the same key first; the second
   * run then finds the row and updates it.
   */
  static <T> T retryOnDuplicate(Supplier<T> upsert) {
    try {
      return upsert.get();
    } catch (StoreException e) {
      if (!SqlErrors.isDuplicate(e)) {
        throw e;
      }
      return upsert.get();
    }
  }

  <T> List<T> list(String sql, List<?> params, Row<T> row) {
    return call(c -> list(c, sql, params, row));
  }

  <T> Optional<T> one(String sql, Row<T> row, Object... params) {
    return call(c -> one(c, sql, row, params));
  }

  int update(String sql, Object... params) {
    return call(c -> update(c, sql, params));
  }

  long insert(String sql, Object... params) {
    return call(c -> insert(c, sql, params));
  }

  static <T> List<T> list(Connection c, String sql, List<?> params, Row<T> row)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row.read(rs));
        }
        return out;
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e, sql);
    }
  }

  static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... params)
      throws SQLException {
    List<T> rows = list(c, sql, Arrays.asList(params), row);
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, Arrays.asList(params));
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw SqlErrors.translate(e, sql);
    }
  }

  /** Runs an INSERT and returns the {@code id} the database generated for the row. */
  static long insert(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
      bind(ps, Arrays.asList(params));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("no id generated");
        }
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e, sql);
    }
  }

  /**
   * Runs the statement once per row of parameters as JDBC batches of at most {@link #BATCH_ROWS}
   * rows, on the caller's connection (and so in its transaction).
   */
  static void batch(Connection c, String sql, List<List<?>> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int pending = 0;
      for (List<?> row : rows) {
        bind(ps, row);
        ps.addBatch();
        if (++pending == BATCH_ROWS) {
          ps.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
    } catch (BatchUpdateException e) {
      // the driver's cause (PostgreSQL's chained exception) carries the SQLSTATE that says why
      SQLException cause = e.getNextException() != null ? e.getNextException() : e;
      throw SqlErrors.translate(cause, sql);
    } catch (SQLException e) {
      throw SqlErrors.translate(e, sql);
    }
  }

  private static void bind(PreparedStatement ps, List<?> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object value = params.get(i);
      if (value == null) {
        ps.setNull(i + 1, Types.NULL);
      } else if (value instanceof Instant at) {
        ps.setObject(i + 1, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
      } else {
        ps.setObject(i + 1, value);
      }
    }
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime at = rs.getObject(column, LocalDateTime.class);
    return at == null ? null : at.toInstant(ZoneOffset.UTC);
  }

  static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  static Integer nullableInt(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }
}
