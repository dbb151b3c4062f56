package switchboard.server.config;

import java.nio.file.Path;

/**
 * The database behind the dialects that keep data (devicehive): an embedded H2 file database under
 * {@code dataDir} unless a JDBC URL names another (PostgreSQL).
 *
 * @param url a JDBC URL ({@code jdbc:postgresql://host:5432/db}), or null for the embedded database
 * @param username for the URL's database; null when it needs none
 * @param password for the URL's database; null when it needs none
 * @param poolSize connections held open at most
 * @param dataDir where the embedded database lives
 */
public record StoreConfig(String url, String username, String password, @Range(min = 1, max = 1024) int poolSize, Path dataDir) {
  public StoreConfig {
    if (url != null && url.isBlank()) {
      url = null;
    }
    if (url != null && !url.startsWith("jdbc:")) {
      throw new IllegalArgumentException("url must be a JDBC URL (jdbc:postgresql://..., jdbc:h2:...), got " + url);
    }
    if (url == null && dataDir == null) {
      throw new IllegalArgumentException("data-dir is needed when no url is given");
    }
  }
}
