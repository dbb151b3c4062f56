package switchboard.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A map whose keys are read from its values (a subscription's id, an AMPS sub_id), stored as one
 * array of values with open addressing and linear probing. It costs 5 to 11 bytes per value, where a
 * {@link java.util.HashMap} costs a node of 32 bytes plus its table slot: with 100,000 subscriptions
 * on a connection, the difference is several megabytes per map.
 *
 * <p>A lookup reads the key of each value it probes, so keys should be fields, not computed, and cheap
 * to compare. Values are never null. Not thread-safe; iteration order is unspecified.
 */
public final class ValueKeyedMap<K, V> {
  private static final int MIN_CAPACITY = 4;

  private final Function<? super V, ? extends K> keyOf;
  private Object[] slots = new Object[MIN_CAPACITY];
  private int size;

  public ValueKeyedMap(Function<? super V, ? extends K> keyOf) {
    this.keyOf = Objects.requireNonNull(keyOf, "keyOf");
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The value whose key equals {@code key}, or null. */
  public V get(Object key) {
    int i = find(key);
    return i < 0 ? null : value(i);
  }

  /** Stores the value under its key; returns the value it replaces, or null. */
  public V put(V value) {
    K key = keyOf.apply(Objects.requireNonNull(value, "value"));
    int mask = slots.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      V cur = value(i);
      if (cur == null) {
        slots[i] = value;
        if (++size * 4 > slots.length * 3) {
          resize(slots.length * 2);
        }
        return null;
      }
      if (key.equals(keyOf.apply(cur))) {
        slots[i] = value;
        return cur;
      }
    }
  }

  /** Removes and returns the value whose key equals {@code key}, or null. */
  public V remove(Object key) {
    int i = find(key);
    if (i < 0) {
      return null;
    }
    V old = value(i);
    delete(i);
    return old;
  }

  /** Removes every value. */
  public void clear() {
    slots = new Object[MIN_CAPACITY];
    size = 0;
  }

  /** Calls the action with each value; the action must not change the map. */
  public void forEach(Consumer<? super V> action) {
    for (Object o : slots) {
      if (o != null) {
        @SuppressWarnings("unchecked")
        V v = (V) o;
        action.accept(v);
      }
    }
  }

  /** The values, in a new list. */
  public List<V> values() {
    List<V> out = new ArrayList<>(size);
    forEach(out::add);
    return out;
  }

  private int find(Object key) {
    if (key == null) {
      return -1;
    }
    int mask = slots.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      V cur = value(i);
      if (cur == null) {
        return -1;
      }
      if (key.equals(keyOf.apply(cur))) {
        return i;
      }
    }
  }

  /** Empties slot i, moving later values of the same probe run back so that lookups still find them. */
  private void delete(int i) {
    int mask = slots.length - 1;
    int hole = i;
    for (int j = (i + 1) & mask; ; j = (j + 1) & mask) {
      V cur = value(j);
      if (cur == null) {
        break;
      }
      int home = slot(keyOf.apply(cur), mask);
      // cur may fill the hole when its home is not in the cyclic range (hole, j]
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        slots[hole] = cur;
        hole = j;
      }
    }
    slots[hole] = null;
    size--;
    if (slots.length > MIN_CAPACITY && size * 8 < slots.length) {
      resize(slots.length / 2);
    }
  }

  private void resize(int capacity) {
    Object[] old = slots;
    slots = new Object[capacity];
    int mask = capacity - 1;
    for (Object o : old) {
      if (o != null) {
        @SuppressWarnings("unchecked")
        V v = (V) o;
        int i = slot(keyOf.apply(v), mask);
        while (slots[i] != null) {
          i = (i + 1) & mask;
        }
        slots[i] = v;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private V value(int i) {
    return (V) slots[i];
  }

  private static int slot(Object key, int mask) {
    int h = key.hashCode() * 0x9E3779B9; // spreads sequential ids and similar strings over the table
    return (h ^ (h >>> 16)) & mask;
  }

  @Override
  public String toString() {
    return "ValueKeyedMap" + Arrays.toString(values().toArray());
  }
}
