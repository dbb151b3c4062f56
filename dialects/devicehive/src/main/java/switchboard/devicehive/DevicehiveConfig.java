package switchboard.devicehive;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The devicehive dialect's settings (protocols/devicehive.md).
 *
 * @param enabled whether the server installs the dialect at all
 * @param webSocketPaths the WebSocket endpoints on the HTTP listener ({@code /dh/websocket} and the
 *     nginx-style alias {@code /api/websocket})
 * @param admin the administrator created on first start (user id 1)
 * @param jwt how tokens are signed and how long they live
 * @param commandReplayLimit the default {@code limit} of a command subscription's timestamp replay
 * @param notificationReplayLimit the cap on a notification subscription's timestamp replay
 * @param retention commands and notifications older than this are deleted; zero keeps them
 * @param blockingThreads threads for store calls, which block and so never run on an event loop
 */
public record DevicehiveConfig(
    boolean enabled,
    List<String> webSocketPaths,
    Admin admin,
    Jwt jwt,
    int commandReplayLimit,
    int notificationReplayLimit,
    Duration retention,
    int blockingThreads) {

  public static final List<String> DEFAULT_PATHS = List.of("/dh/websocket", "/api/websocket");

  /**
   * @param login the administrator's login
   * @param password its password; null to generate one on first start and log it once
   */
  public record Admin(String login, String password) {
    public Admin {
      if (login == null || login.isBlank()) {
        throw new IllegalArgumentException("admin.login must not be empty");
      }
    }
  }

  /**
   * @param secret DeviceHive's {@code JWT_SECRET}, read as Base64 the way DeviceHive reads it (§5), so
   *     tokens minted by a DeviceHive with the same secret are accepted; null to generate one on first
   *     start and keep it in the database
   * @param accessTokenLifetime how long an access token lives (DeviceHive: 30 minutes)
   * @param refreshTokenLifetime how long a refresh token lives (DeviceHive: about 182 days)
   */
  public record Jwt(String secret, Duration accessTokenLifetime, Duration refreshTokenLifetime) {
    public Jwt {
      Objects.requireNonNull(accessTokenLifetime, "access-token-lifetime");
      Objects.requireNonNull(refreshTokenLifetime, "refresh-token-lifetime");
      if (secret != null && secret.isBlank()) {
        secret = null;
      }
    }
  }

  public DevicehiveConfig {
    webSocketPaths = List.copyOf(webSocketPaths);
    for (String p : webSocketPaths) {
      if (!p.startsWith("/")) {
        throw new IllegalArgumentException("web-socket-paths must start with '/', got " + p);
      }
    }
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(jwt, "jwt");
    Objects.requireNonNull(retention, "retention");
    if (commandReplayLimit < 0 || notificationReplayLimit < 0) {
      throw new IllegalArgumentException("replay limits must not be negative");
    }
    if (blockingThreads < 1) {
      throw new IllegalArgumentException("blocking-threads must be at least 1, got " + blockingThreads);
    }
  }

  /**
   * The settings tests use: DeviceHive's seed administrator ({@code dhadmin}) and secret
   * ({@code devicehive}, as in DeviceHive's own test setup), 20/100 replay limits, two store threads.
   */
  public static DevicehiveConfig forTests() {
    return new DevicehiveConfig(true, DEFAULT_PATHS, new Admin("dhadmin", "dhadmin_#911"),
        new Jwt("devicehive", Duration.ofMillis(1_800_000L), Duration.ofMillis(15_724_800_000L)), 20, 100, Duration.ofDays(7), 2);
  }

  public DevicehiveConfig withJwt(Jwt j) {
    return new DevicehiveConfig(enabled, webSocketPaths, admin, j, commandReplayLimit, notificationReplayLimit, retention, blockingThreads);
  }

  public DevicehiveConfig withAdmin(Admin a) {
    return new DevicehiveConfig(enabled, webSocketPaths, a, jwt, commandReplayLimit, notificationReplayLimit, retention, blockingThreads);
  }

  public DevicehiveConfig withAccessTokenLifetime(Duration d) {
    return withJwt(new Jwt(jwt.secret(), d, jwt.refreshTokenLifetime()));
  }
}
