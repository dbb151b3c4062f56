package switchboard.amps;

/**
 * The dialect's own data about one subscription, kept as the hub subscription's attachment.
 *
 * @param subId the client's id, listed in {@code sids} of every delivery
 * @param timestamp option {@code timestamp}: deliveries carry {@code ts}
 * @param noSowKey option {@code no_sowkey}: deliveries carry no {@code k}
 */
record AmpsSubscription(String subId, boolean timestamp, boolean noSowKey) {}
