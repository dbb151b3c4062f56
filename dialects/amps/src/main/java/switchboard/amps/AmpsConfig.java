package switchboard.amps;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The amps dialect's settings.
 *
 * @param enabled whether the dialect is served at all
 * @param tcpHost address of the TCP listener
 * @param tcpPort port of the TCP listener (9007; 0 for any free port)
 * @param webSocketPath path of the WebSocket endpoint on the main HTTP listener
 * @param users user id to password; when empty (and tokenLogon is off), logon is anonymous (any user
 *     id, no password check)
 * @param tokenLogon logon also accepts, as the password, an access token of the server's token
 *     issuer (the devicehive dialect's JWTs); logon then needs credentials
 * @param maxHeartbeatInterval the longest heartbeat interval a client may ask for
 * @param sowTopics the topics that keep a State of the World, with their key fields
 * @param persistence whether those topics' records outlive the server, when it has a store
 */
public record AmpsConfig(
    boolean enabled,
    String tcpHost,
    int tcpPort,
    String webSocketPath,
    Map<String, String> users,
    boolean tokenLogon,
    Duration maxHeartbeatInterval,
    List<SowTopicConfig> sowTopics,
    Persistence persistence) {

  /**
   * Keeping State-of-the-World records in the server's store (they are in memory either way).
   *
   * @param sowRecords whether SOW topics are loaded from the store at start and every change to them
   *     written there (in batches, off the event loops), a publish's {@code persisted} ack waiting for
   *     its record's commit; false, or a server without a store: in memory only, lost on restart
   * @param closeTimeout how long closing the dialect waits for queued changes to be written
   */
  public record Persistence(boolean sowRecords, Duration closeTimeout) {
    public static final Persistence DEFAULTS = new Persistence(true, Duration.ofSeconds(10));

    public Persistence {
      if (closeTimeout == null || closeTimeout.isNegative()) {
        throw new IllegalArgumentException("close-timeout must not be negative, got " + closeTimeout);
      }
    }
  }

  /**
   * One State-of-the-World topic.
   *
   * @param topic the exact topic name
   * @param keys the fields whose values identify a record ({@code /id}, or several)
   */
  public record SowTopicConfig(String topic, List<String> keys) {
    public SowTopicConfig {
      if (topic == null || topic.isBlank()) {
        throw new IllegalArgumentException("a SOW topic needs a name");
      }
      if (keys == null || keys.isEmpty()) {
        throw new IllegalArgumentException("SOW topic " + topic + " needs at least one key field");
      }
      for (String k : keys) {
        if (!k.startsWith("/") || k.length() < 2) {
          throw new IllegalArgumentException("SOW topic " + topic + ": key field must look like /name, got " + k);
        }
      }
      keys = List.copyOf(keys);
    }
  }

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
    if (persistence == null) {
      throw new IllegalArgumentException("persistence must be given");
    }
    users = Map.copyOf(users);
    sowTopics = List.copyOf(sowTopics);
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (SowTopicConfig t : sowTopics) {
      if (!seen.add(t.topic())) {
        throw new IllegalArgumentException("SOW topic " + t.topic() + " is configured twice");
      }
    }
  }

  /** True when logon needs credentials: users are listed, or tokens are accepted. */
  public boolean logonRequired() {
    return !users.isEmpty() || tokenLogon;
  }

  /** The SOW topics as the engine takes them: topic to key fields. */
  public Map<String, List<String>> sowKeyFields() {
    Map<String, List<String>> m = new java.util.LinkedHashMap<>();
    for (SowTopicConfig t : sowTopics) {
      m.put(t.topic(), t.keys());
    }
    return m;
  }

  /** The same settings with these SOW topics. */
  public AmpsConfig withSowTopics(List<SowTopicConfig> topics) {
    return new AmpsConfig(enabled, tcpHost, tcpPort, webSocketPath, users, tokenLogon, maxHeartbeatInterval, topics, persistence);
  }

  /** The same settings with this persistence. */
  public AmpsConfig withPersistence(Persistence p) {
    return new AmpsConfig(enabled, tcpHost, tcpPort, webSocketPath, users, tokenLogon, maxHeartbeatInterval, sowTopics, p);
  }

  /** The same settings with these users and token logon. */
  public AmpsConfig withLogon(Map<String, String> u, boolean tokens) {
    return new AmpsConfig(enabled, tcpHost, tcpPort, webSocketPath, u, tokens, maxHeartbeatInterval, sowTopics, persistence);
  }

  /** The same settings with this longest heartbeat interval. */
  public AmpsConfig withMaxHeartbeatInterval(Duration d) {
    return new AmpsConfig(enabled, tcpHost, tcpPort, webSocketPath, users, tokenLogon, d, sowTopics, persistence);
  }

  /** Loopback, any free port, anonymous logon, SOW records kept when a store is given: for tests. */
  public static AmpsConfig forTests() {
    return new AmpsConfig(true, "127.0.0.1", 0, "/amps/json", Map.of(), false, Duration.ofMinutes(5), List.of(),
        new Persistence(true, Duration.ofSeconds(5)));
  }
}
