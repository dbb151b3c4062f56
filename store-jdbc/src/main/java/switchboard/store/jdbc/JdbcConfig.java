package switchboard.store.jdbc;

import java.util.Objects;
import java.util.Optional;
import switchboard.core.spi.ConfigStore;
import switchboard.core.spi.StoreException;

/** Named values in {@code sb_config}. */
final class JdbcConfig implements ConfigStore {
  private final Db db;

  JdbcConfig(Db db) {
    this.db = db;
  }

  @Override
  public Optional<String> get(String name) {
    return db.one("SELECT config_value FROM sb_config WHERE name = ?", rs -> rs.getString(1), name);
  }

  @Override
  public void put(String name, String value) {
    Objects.requireNonNull(value, "value");
    Db.retryOnDuplicate(() -> db.transaction(c -> {
      if (Db.update(c, "UPDATE sb_config SET config_value = ? WHERE name = ?", value, name) == 0) {
        Db.update(c, "INSERT INTO sb_config (name, config_value) VALUES (?, ?)", name, value);
      }
      return null;
    }));
  }

  @Override
  public String putIfAbsent(String name, String value) {
    Objects.requireNonNull(value, "value");
    // The insert is the atomic step: whichever node's insert wins, every other one reads its value.
    // A value deleted between the failed insert and the read is put again.
    while (true) {
      try {
        db.update("INSERT INTO sb_config (name, config_value) VALUES (?, ?)", name, value);
        return value;
      } catch (StoreException e) {
        if (!SqlErrors.isDuplicate(e)) {
          throw e;
        }
      }
      Optional<String> existing = get(name);
      if (existing.isPresent()) {
        return existing.get();
      }
    }
  }

  @Override
  public boolean delete(String name) {
    return db.update("DELETE FROM sb_config WHERE name = ?", name) > 0;
  }
}
