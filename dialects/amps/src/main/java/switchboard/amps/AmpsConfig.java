package switchboard.amps;

import java.time.Duration;
import java.util.Map;

/**
 * The amps dialect's settings.
 *
 * @param enabled whether the dialect is served at all
 * @param tcpHost address of the TCP listener
 * @param tcpPort port of the TCP listener (9007; 0 for any free port)
 * @param webSocketPath path of the WebSocket endpoint on the main HTTP listener
 * @param users user id to password; when empty, logon is anonymous (any user id, no password check)
 * @param maxHeartbeatInterval the longest heartbeat interval a client may ask for
 */
public record AmpsConfig(
    boolean enabled,
    String tcpHost,
    int tcpPort,
    String webSocketPath,
    Map<String, String> users,
    Duration maxHeartbeatInterval) {

  public AmpsConfig {
    if (tcpPort < 0 || tcpPort > 65_535) {
      throw new IllegalArgumentException("tcp-port must be between 0 and 65535, got " + tcpPort);
    }
    if (!webSocketPath.startsWith("/")) {
      throw new IllegalArgumentException("web-socket-path must start with '/', got " + webSocketPath);
    }
    if (maxHeartbeatInterval.toSeconds() < 1) {
      throw new IllegalArgumentException("max-heartbeat-interval must be at least 1s, got " + maxHeartbeatInterval);
    }
    users = Map.copyOf(users);
  }

  /** Loopback, any free port, anonymous logon: for tests. */
  public static AmpsConfig forTests() {
    return new AmpsConfig(true, "127.0.0.1", 0, "/amps/json", Map.of(), Duration.ofMinutes(5));
  }
}
