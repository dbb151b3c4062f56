package switchboard.core.spi;

/**
 * Which slice of a sorted list to return, in DeviceHive's terms.
 *
 * @param take at most this many rows
 * @param skip leave out this many rows first
 */
public record Page(int take, int skip) {
  /** Every row. */
  public static final Page ALL = new Page(Integer.MAX_VALUE, 0);

  public Page {
    if (take < 0 || skip < 0) {
      throw new IllegalArgumentException("take and skip must not be negative: " + take + ", " + skip);
    }
  }

  public static Page of(int take, int skip) {
    return new Page(take, skip);
  }
}
