package switchboard.xrpl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import switchboard.core.Hub;
import switchboard.core.Message;

/**
 * Where stream messages from a source (an upstream rippled, a recording) enter the engine. Each one is
 * published once, under its topic, with the index keys that route it (protocols/xrpl.md §4):
 * validated transactions by affected account and, when successful, by book; proposed ones by the
 * accounts they mention. Thread-safe: sources call {@link #accept} from their own threads.
 */
final class Feed {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Hub hub;
  /**
   * The validated transactions of the ledger being published: an upstream subscribed to both
   * transactions streams sends each one twice, back to back, and a ledger never holds one twice.
   */
  private final Set<String> ledgerHashes = new HashSet<>();
  private long ledgerIndex = -1;
  private volatile LedgerState state = LedgerState.EMPTY;
  private volatile String source = "none";
  private long accepted;

  Feed(Hub hub) {
    this.hub = hub;
  }

  LedgerState state() {
    return state;
  }

  /** What feeds this server, for /health and server_info: {@code none}, {@code replay}, {@code upstream ...}. */
  String source() {
    return source;
  }

  void source(String description) {
    this.source = description;
  }

  synchronized long acceptedCount() {
    return accepted;
  }

  /** Publishes one stream message; returns false for one this dialect does not route. */
  boolean accept(ObjectNode msg) {
    return accept(msg, null);
  }

  /**
   * Publishes one stream message, given also as the text it was read from: when that is already its
   * api_version 2 rendering, those bytes are what version 2 receivers get, and nothing is serialised.
   */
  synchronized boolean accept(ObjectNode msg, String text) {
    String type = msg.path("type").asText();
    Message.Builder m;
    switch (type) {
      case "ledgerClosed" -> {
        state = state.withLedger(msg, System.currentTimeMillis());
        m = Message.builder(Topics.LEDGER);
      }
      case "transaction" -> {
        m = transaction(msg);
        if (m == null) {
          return false;
        }
      }
      case "serverStatus" -> {
        state = state.withServerStatus(msg);
        m = Message.builder(Topics.SERVER);
      }
      case "validationReceived" -> m = Message.builder(Topics.VALIDATIONS);
      case "manifestReceived" -> m = Message.builder(Topics.MANIFESTS);
      case "consensusPhase" -> m = Message.builder(Topics.CONSENSUS);
      case "bookChanges" -> m = Message.builder(Topics.BOOK_CHANGES);
      case "peerStatusChange" -> m = Message.builder(Topics.PEER_STATUS);
      default -> {
        return false;
      }
    }
    XrplEvent event = new XrplEvent(msg, text == null ? null : text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    hub.publish(m.payload(event.bytes(2)).json(msg).attachment(event).build());
    accepted++;
    return true;
  }

  private Message.Builder transaction(ObjectNode msg) {
    JsonNode tx = Rendering.txBody(msg);
    boolean validated = msg.path("validated").asBoolean(false);
    if (!validated) {
      return Message.builder(Topics.TRANSACTION_PROPOSED)
          .indexKey(Topics.ACCOUNT, new ArrayList<>(TxRouting.mentionedAccounts(tx)));
    }
    String hash = msg.has("hash") ? msg.get("hash").asText() : tx.path("hash").asText();
    long index = msg.path("ledger_index").asLong(-1);
    if (index != ledgerIndex) {
      ledgerIndex = index;
      ledgerHashes.clear();
    }
    if (!hash.isEmpty() && !ledgerHashes.add(hash)) {
      return null;
    }
    JsonNode meta = msg.path("meta");
    Message.Builder b = Message.builder(Topics.TRANSACTION)
        .indexKey(Topics.ACCOUNT, new ArrayList<>(TxRouting.affectedAccounts(meta)));
    if ("tesSUCCESS".equals(msg.path("engine_result").asText())) {
      Set<String> books = TxRouting.bookKeys(meta);
      if (!books.isEmpty()) {
        b.indexKey(Topics.BOOK, new ArrayList<>(books));
      }
    }
    return b;
  }

  /** Parses one line of a recording or one upstream frame; null when it is not a JSON object. */
  static ObjectNode parse(String text) {
    try {
      JsonNode n = JSON.readTree(text);
      return n instanceof ObjectNode o ? o : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** The same, from UTF-8 bytes, with no string made first. */
  static ObjectNode parse(byte[] utf8) {
    try {
      JsonNode n = JSON.readTree(utf8);
      return n instanceof ObjectNode o ? o : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
