package switchboard.store.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import switchboard.core.spi.Page;

/**
 * Builds one SELECT from optional conditions: a null value adds no condition, an empty set adds one
 * that matches nothing. Column names come from this package's code only, never from a caller.
 * Single use, one thread.
 */
final class Select {
  private final StringBuilder sql;
  private final List<Object> params = new ArrayList<>();
  private boolean hasWhere;

  Select(String head) {
    this.sql = new StringBuilder(head);
  }

  Select where(String condition, Object... values) {
    sql.append(hasWhere ? " AND " : " WHERE ").append(condition);
    hasWhere = true;
    Collections.addAll(params, values);
    return this;
  }

  Select eq(String column, Object value) {
    return value == null ? this : where(column + " = ?", value);
  }

  Select like(String column, String pattern) {
    return pattern == null ? this : where(column + " LIKE ?", pattern);
  }

  Select in(String column, Collection<?> values) {
    if (values == null) {
      return this;
    }
    if (values.isEmpty()) {
      return where("1 = 0");
    }
    return where(column + " IN (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")",
        values.toArray());
  }

  Select compare(String column, String operator, Object value) {
    return value == null ? this : where(column + " " + operator + " ?", value);
  }

  /** Orders by the column, then by id the same way so that pages never overlap. */
  Select orderBy(String column, boolean descending) {
    String direction = descending ? " DESC" : "";
    sql.append(" ORDER BY ").append(column).append(direction);
    if (!column.equals("id")) {
      sql.append(", id").append(direction);
    }
    return this;
  }

  Select limit(int take) {
    sql.append(" LIMIT ?");
    params.add(take);
    return this;
  }

  Select page(Page page) {
    limit(page.take());
    sql.append(" OFFSET ?");
    params.add(page.skip());
    return this;
  }

  String sql() {
    return sql.toString();
  }

  List<Object> params() {
    return params;
  }
}
