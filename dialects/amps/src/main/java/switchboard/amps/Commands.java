package switchboard.amps;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import switchboard.core.Message;

/**
 * Carries out one command of one connection: checks the session, sends the {@code received} ack,
 * runs the command, and answers a failure with the command's failure ack. Session commands (logon,
 * heartbeat, flush) and publishing live here; subscriptions in {@link SubscriptionCommands}.
 */
final class Commands {
  private static final Logger log = LoggerFactory.getLogger(Commands.class);
  /** What the logon ack reports as the server version: four numeric parts, as clients parse it. */
  static final String SERVER_VERSION = "5.3.4.0";

  private final SubscriptionCommands subscriptions = new SubscriptionCommands();
  private final SowCommands sow;
  private final SowPersistence persistence;

  Commands(SowCommands sow, SowPersistence persistence) {
    this.sow = sow;
    this.persistence = persistence;
  }

  void handle(AmpsConnection c, Header h, byte[] body) {
    c.heartbeat.heard();
    String cmd = h.command == null ? "" : h.command;
    int asked = AckTypes.parse(h.ackType);
    try {
      if (!cmd.equals("logon") && !c.loggedOn) {
        implicitLogon(c);
      }
      switch (cmd) {
        case "logon" -> logon(c, h, asked);
        case "heartbeat" -> heartbeat(c, h, asked);
        case "flush" -> {
          received(c, h, asked);
          // commands run in order on the connection's event loop: every earlier one is done
          Acks.success(c, h, asked & AckTypes.PROCESSED);
          if ((asked & AckTypes.PERSISTED) != 0) {
            persistence.flushPersisted(c, h);
          }
        }
        case "p", "publish", "delta_publish" -> publish(c, h, asked, body, cmd.equals("delta_publish"));
        case "subscribe", "delta_subscribe" -> subscriptions.subscribe(c, h, asked);
        case "unsubscribe" -> subscriptions.unsubscribe(c, h, asked);
        case "sow", "sow_and_subscribe", "sow_and_delta_subscribe" -> subscriptions.sow(c, h, asked, !cmd.equals("sow"), sow);
        case "sow_delete" -> {
          received(c, h, asked);
          sow.delete(c, h, asked, body);
        }
        default -> throw new CommandFailure(Reason.NOT_SUPPORTED);
      }
    } catch (CommandFailure f) {
      Acks.failure(c, h, asked, f.reason);
    }
  }

  /** A {@code parse error} failure for a header that is not JSON; the connection keeps going. */
  void parseError(AmpsConnection c) {
    c.sendHeader(c.header("ack").field("a", "processed").field("status", "failure").reason(Reason.PARSE_ERROR));
  }

  static void received(AmpsConnection c, Header h, int asked) {
    Acks.success(c, h, asked & AckTypes.RECEIVED);
  }

  /**
   * A command before logon logs the client on anonymously, as AMPS does; where logon needs a password,
   * the command fails with {@code logon required} instead.
   */
  private static void implicitLogon(AmpsConnection c) throws CommandFailure {
    if (c.config.logonRequired()) {
      throw new CommandFailure(Reason.LOGON_REQUIRED);
    }
    c.loggedOn = true;
  }

  private static void logon(AmpsConnection c, Header h, int asked) throws CommandFailure {
    received(c, h, asked);
    if (c.loggedOn) {
      throw new CommandFailure(Reason.DUPLICATE_LOGON);
    }
    if (c.config.logonRequired()) {
      String expected = h.userId == null ? null : c.config.users().get(h.userId);
      boolean listed = expected != null && expected.equals(h.password);
      if (!listed && !(c.tokens != null && h.password != null && c.tokens.accepts(h.userId, h.password))) {
        log.info("logon of {} as '{}' refused: {}", c.channel().remoteAddress(), h.userId, Reason.AUTH_FAILURE);
        throw new CommandFailure(Reason.AUTH_FAILURE);
      }
    }
    c.loggedOn = true;
    c.clientName = h.clientName;
    c.userId = h.userId;
    log.info("logon of {} as client '{}' user '{}'", c.channel().remoteAddress(), h.clientName, h.userId);
    // The ack is always sent: both documented clients wait for it, and Java needs bm with a '|'.
    c.sendHeader(Acks.start(c, h, AckTypes.PROCESSED)
        .field("status", "success")
        .field("version", SERVER_VERSION)
        .field("bm", nameHash(h.clientName) + "|0|")
        .field("client_name", h.clientName)
        .field("user_id", h.userId));
  }

  /** The bookmark's client-name hash: FNV-1a 64 of the name, as an unsigned decimal. */
  static String nameHash(String clientName) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : (clientName == null ? "" : clientName).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return Long.toUnsignedString(hash);
  }

  private static void heartbeat(AmpsConnection c, Header h, int asked) throws CommandFailure {
    received(c, h, asked);
    String o = h.options == null ? "" : h.options.trim();
    if (o.equals("beat") || o.isEmpty()) {
      return;
    }
    if (o.equals("stop")) {
      c.heartbeat.stop();
      return;
    }
    List<String> parts = List.of(o.split(","));
    if (parts.size() == 2 && parts.get(0).trim().equals("start")) {
      long seconds;
      try {
        seconds = Long.parseLong(parts.get(1).trim());
      } catch (NumberFormatException e) {
        throw new CommandFailure(Reason.INVALID_OPTIONS);
      }
      if (seconds < 1 || seconds > c.config.maxHeartbeatInterval().toSeconds()) {
        throw new CommandFailure(Reason.INVALID_OPTIONS);
      }
      c.heartbeat.start(seconds);
      return;
    }
    throw new CommandFailure(Reason.INVALID_OPTIONS);
  }

  /**
   * publish and delta_publish; on a SOW topic the record is written too (a delta merged into it).
   * A persisted ack is sent when the record is stored, or at once where nothing is stored: see
   * {@link SowPersistence}.
   */
  private void publish(AmpsConnection c, Header h, int asked, byte[] body, boolean delta) throws CommandFailure {
    received(c, h, asked);
    String topic = h.topic;
    if (topic == null || topic.isEmpty() || SubscriptionCommands.isPattern(topic)) {
      throw new CommandFailure(Reason.INVALID_TOPIC);
    }
    var sowTopic = sow.topic(topic);
    boolean persisted = (asked & AckTypes.PERSISTED) != 0;
    if (sowTopic != null) {
      sow.publish(c, sowTopic, body, delta, persisted ? h : null);
    } else {
      c.hub.publish(Message.builder(topic).key(h.sowKey).payload(body).build());
    }
    Acks.success(c, h, asked & AckTypes.PROCESSED);
    if (persisted && (sowTopic == null || !persistence.durable())) {
      persistence.persistedNow(c, h);
    }
  }

  static String generatedId() {
    return "sb" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
  }
}
