package switchboard.core.index;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entries registered under one topic, or one key value of a topic. Small buckets are a
 * copy-on-write array (most keyed buckets hold one entry); past {@link #SMALL} entries a bucket turns
 * into a concurrent set so that adding to a topic with 100k subscribers stays O(1).
 *
 * <p>Writes happen under the index lock; reads are lock-free and see either the old or the new state.
 */
final class Bucket<S> {
  static final int SMALL = 16;
  private static final Entry<?>[] EMPTY = new Entry<?>[0];

  @SuppressWarnings("unchecked")
  private volatile Entry<S>[] small = (Entry<S>[]) EMPTY;

  private volatile Set<Entry<S>> large;

  /**
   * Under the index lock. When the bucket grows past {@link #SMALL}, the set is published before the
   * array is emptied; readers read the array first (see {@code TopicNode.emit}).
   */
  void add(Entry<S> e) {
    Set<Entry<S>> l = large;
    if (l != null) {
      l.add(e);
      return;
    }
    Entry<S>[] s = small;
    if (s.length < SMALL) {
      Entry<S>[] n = Arrays.copyOf(s, s.length + 1);
      n[s.length] = e;
      small = n;
      return;
    }
    Set<Entry<S>> set = ConcurrentHashMap.newKeySet(SMALL * 4);
    set.addAll(Arrays.asList(s));
    set.add(e);
    large = set;
    clearSmall();
  }

  /** Under the index lock. Returns true when the bucket is now empty. */
  boolean remove(Entry<S> e) {
    Set<Entry<S>> l = large;
    if (l != null) {
      l.remove(e);
      return l.isEmpty();
    }
    Entry<S>[] s = small;
    for (int i = 0; i < s.length; i++) {
      if (s[i] == e) {
        if (s.length == 1) {
          clearSmall();
          return true;
        }
        @SuppressWarnings("unchecked")
        Entry<S>[] n = (Entry<S>[]) new Entry<?>[s.length - 1];
        System.arraycopy(s, 0, n, 0, i);
        System.arraycopy(s, i + 1, n, i, s.length - i - 1);
        small = n;
        return n.length == 0;
      }
    }
    return s.length == 0;
  }

  @SuppressWarnings("unchecked")
  private void clearSmall() {
    small = (Entry<S>[]) EMPTY;
  }

  /** Either the array of entries, when {@link #large()} is null, or an empty array. */
  Entry<S>[] small() {
    return small;
  }

  /** The set of entries once the bucket has grown, else null. */
  Set<Entry<S>> large() {
    return large;
  }

  int size() {
    Entry<S>[] s = small; // array first, as TopicNode.emit reads them
    Set<Entry<S>> l = large;
    return l != null ? l.size() : s.length;
  }
}
