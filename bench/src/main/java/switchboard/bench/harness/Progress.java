package switchboard.bench.harness;

/**
 * Watches a counter that should keep moving (deliveries): a run in which it has not moved for
 * {@link Publishing#STALL} is stalled, and ends and says so rather than hanging.
 */
public final class Progress {
  private long last = -1;
  private long lastChange = System.nanoTime();

  /** Notes the counter's value; true once it has stood still for too long. */
  public boolean stalled(long value) {
    long now = System.nanoTime();
    if (value != last) {
      last = value;
      lastChange = now;
      return false;
    }
    return now - lastChange > Publishing.STALL.toNanos();
  }

  /** When the counter last moved ({@link System#nanoTime()}). */
  public long lastChange() {
    return lastChange;
  }
}
