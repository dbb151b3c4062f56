package switchboard.xrpl;

/**
 * What a subscription is, as the engine's subscription type, and the category it counts in. rippled
 * sends a transaction once per category a connection is subscribed through (protocols/xrpl.md §4):
 * {@code transactions} + {@code accounts} means two copies, but three accounts the transaction touches
 * (or accounts and accounts_proposed together, or two books) mean one.
 */
enum Category {
  TRANSACTIONS("transactions", 1),
  TRANSACTIONS_PROPOSED("transactions_proposed", 2),
  ACCOUNTS("accounts", 4),
  ACCOUNTS_PROPOSED("accounts_proposed", 4),
  BOOKS("books", 8),
  STREAM("stream", 16);

  final String type;
  /** Subscriptions with the same bit share one copy of a message. */
  final int bit;

  Category(String type, int bit) {
    this.type = type;
    this.bit = bit;
  }
}
