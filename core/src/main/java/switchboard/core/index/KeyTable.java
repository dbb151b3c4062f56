package switchboard.core.index;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The index's map from a string (an exact topic, a key value) to what is held under it: two parallel
 * arrays with open addressing and linear probing, 8 bytes a slot, where a
 * {@link java.util.concurrent.ConcurrentHashMap} spends a 32-byte node and a slot on each mapping. With
 * a million topics or key values that is about 25 MB less.
 *
 * <h2>Concurrency contract</h2>
 *
 * <ul>
 *   <li>{@link #get} runs on any number of threads, with no lock, alongside one writer.
 *   <li>{@link #put} and {@link #remove} are called under the index's lock, one at a time.
 *   <li>A slot's value is written before its key (release) and read after it (acquire), so a reader that
 *       finds the key finds the value put with it, or a later one, or null while it is being removed.
 *   <li>A removed key leaves a tombstone, and a tombstoned slot is never reused in the same arrays: a
 *       reader that read the old key can never read a newer key's value in its place. Tombstones go
 *       when the table is copied into new arrays, which a volatile write publishes whole; a reader still
 *       on the old arrays sees their state as it was, which the old arrays keep.
 * </ul>
 */
final class KeyTable<V> {
  private static final int MIN_CAPACITY = 16;
  /** Compared by identity; a key that is an empty string is an ordinary key. */
  private static final String TOMBSTONE = new String("");
  private static final VarHandle KEYS = MethodHandles.arrayElementVarHandle(String[].class);
  private static final VarHandle VALUES = MethodHandles.arrayElementVarHandle(Object[].class);

  private static final class Arrays {
    final String[] keys;
    final Object[] values;
    /** Live keys plus tombstones; under the writer's lock. */
    int used;

    Arrays(int capacity) {
      keys = new String[capacity];
      values = new Object[capacity];
    }
  }

  private volatile Arrays table = new Arrays(MIN_CAPACITY);
  private int size; // under the writer's lock

  /** The value held under the key, or null. */
  @SuppressWarnings("unchecked")
  V get(String key) {
    Arrays t = table;
    int mask = t.keys.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      String k = (String) KEYS.getAcquire(t.keys, i);
      if (k == null) {
        return null;
      }
      if (k != TOMBSTONE && (k == key || k.equals(key))) {
        return (V) VALUES.getAcquire(t.values, i);
      }
    }
  }

  /** Under the writer's lock: holds the value under the key, replacing what was there. */
  void put(String key, V value) {
    Arrays t = table;
    int i = find(t, key);
    if (i >= 0) {
      VALUES.setRelease(t.values, i, value);
      return;
    }
    i = -i - 1;
    VALUES.setRelease(t.values, i, value);
    KEYS.setRelease(t.keys, i, key);
    size++;
    if (++t.used * 4 > t.keys.length * 3) {
      copy(capacityFor(size));
    }
  }

  /** Under the writer's lock: removes the key if it holds this very value; true when it did. */
  boolean remove(String key, V value) {
    Arrays t = table;
    int i = find(t, key);
    if (i < 0 || t.values[i] != value) {
      return false;
    }
    KEYS.setRelease(t.keys, i, TOMBSTONE);
    VALUES.setRelease(t.values, i, null);
    size--;
    if (t.keys.length > MIN_CAPACITY && size * 8 < t.keys.length) {
      copy(capacityFor(size));
    }
    return true;
  }

  /** Under the writer's lock: the key's slot, or -(the empty slot ending its probe run) - 1. */
  private static int find(Arrays t, String key) {
    int mask = t.keys.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      String k = t.keys[i];
      if (k == null) {
        return -i - 1;
      }
      if (k != TOMBSTONE && k.equals(key)) {
        return i;
      }
    }
  }

  /** Number of keys held. Exact under the writer's lock; a recent figure elsewhere. */
  int size() {
    return size;
  }

  /** Slots in the current arrays (for tests of growth and shrinking). */
  int capacity() {
    return table.keys.length;
  }

  /** A power of two at least twice the size: the copy starts at most half full, without tombstones. */
  private static int capacityFor(int size) {
    int c = MIN_CAPACITY;
    while (c < size * 2) {
      c <<= 1;
    }
    return c;
  }

  private void copy(int capacity) {
    Arrays old = table;
    Arrays n = new Arrays(capacity);
    int mask = capacity - 1;
    for (int j = 0; j < old.keys.length; j++) {
      String k = old.keys[j];
      if (k != null && k != TOMBSTONE) {
        int i = slot(k, mask);
        while (n.keys[i] != null) {
          i = (i + 1) & mask;
        }
        n.keys[i] = k;
        n.values[i] = old.values[j];
        n.used++;
      }
    }
    table = n; // volatile: publishes the filled arrays
  }

  private static int slot(String key, int mask) {
    int h = key.hashCode() * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }
}
