package switchboard.amps;

/**
 * The dialect's own data about one subscription, kept as the hub subscription's attachment.
 *
 * @param subId the client's id, listed in {@code sids} of every delivery
 * @param timestamp option {@code timestamp}: deliveries carry {@code ts}
 * @param noSowKey option {@code no_sowkey}: deliveries carry no {@code k}
 * @param oof option {@code oof}: told when a State-of-the-World record it had leaves its focus
 */
record AmpsSubscription(String subId, boolean timestamp, boolean noSowKey, boolean oof) {

  /**
   * The attachment of a message that is an out-of-focus notice rather than a publish.
   *
   * @param reason {@code match} (the record no longer matches) or {@code deleted}
   */
  record OutOfFocus(String reason) {}
}
