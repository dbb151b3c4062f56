package switchboard.xrpl;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * {@code server_info}, and what subscribing to {@code ledger} and {@code server} answers, from what
 * the feed has seen. Only what this server knows is reported: it has no peers, no node key and no
 * ledger store of its own, so those fields are absent rather than invented.
 */
final class ServerInfo {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MMM-dd HH:mm:ss.SSSSSS 'UTC'", java.util.Locale.ROOT).withZone(ZoneOffset.UTC);
  /** A ledger closes every few seconds; one this old means the feed has stalled. */
  private static final long FRESH_MILLIS = 60_000;
  /** rippled's load_base and the load_factor of an unloaded server. */
  private static final int LOAD_BASE = 256;

  private ServerInfo() {}

  /** rippled's server_state for a server that serves what its feed gives it. */
  static String state(XrplDialect d) {
    LedgerState s = d.feed().state();
    if (s.lastLedger() != null && System.currentTimeMillis() - s.receivedAtMillis() < FRESH_MILLIS) {
      return "full";
    }
    return d.feed().source().equals("none") ? "disconnected" : "connected";
  }

  static ObjectNode of(XrplDialect d) {
    LedgerState s = d.feed().state();
    ObjectNode info = NODES.objectNode();
    info.put("build_version", d.version());
    info.put("complete_ledgers", s.validatedLedgers());
    info.put("hostid", d.hostId());
    info.put("load_factor", 1);
    if (s.networkId() != null) {
      info.put("network_id", s.networkId());
    }
    info.put("server_state", state(d));
    info.put("time", TIME.format(Instant.now()));
    info.put("uptime", d.uptimeSeconds());
    if (s.lastLedger() != null) {
      ObjectNode v = info.putObject("validated_ledger");
      v.put("age", Math.max(0, (System.currentTimeMillis() - s.receivedAtMillis()) / 1000));
      v.put("base_fee_xrp", drops(s.lastLedger().path("fee_base").asLong()));
      v.put("hash", s.lastLedger().path("ledger_hash").asText());
      v.put("reserve_base_xrp", drops(s.lastLedger().path("reserve_base").asLong()));
      v.put("reserve_inc_xrp", drops(s.lastLedger().path("reserve_inc").asLong()));
      v.put("seq", s.lastLedger().path("ledger_index").asLong());
    }
    ObjectNode result = NODES.objectNode();
    result.set("info", Envelope.sorted(info));
    return result;
  }

  /** The last validated ledger's fields, as subscribing to {@code ledger} answers them; none when none is known. */
  static void ledger(LedgerState s, ObjectNode result) {
    ObjectNode l = s.lastLedger();
    if (l == null) {
      return;
    }
    for (String k : new String[] {"fee_base", "fee_ref", "ledger_hash", "ledger_index", "ledger_time", "network_id", "reserve_base", "reserve_inc"}) {
      if (l.has(k)) {
        result.set(k, l.get(k));
      }
    }
    result.put("validated_ledgers", s.validatedLedgers());
  }

  /** What subscribing to {@code server} answers. */
  static void server(XrplDialect d, ObjectNode result) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    result.put("hostid", d.hostId());
    result.put("load_base", LOAD_BASE);
    result.put("load_factor", LOAD_BASE);
    result.put("random", HexFormat.of().withUpperCase().formatHex(random));
    result.put("server_status", state(d));
  }

  private static double drops(long drops) {
    return drops / 1_000_000.0;
  }
}
