package switchboard.xrpl;

/**
 * The engine topics the xrpl dialect publishes. Other dialects may subscribe to them too (read-only):
 * an amps client can filter {@code xrpl.transaction} by content.
 */
final class Topics {
  static final String LEDGER = "xrpl.ledger";
  static final String SERVER = "xrpl.server";
  /** Validated transactions; index keys {@value #ACCOUNT} (affected accounts) and {@value #BOOK}. */
  static final String TRANSACTION = "xrpl.transaction";
  /** Proposed (not yet validated) transactions; index key {@value #ACCOUNT} (mentioned accounts). */
  static final String TRANSACTION_PROPOSED = "xrpl.transaction.proposed";
  static final String VALIDATIONS = "xrpl.validations";
  static final String MANIFESTS = "xrpl.manifests";
  static final String CONSENSUS = "xrpl.consensus";
  static final String BOOK_CHANGES = "xrpl.book_changes";
  static final String PEER_STATUS = "xrpl.peer_status";

  /** Index key: an account a transaction concerns. */
  static final String ACCOUNT = "account";
  /** Index key: an order book a transaction touched, as {@link BookKey} spells it. */
  static final String BOOK = "book";

  private Topics() {}
}
