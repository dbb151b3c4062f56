package switchboard.amps;

import switchboard.core.Subscription;

/**
 * The dialect's own data about one subscription, kept as the hub subscription's attachment when the
 * subscription asked for an option; one that asked for none (most) carries its sub_id alone, 24 bytes
 * less. Read an attachment through {@link #subId(Subscription)} and {@link #options(Subscription)}.
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
  /** The options of a subscription that asked for none. */
  static final AmpsSubscription NONE = new AmpsSubscription(null, false, false, false, false, false, false);

  /** The attachment for a new subscription: the sub_id alone when every option is off, else the record. */
  static Object attachment(AmpsSubscription a) {
    return a.timestamp || a.noSowKey || a.oof || a.delta || a.noEmpties || a.sowFed ? a : a.subId;
  }

  /** The client's sub_id of one of this dialect's subscriptions. */
  static String subId(Subscription s) {
    return s.attachment() instanceof AmpsSubscription a ? a.subId : (String) s.attachment();
  }

  /** The options of a subscription: {@link #NONE} for one that asked for none, or of another dialect. */
  static AmpsSubscription options(Subscription s) {
    return s.attachment() instanceof AmpsSubscription a ? a : NONE;
  }

  /**
   * The attachment of a publish that updated a State-of-the-World record: what delta subscribers get
   * instead of the whole record, worked out on first use, so an update that no delta subscription
   * receives costs nothing. Read from any event loop; two may both work it out once, with equal
   * results. The records' trees are not changed after they are written, so reading them is safe.
   */
  static final class Change {
    private final java.util.List<String[]> keyPaths;
    private final com.fasterxml.jackson.databind.JsonNode before;
    private final com.fasterxml.jackson.databind.JsonNode after;
    private volatile Deltas.Delta delta;

    Change(java.util.List<String[]> keyPaths, com.fasterxml.jackson.databind.JsonNode before,
        com.fasterxml.jackson.databind.JsonNode after) {
      this.keyPaths = keyPaths;
      this.before = before;
      this.after = after;
    }

    private Deltas.Delta delta() {
      Deltas.Delta d = delta;
      if (d == null) {
        delta = d = Deltas.of(keyPaths, before, after);
      }
      return d;
    }

    /** The changed fields and the key fields, as JSON. */
    byte[] body() {
      return delta().body();
    }

    /** True when no field changed. */
    boolean empty() {
      return delta().empty();
    }
  }

  /**
   * The attachment of a message that is an out-of-focus notice rather than a publish.
   *
   * @param reason {@code match} (the record no longer matches) or {@code deleted}
   */
  record OutOfFocus(String reason) {}
}
