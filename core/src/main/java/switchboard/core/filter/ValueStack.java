package switchboard.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/**
 * The operand stack a filter is evaluated on. Each node pushes its value as one slot: a kind and, by
 * kind, a long, a double or a reference. Computed numbers live in the primitive arrays, so arithmetic
 * and comparisons allocate nothing; JSON values are referenced as they are.
 *
 * <p>One stack per thread, reused for every message ({@link Filter} holds it in a ThreadLocal); it grows
 * to the deepest filter that thread has run and then stays put. Not thread-safe, by design.
 *
 * <p>Invariants: a STRING slot is never empty (the empty string is NULL), an ARRAY slot is never empty
 * (the empty array is NULL), and a DOUBLE slot is never NaN (NaN is NULL).
 */
final class ValueStack {
  static final int NULL = 0;
  static final int LONG = 1;
  static final int DOUBLE = 2;
  static final int STRING = 3;
  /** A boolean; in the long, 1 or 0, because booleans act as 1 and 0 against numbers. */
  static final int BOOL = 4;
  static final int OBJECT = 5;
  static final int ARRAY = 6;

  private int[] kinds = new int[16];
  private long[] longs = new long[16];
  private double[] doubles = new double[16];
  private Object[] refs = new Object[16];
  private int size;
  private int high; // slots [0, high) may still hold references

  int size() {
    return size;
  }

  /** A new slot on top, NULL until set; its index. */
  int push() {
    if (size == kinds.length) {
      int n = size * 2;
      kinds = Arrays.copyOf(kinds, n);
      longs = Arrays.copyOf(longs, n);
      doubles = Arrays.copyOf(doubles, n);
      refs = Arrays.copyOf(refs, n);
    }
    kinds[size] = NULL;
    if (++size > high) {
      high = size;
    }
    return size - 1;
  }

  /** Pops every slot from {@code newSize} up. */
  void truncate(int newSize) {
    size = newSize;
  }

  /**
   * Pops to {@code newSize}; at the bottom, also drops the references, so an idle thread does not keep
   * the last message's document alive.
   */
  void release(int newSize) {
    size = newSize;
    if (newSize == 0) {
      Arrays.fill(refs, 0, high, null);
      high = 0;
    }
  }

  int kind(int i) {
    return kinds[i];
  }

  long longAt(int i) {
    return longs[i];
  }

  double doubleAt(int i) {
    return doubles[i];
  }

  String string(int i) {
    return (String) refs[i];
  }

  JsonNode node(int i) {
    return (JsonNode) refs[i];
  }

  void setNull(int i) {
    kinds[i] = NULL;
  }

  void setLong(int i, long v) {
    kinds[i] = LONG;
    longs[i] = v;
  }

  void setDouble(int i, double v) {
    if (Double.isNaN(v)) {
      kinds[i] = NULL;
    } else {
      kinds[i] = DOUBLE;
      doubles[i] = v;
    }
  }

  void setBool(int i, boolean v) {
    kinds[i] = BOOL;
    longs[i] = v ? 1 : 0;
  }

  /** A string value; null or empty is NULL. */
  void setString(int i, String s) {
    if (s == null || s.isEmpty()) {
      kinds[i] = NULL;
    } else {
      kinds[i] = STRING;
      refs[i] = s;
    }
  }

  void copy(int from, int to) {
    kinds[to] = kinds[from];
    longs[to] = longs[from];
    doubles[to] = doubles[from];
    refs[to] = refs[from];
  }

  /** A JSON value into slot i, classified by kind. Missing, null, "" and [] are NULL. */
  void load(int i, JsonNode n) {
    if (n == null) {
      kinds[i] = NULL;
      return;
    }
    switch (n.getNodeType()) {
      case STRING -> setString(i, n.textValue());
      case NUMBER -> {
        if (n.isIntegralNumber() && n.canConvertToLong()) {
          setLong(i, n.longValue());
        } else {
          setDouble(i, n.doubleValue()); // decimals, and integers beyond a long (approximately)
        }
      }
      case BOOLEAN -> setBool(i, n.booleanValue());
      case ARRAY -> {
        if (n.isEmpty()) {
          kinds[i] = NULL;
        } else {
          kinds[i] = ARRAY;
          refs[i] = n;
        }
      }
      case OBJECT -> {
        kinds[i] = OBJECT;
        refs[i] = n;
      }
      default -> kinds[i] = NULL; // MISSING, NULL, and node types a parser never produces
    }
  }
}
