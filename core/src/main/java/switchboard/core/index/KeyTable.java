package switchboard.core.index;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The index's map from a string (an exact topic, a key value) to what is held under it: one array of
 * key and value pairs side by side, with open addressing and linear probing, 8 bytes a slot, where a
 * {@link java.util.concurrent.ConcurrentHashMap} spends a 32-byte node and a slot on each mapping. With
 * a million topics or key values that is about 25 MB less; and a lookup in a table too large for the
 * caches finds a key and its value in one cache line, where a hash map's node is another miss.
 *
 * <h2>Concurrency contract</h2>
 *
 * <ul>
 *   <li>{@link #get} runs on any number of threads, with no lock, alongside one writer.
 *   <li>{@link #put} and {@link #remove} are called under the index's lock, one at a time.
 *   <li>A slot's value is written before its key (release) and read after it (acquire), so a reader that
 *       finds the key finds the value put with it, or a later one, or null while it is being removed.
 *   <li>A removed key leaves a tombstone, and a tombstoned slot is never reused in the same array: a
 *       reader that read the old key can never read a newer key's value in its place. Tombstones go
 *       when the table is copied into a new array, which a volatile write publishes whole; a reader
 *       still on the old array sees its state as it was, which the old array keeps.
 * </ul>
 */
final class KeyTable<V> {
  private static final int MIN_CAPACITY = 16;
  /** Compared by identity; a key that is an empty string is an ordinary key. */
  private static final String TOMBSTONE = new String("");
  private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);

  /** Slot i is the key at {@code pairs[2i]} and its value at {@code pairs[2i + 1]}. */
  private static final class Arrays {
    final Object[] pairs;
    final int capacity;
    /** Live keys plus tombstones; under the writer's lock. */
    int used;

    Arrays(int capacity) {
      this.pairs = new Object[capacity * 2];
      this.capacity = capacity;
    }

    String key(int i) {
      return (String) pairs[2 * i];
    }
  }

  private volatile Arrays table = new Arrays(MIN_CAPACITY);
  private int size; // under the writer's lock

  /** The value held under the key, or null. */
  @SuppressWarnings("unchecked")
  V get(String key) {
    Arrays t = table;
    int mask = t.capacity - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      String k = (String) SLOTS.getAcquire(t.pairs, 2 * i);
      if (k == null) {
        return null;
      }
      if (k != TOMBSTONE && (k == key || k.equals(key))) {
        return (V) SLOTS.getAcquire(t.pairs, 2 * i + 1);
      }
    }
  }

  /** Under the writer's lock: holds the value under the key, replacing what was there. */
  void put(String key, V value) {
    Arrays t = table;
    int i = find(t, key);
    if (i >= 0) {
      SLOTS.setRelease(t.pairs, 2 * i + 1, value);
      return;
    }
    i = -i - 1;
    SLOTS.setRelease(t.pairs, 2 * i + 1, value);
    SLOTS.setRelease(t.pairs, 2 * i, key);
    size++;
    if (++t.used * 4 > t.capacity * 3) {
      copy(capacityFor(size));
    }
  }

  /** Under the writer's lock: removes the key if it holds this very value; true when it did. */
  boolean remove(String key, V value) {
    Arrays t = table;
    int i = find(t, key);
    if (i < 0 || t.pairs[2 * i + 1] != value) {
      return false;
    }
    SLOTS.setRelease(t.pairs, 2 * i, TOMBSTONE);
    SLOTS.setRelease(t.pairs, 2 * i + 1, null);
    size--;
    if (t.capacity > MIN_CAPACITY && size * 8 < t.capacity) {
      copy(capacityFor(size));
    }
    return true;
  }

  /** Under the writer's lock: the key's slot, or -(the empty slot ending its probe run) - 1. */
  private static int find(Arrays t, String key) {
    int mask = t.capacity - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      String k = t.key(i);
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

  /** Slots in the current array (for tests of growth and shrinking). */
  int capacity() {
    return table.capacity;
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
    for (int j = 0; j < old.capacity; j++) {
      String k = old.key(j);
      if (k != null && k != TOMBSTONE) {
        int i = slot(k, mask);
        while (n.key(i) != null) {
          i = (i + 1) & mask;
        }
        n.pairs[2 * i] = k;
        n.pairs[2 * i + 1] = old.pairs[2 * j + 1];
        n.used++;
      }
    }
    table = n; // volatile: publishes the filled array
  }

  private static int slot(String key, int mask) {
    int h = key.hashCode() * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }
}
