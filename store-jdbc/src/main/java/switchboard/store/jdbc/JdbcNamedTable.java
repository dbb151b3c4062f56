package switchboard.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import switchboard.core.spi.NameQuery;

/**
 * A table of things with an id, a unique name and a description: networks and device types, which
 * DeviceHive treats alike.
 */
abstract class JdbcNamedTable<T> {
  /** Builds a row's record. */
  @FunctionalInterface
  interface Factory<T> {
    T make(long id, String name, String description);
  }

  private final Db db;
  private final String table;
  private final Factory<T> factory;
  private final ToLongFunction<T> id;
  private final Function<T, String> name;
  private final Function<T, String> description;

  JdbcNamedTable(Db db, String table, Factory<T> factory, ToLongFunction<T> id,
      Function<T, String> name, Function<T, String> description) {
    this.db = db;
    this.table = table;
    this.factory = factory;
    this.id = id;
    this.name = name;
    this.description = description;
  }

  static <T> T read(ResultSet rs, Factory<T> factory) throws SQLException {
    return factory.make(rs.getLong("id"), rs.getString("name"), rs.getString("description"));
  }

  public T create(String newName, String newDescription) {
    long newId = db.insert("INSERT INTO " + table + " (name, description) VALUES (?, ?)",
        newName, newDescription);
    return factory.make(newId, newName, newDescription);
  }

  public Optional<T> find(long key) {
    return db.one(select() + " WHERE id = ?", this::row, key);
  }

  public Optional<T> findByName(String key) {
    return db.one(select() + " WHERE name = ?", this::row, key);
  }

  public boolean update(T item) {
    return db.update("UPDATE " + table + " SET name = ?, description = ? WHERE id = ?",
        name.apply(item), description.apply(item), id.applyAsLong(item)) > 0;
  }

  public boolean delete(long key) {
    return db.update("DELETE FROM " + table + " WHERE id = ?", key) > 0;
  }

  public List<T> list(NameQuery q) {
    Select s = new Select(select())
        .eq("name", q.name())
        .like("name", q.namePattern())
        .in("id", q.ids())
        .orderBy(q.sort() == NameQuery.Sort.NAME ? "name" : "id", q.descending())
        .page(q.page());
    return db.list(s.sql(), s.params(), this::row);
  }

  private String select() {
    return "SELECT id, name, description FROM " + table;
  }

  private T row(ResultSet rs) throws SQLException {
    return read(rs, factory);
  }
}
