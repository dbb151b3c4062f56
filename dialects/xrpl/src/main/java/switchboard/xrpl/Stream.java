package switchboard.xrpl;

import java.util.Map;

/**
 * The named streams of subscribe and unsubscribe (protocols/xrpl.md §1.1–1.2) and the topic each one
 * reads in the engine. Transactions are not here: they are routed by category (see {@link Category}).
 */
enum Stream {
  LEDGER("ledger", Topics.LEDGER, false, true),
  SERVER("server", Topics.SERVER, false, true),
  TRANSACTIONS("transactions", null, false, true),
  TRANSACTIONS_PROPOSED("transactions_proposed", null, false, true),
  VALIDATIONS("validations", Topics.VALIDATIONS, false, true),
  MANIFESTS("manifests", Topics.MANIFESTS, false, true),
  CONSENSUS("consensus", Topics.CONSENSUS, false, true),
  /** rippled accepts it on subscribe only: the subscription ends with the connection. */
  BOOK_CHANGES("book_changes", Topics.BOOK_CHANGES, false, false),
  /** Admin only on subscribe; anyone may unsubscribe. */
  PEER_STATUS("peer_status", Topics.PEER_STATUS, true, true);

  private static final Map<String, Stream> BY_NAME = Map.ofEntries(
      Map.entry("ledger", LEDGER), Map.entry("server", SERVER), Map.entry("transactions", TRANSACTIONS),
      Map.entry("transactions_proposed", TRANSACTIONS_PROPOSED),
      Map.entry("rt_transactions", TRANSACTIONS_PROPOSED), // deprecated alias (seed 002)
      Map.entry("validations", VALIDATIONS), Map.entry("manifests", MANIFESTS), Map.entry("consensus", CONSENSUS),
      Map.entry("book_changes", BOOK_CHANGES), Map.entry("peer_status", PEER_STATUS));

  final String wireName;
  final String topic;
  final boolean adminOnSubscribe;
  final boolean unsubscribable;

  Stream(String wireName, String topic, boolean adminOnSubscribe, boolean unsubscribable) {
    this.wireName = wireName;
    this.topic = topic;
    this.adminOnSubscribe = adminOnSubscribe;
    this.unsubscribable = unsubscribable;
  }

  static Stream named(String name) {
    return BY_NAME.get(name);
  }
}
