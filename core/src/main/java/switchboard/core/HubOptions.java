package switchboard.core;

/**
 * The hub's limits and tuning.
 *
 * @param maxSubscriptionsPerOwner how many subscriptions one owner (connection) may hold at once
 * @param patternCacheCapacity how many topics' topic-pattern matches the index remembers; 0 for none
 */
public record HubOptions(int maxSubscriptionsPerOwner, int patternCacheCapacity) {
  public static final HubOptions DEFAULTS = new HubOptions(100_000, 10_000);

  public HubOptions {
    if (maxSubscriptionsPerOwner < 1) {
      throw new IllegalArgumentException("maxSubscriptionsPerOwner must be at least 1");
    }
    if (patternCacheCapacity < 0) {
      throw new IllegalArgumentException("patternCacheCapacity must be 0 or more");
    }
  }
}
