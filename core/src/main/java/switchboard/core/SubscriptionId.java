package switchboard.core;

/** The hub's id of one subscription, unique within a {@link Hub} for its lifetime. */
public record SubscriptionId(long value) implements Comparable<SubscriptionId> {
  @Override
  public int compareTo(SubscriptionId o) {
    return Long.compare(value, o.value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
