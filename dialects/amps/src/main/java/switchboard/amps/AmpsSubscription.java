package switchboard.amps;

/**
 * The dialect's own data about one subscription, kept as the hub subscription's attachment.
 *
 * @param subId the client's id, listed in {@code sids} of every delivery
 * @param timestamp option {@code timestamp}: deliveries carry {@code ts}
 * @param noSowKey option {@code no_sowkey}: deliveries carry no {@code k}
 * @param oof option {@code oof}: told when a State-of-the-World record it had leaves its focus
 * @param delta a {@code delta_subscribe}: an update to a State-of-the-World record comes as the
 *     fields that changed and the key fields
 * @param noEmpties option {@code no_empties}: a delta update that changes nothing is not sent
 * @param sowFed made by a {@code sow_and_subscribe}: it was sent the records that matched when it began
 */
record AmpsSubscription(String subId, boolean timestamp, boolean noSowKey, boolean oof, boolean delta, boolean noEmpties,
    boolean sowFed) {

  /**
   * The attachment of a publish that updated a State-of-the-World record: what delta subscribers
   * get instead of the whole record.
   *
   * @param body the changed fields and the key fields, as JSON
   * @param empty true when no field changed
   */
  record Change(byte[] body, boolean empty) {}

  /**
   * The attachment of a message that is an out-of-focus notice rather than a publish.
   *
   * @param reason {@code match} (the record no longer matches) or {@code deleted}
   */
  record OutOfFocus(String reason) {}
}
