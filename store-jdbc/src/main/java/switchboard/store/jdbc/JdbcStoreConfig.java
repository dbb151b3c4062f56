package switchboard.store.jdbc;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the store's database is and how many connections it may hold.
 *
 * @param url a JDBC URL: H2 ({@code jdbc:h2:...}) or PostgreSQL ({@code jdbc:postgresql://...})
 * @param username may be null when the URL or the database needs none
 * @param password may be null
 * @param poolSize the most connections open at once; also the most store calls running at once
 * @param schema the schema to create the tables in and to use, or null for the connection's default
 */
public record JdbcStoreConfig(
    String url, String username, String password, int poolSize, String schema) {

  /** H2 behaving like PostgreSQL, so one set of migrations and statements serves both. */
  static final String H2_POSTGRES_MODE =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  public static final int DEFAULT_POOL_SIZE = 8;

  public JdbcStoreConfig {
    Objects.requireNonNull(url, "url");
    if (poolSize < 1) {
      throw new IllegalArgumentException("pool size must be at least 1: " + poolSize);
    }
  }

  /**
   * A database at this URL, with the default pool and schema. An H2 URL that names no mode gets
   * PostgreSQL mode, which the migrations and statements are written for.
   */
  public static JdbcStoreConfig of(String url, String username, String password) {
    if (url.startsWith("jdbc:h2:") && !url.toUpperCase(java.util.Locale.ROOT).contains(";MODE=")) {
      url = url + H2_POSTGRES_MODE;
    }
    return new JdbcStoreConfig(url, username, password, DEFAULT_POOL_SIZE, null);
  }

  /**
   * The embedded default: an H2 file database {@code switchboard} in the directory (for example
   * {@code ./data}), created on first use.
   */
  public static JdbcStoreConfig embedded(Path directory) {
    String file = directory.toAbsolutePath().resolve("switchboard").toString();
    return of("jdbc:h2:file:" + file + H2_POSTGRES_MODE, "sa", "");
  }

  /** An H2 database in memory, gone when the store closes; for tests and trials. */
  public static JdbcStoreConfig inMemory(String name) {
    return of("jdbc:h2:mem:" + name + H2_POSTGRES_MODE, "sa", "");
  }

  public JdbcStoreConfig withPoolSize(int size) {
    return new JdbcStoreConfig(url, username, password, size, schema);
  }

  public JdbcStoreConfig withSchema(String name) {
    return new JdbcStoreConfig(url, username, password, poolSize, name);
  }

  @Override
  public String toString() {
    // A password may sit in the URL too; it never reaches a log.
    String shownUrl = url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    return "JdbcStoreConfig[url=" + shownUrl + ", username=" + username + ", poolSize=" + poolSize
        + ", schema=" + schema + "]";
  }
}
