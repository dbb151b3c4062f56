package switchboard.client;

import java.util.List;
import java.util.Map;

/**
 * Header key names. AMPS accepts a long and a short name for many keys (protocols/amps.md §1.4); this
 * client keeps every header under one canonical name, the short one where there is one (except
 * {@code filter}, which clients always spell out), and writes the names the JS client writes.
 */
final class HeaderKeys {
  private HeaderKeys() {}

  static final String COMMAND = "c";
  static final String COMMAND_ID = "cid";
  static final String TOPIC = "t";
  static final String ACK_TYPE = "a";
  static final String SEQUENCE = "s";
  static final String BOOKMARK = "bm";
  static final String BATCH_SIZE = "bs";
  static final String CORRELATION_ID = "x";
  static final String EXPIRATION = "e";
  static final String FILTER = "filter";
  static final String OPTIONS = "o";
  static final String SOW_KEY = "k";
  static final String LENGTH = "l";
  static final String TIMESTAMP = "ts";
  static final String VERSION = "v";
  static final String PASSWORD = "pw";
  static final String CLIENT_NAME = "client_name";
  static final String USER_ID = "user_id";
  static final String SUB_ID = "sub_id";
  static final String SIDS = "sids";
  static final String QUERY_ID = "query_id";
  static final String STATUS = "status";
  static final String REASON = "reason";
  static final String ORDER_BY = "orderby";
  static final String TOP_N = "top_n";
  static final String SOW_KEYS = "sow_keys";
  static final String GROUP_SEQ = "gseq";

  /** Long names and aliases (§1.4, and the aliases strict parsers accept) to the canonical name. */
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("cmd", COMMAND),
      Map.entry("cmd_id", COMMAND_ID),
      Map.entry("topic", TOPIC),
      Map.entry("ack_type", ACK_TYPE),
      Map.entry("ack", ACK_TYPE),
      Map.entry("seq", SEQUENCE),
      Map.entry("bookmark", BOOKMARK),
      Map.entry("batch_size", BATCH_SIZE),
      Map.entry("correlation_id", CORRELATION_ID),
      Map.entry("expiration", EXPIRATION),
      Map.entry("f", FILTER),
      Map.entry("opts", OPTIONS),
      Map.entry("sow_key", SOW_KEY),
      Map.entry("msg_len", LENGTH),
      Map.entry("leaseperiod", "lp"),
      Map.entry("timestamp", TIMESTAMP),
      Map.entry("version", VERSION),
      Map.entry("password", PASSWORD),
      Map.entry("sub_ids", SUB_ID),
      Map.entry("group_seq_num", GROUP_SEQ));

  /**
   * The order in which commands are written: the JS client's order (§1.4), so that every header this
   * client sends has a shape the server is known to see from a documented client.
   */
  static final List<String> WRITE_ORDER = List.of(
      COMMAND, TOPIC, FILTER, BATCH_SIZE, COMMAND_ID, SUB_ID, QUERY_ID, ACK_TYPE, OPTIONS, BOOKMARK,
      SOW_KEY, EXPIRATION, CORRELATION_ID, SEQUENCE, TOP_N, ORDER_BY, SOW_KEYS, SIDS, VERSION,
      CLIENT_NAME, USER_ID, PASSWORD);

  /** The canonical name of a header key, long or short. */
  static String canonical(String key) {
    return ALIASES.getOrDefault(key, key);
  }

  /** The name written on the wire for a canonical key: the JS client's spelling ({@code version}, not {@code v}). */
  static String wireName(String canonical) {
    return canonical.equals(VERSION) ? "version" : canonical;
  }
}
