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
 * @param adminLogin the administrator created on first start (user id 1)
 * @param adminPassword that administrator's password
 * @param jwtSecret DeviceHive's {@code JWT_SECRET}; read as Base64 the way DeviceHive reads it (§5)
 * @param accessTokenLifetime how long an access token lives (DeviceHive: 30 minutes)
 * @param refreshTokenLifetime how long a refresh token lives (DeviceHive: about 182 days)
 * @param commandReplayLimit the default {@code limit} of a command subscription's timestamp replay
 * @param notificationReplayLimit the cap on a notification subscription's timestamp replay
 * @param retention commands and notifications older than this are deleted; zero keeps them
 * @param blockingThreads threads for store calls, which block and so never run on an event loop
 */
public record DevicehiveConfig(
    boolean enabled,
    List<String> webSocketPaths,
    String adminLogin,
    String adminPassword,
    String jwtSecret,
    Duration accessTokenLifetime,
    Duration refreshTokenLifetime,
    int commandReplayLimit,
    int notificationReplayLimit,
    Duration retention,
    int blockingThreads) {

  public static final List<String> DEFAULT_PATHS = List.of("/dh/websocket", "/api/websocket");

  public DevicehiveConfig {
    webSocketPaths = List.copyOf(webSocketPaths);
    Objects.requireNonNull(adminLogin, "adminLogin");
    Objects.requireNonNull(adminPassword, "adminPassword");
    Objects.requireNonNull(jwtSecret, "jwtSecret");
    Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
    Objects.requireNonNull(refreshTokenLifetime, "refreshTokenLifetime");
    Objects.requireNonNull(retention, "retention");
    if (commandReplayLimit < 0 || notificationReplayLimit < 0) {
      throw new IllegalArgumentException("replay limits must not be negative");
    }
    if (blockingThreads < 1) {
      throw new IllegalArgumentException("blockingThreads must be at least 1: " + blockingThreads);
    }
  }

  /** DeviceHive's defaults: its seed administrator, secret {@code devicehive}, 20/100 replay limits. */
  public static DevicehiveConfig defaults() {
    return new DevicehiveConfig(true, DEFAULT_PATHS, "dhadmin", "dhadmin_#911", "devicehive",
        Duration.ofMillis(1_800_000L), Duration.ofMillis(15_724_800_000L), 20, 100, Duration.ofDays(7), 4);
  }

  /** The defaults with two store threads, as tests on a small machine want. */
  public static DevicehiveConfig forTests() {
    return defaults().withBlockingThreads(2);
  }

  public DevicehiveConfig withBlockingThreads(int n) {
    return new DevicehiveConfig(enabled, webSocketPaths, adminLogin, adminPassword, jwtSecret,
        accessTokenLifetime, refreshTokenLifetime, commandReplayLimit, notificationReplayLimit, retention, n);
  }

  public DevicehiveConfig withAccessTokenLifetime(Duration d) {
    return new DevicehiveConfig(enabled, webSocketPaths, adminLogin, adminPassword, jwtSecret, d,
        refreshTokenLifetime, commandReplayLimit, notificationReplayLimit, retention, blockingThreads);
  }
}
