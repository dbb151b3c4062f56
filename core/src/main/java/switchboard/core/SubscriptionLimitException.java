package switchboard.core;

/** A subscribe that would take an owner past its configured number of subscriptions. */
public final class SubscriptionLimitException extends RuntimeException {
  private final int limit;

  public SubscriptionLimitException(int limit) {
    super("subscription limit reached: " + limit + " per connection");
    this.limit = limit;
  }

  public int limit() {
    return limit;
  }
}
