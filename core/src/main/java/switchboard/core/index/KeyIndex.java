package switchboard.core.index;

/**
 * The entries of one topic indexed by one key name: key value to either the one {@link Entry} on that
 * value (the common case: a device, an account) or a {@link Bucket} once a second arrives. Storing a
 * lone entry directly saves a match two dependent memory reads and a subscription about 48 bytes.
 */
final class KeyIndex<S> {
  final String name;
  /** Values are {@code Entry<S>} or {@code Bucket<S>}; replaced whole, so a reader sees either. */
  final KeyTable<Object> byValue = new KeyTable<>();
  int entries; // under the index lock

  KeyIndex(String name) {
    this.name = name;
  }

  /** Under the index lock. */
  @SuppressWarnings("unchecked")
  void add(String value, Entry<S> e) {
    Object cur = byValue.get(value);
    if (cur == null) {
      byValue.put(value, e);
    } else if (cur instanceof Entry<?> single) {
      Bucket<S> b = new Bucket<>();
      b.add((Entry<S>) single);
      b.add(e);
      byValue.put(value, b); // published complete: readers see the lone entry or the full bucket
    } else {
      ((Bucket<S>) cur).add(e);
    }
  }

  /** Under the index lock. */
  @SuppressWarnings("unchecked")
  void remove(String value, Entry<S> e) {
    Object cur = byValue.get(value);
    if (cur == e) {
      byValue.remove(value, e);
    } else if (cur instanceof Bucket<?> b && ((Bucket<S>) b).remove(e)) {
      byValue.remove(value, b);
    }
  }
}
