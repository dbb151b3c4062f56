package switchboard.core.filter;

import static switchboard.core.filter.ValueStack.ARRAY;
import static switchboard.core.filter.ValueStack.BOOL;
import static switchboard.core.filter.ValueStack.DOUBLE;
import static switchboard.core.filter.ValueStack.LONG;
import static switchboard.core.filter.ValueStack.NULL;
import static switchboard.core.filter.ValueStack.STRING;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The value semantics of the filter language, all in one place (amps.md §4), working on stack slots:
 *
 * <ul>
 *   <li>NULL: a missing field, JSON {@code null}, the empty string, the empty array, NaN. A comparison
 *       with NULL, or with an object, is UNKNOWN.
 *   <li>Number against string: the string is read as a number when it is one; otherwise the string is
 *       the greater. Two strings compare as strings, even when both look like numbers.
 *   <li>Booleans act as 1 and 0.
 *   <li>Comparisons are true for an array when any element (pair) satisfies them; arithmetic and
 *       functions use the first element.
 *   <li>Integer arithmetic stays integral (division truncates); it moves to double only on overflow.
 * </ul>
 */
final class Values {
  static final int TRUE = 1;
  static final int FALSE = 0;
  static final int UNKNOWN = -1;

  /** The result of ordering two values when either is NULL, an object or an array. */
  static final int NO_ORDER = Integer.MIN_VALUE;

  private Values() {}

  enum Op {
    EQ, NE, LT, LE, GT, GE;

    /** The truth of this operator for an ordering result. */
    int apply(int sign) {
      if (sign == NO_ORDER) {
        return UNKNOWN;
      }
      boolean b = switch (this) {
        case EQ -> sign == 0;
        case NE -> sign != 0;
        case LT -> sign < 0;
        case LE -> sign <= 0;
        case GT -> sign > 0;
        case GE -> sign >= 0;
      };
      return b ? TRUE : FALSE;
    }
  }

  // ---- three-valued logic

  static int of(boolean b) {
    return b ? TRUE : FALSE;
  }

  static int not(int t) {
    return t == UNKNOWN ? UNKNOWN : 1 - t;
  }

  static int and(int a, int b) {
    if (a == FALSE || b == FALSE) {
      return FALSE;
    }
    return a == TRUE && b == TRUE ? TRUE : UNKNOWN;
  }

  static int or(int a, int b) {
    if (a == TRUE || b == TRUE) {
      return TRUE;
    }
    return a == FALSE && b == FALSE ? FALSE : UNKNOWN;
  }

  /** A value used as a condition: booleans as themselves, numbers as non-zero, anything else UNKNOWN. */
  static int truth(ValueStack st, int i) {
    first(st, i);
    return switch (st.kind(i)) {
      case BOOL, LONG -> of(st.longAt(i) != 0);
      case DOUBLE -> of(st.doubleAt(i) != 0);
      default -> UNKNOWN;
    };
  }

  // ---- arrays

  /** Arithmetic and functions take an array's first element (arrays in slots are never empty). */
  static void first(ValueStack st, int i) {
    while (st.kind(i) == ARRAY) {
      st.load(i, st.node(i).get(0));
    }
  }

  /** How many values a slot stands for when a predicate tries each: an array's size, else one. */
  static int count(ValueStack st, int i) {
    return st.kind(i) == ARRAY ? st.node(i).size() : 1;
  }

  /** The slot holding value {@code x} of slot i: i itself, or element x of its array loaded into tmp. */
  static int element(ValueStack st, int i, int x, int tmp) {
    if (st.kind(i) != ARRAY) {
      return i;
    }
    st.load(tmp, st.node(i).get(x));
    return tmp;
  }

  /**
   * {@code a op b} where either side may be an array: TRUE when some pair of elements satisfies op,
   * else UNKNOWN when some pair could not be ordered, else FALSE.
   */
  static int compare(Op op, ValueStack st, int a, int b) {
    if (st.kind(a) != ARRAY && st.kind(b) != ARRAY) {
      return op.apply(order(st, a, b));
    }
    int mark = st.size();
    int ta = st.push();
    int tb = st.push();
    int na = count(st, a);
    int nb = count(st, b);
    int result = FALSE;
    for (int x = 0; x < na && result != TRUE; x++) {
      int ea = element(st, a, x, ta);
      for (int y = 0; y < nb; y++) {
        int r = op.apply(order(st, ea, element(st, b, y, tb)));
        if (r != FALSE) {
          result = r;
          if (r == TRUE) {
            break;
          }
        }
      }
    }
    st.truncate(mark);
    return result;
  }

  // ---- ordering

  /** Orders two scalar slots: negative, zero or positive, or {@link #NO_ORDER}. */
  static int order(ValueStack st, int a, int b) {
    int ka = st.kind(a);
    int kb = st.kind(b);
    if (!isScalar(ka) || !isScalar(kb)) {
      return NO_ORDER;
    }
    if (ka == STRING && kb == STRING) {
      return Integer.signum(st.string(a).compareTo(st.string(b)));
    }
    if (ka == STRING) {
      return -numberToText(st, b, st.string(a));
    }
    if (kb == STRING) {
      return numberToText(st, a, st.string(b));
    }
    return numbers(ka != DOUBLE, st.longAt(a), st.doubleAt(a), kb != DOUBLE, st.longAt(b), st.doubleAt(b));
  }

  private static boolean isScalar(int kind) {
    return kind == LONG || kind == DOUBLE || kind == STRING || kind == BOOL;
  }

  /** A number (or boolean) against a text: numerically when the text is a number, else the text wins. */
  private static int numberToText(ValueStack st, int num, String text) {
    boolean isLong = st.kind(num) != DOUBLE;
    return switch (Numbers.kind(text)) {
      case Numbers.INTEGER -> numbers(isLong, st.longAt(num), st.doubleAt(num), true, Long.parseLong(text), 0);
      case Numbers.DECIMAL -> numbers(isLong, st.longAt(num), st.doubleAt(num), false, 0, Numbers.parseDouble(text));
      default -> -1; // amps.md §4: a string that is not a number is greater than any number
    };
  }

  /** Two numbers, each a long or a double, compared exactly (no rounding of large longs). */
  private static int numbers(boolean aLong, long la, double da, boolean bLong, long lb, double db) {
    if (aLong && bLong) {
      return Long.compare(la, lb);
    }
    if (aLong) {
      return longToDouble(la, db);
    }
    if (bLong) {
      return -longToDouble(lb, da);
    }
    return da < db ? -1 : da > db ? 1 : 0;
  }

  private static int longToDouble(long l, double d) {
    double ld = l;
    if (ld != d) {
      return ld < d ? -1 : 1;
    }
    // Equal once rounded to a double: decide on the long itself. d is integral here, and 2^63 is the
    // only value of it beyond the range of a long (l rounds up to it from near Long.MAX_VALUE).
    return d >= 0x1p63 ? -1 : Long.compare(l, (long) d);
  }

  // ---- conversions

  /** Slot i as a number in place: LONG, DOUBLE or NULL. Strings are read when they are numbers. */
  static void toNumber(ValueStack st, int i) {
    first(st, i);
    switch (st.kind(i)) {
      case LONG, DOUBLE -> { }
      case BOOL -> st.setLong(i, st.longAt(i));
      case STRING -> {
        String s = st.string(i);
        switch (Numbers.kind(s)) {
          case Numbers.INTEGER -> st.setLong(i, Long.parseLong(s));
          case Numbers.DECIMAL -> st.setDouble(i, Numbers.parseDouble(s));
          default -> st.setNull(i);
        }
      }
      default -> st.setNull(i);
    }
  }

  /**
   * The text a value stands for in LIKE, BEGINS WITH and the string functions; null for NULL or an
   * object. Only a non-string value allocates (its rendering).
   */
  static String text(ValueStack st, int i) {
    first(st, i);
    return switch (st.kind(i)) {
      case STRING -> st.string(i);
      case LONG -> Long.toString(st.longAt(i));
      case DOUBLE -> Double.toString(st.doubleAt(i));
      case BOOL -> st.longAt(i) != 0 ? "true" : "false";
      default -> null;
    };
  }

  /** The text of element x of slot i (see {@link #element}). */
  static String text(ValueStack st, int i, int x, int tmp) {
    return text(st, element(st, i, x, tmp));
  }

  // ---- arithmetic

  /** {@code a op b} into slot a. NULL in, or a division by zero, gives NULL. */
  static void arithmetic(char op, ValueStack st, int a, int b) {
    toNumber(st, a);
    toNumber(st, b);
    if (st.kind(a) == NULL || st.kind(b) == NULL) {
      st.setNull(a);
    } else if (st.kind(a) == LONG && st.kind(b) == LONG) {
      longs(op, st, a, st.longAt(a), st.longAt(b));
    } else {
      double x = asDouble(st, a);
      double y = asDouble(st, b);
      switch (op) {
        case '+' -> st.setDouble(a, x + y);
        case '-' -> st.setDouble(a, x - y);
        case '*' -> st.setDouble(a, x * y);
        case '/' -> st.setDouble(a, y == 0 ? Double.NaN : x / y);
        case '%' -> st.setDouble(a, y == 0 ? Double.NaN : x % y);
        default -> throw new IllegalStateException("operator " + op);
      }
    }
  }

  /** Integer arithmetic; on overflow the exact operation is redone in double rather than wrapping. */
  private static void longs(char op, ValueStack st, int a, long x, long y) {
    switch (op) {
      case '+' -> {
        long r = x + y;
        if (((x ^ r) & (y ^ r)) < 0) {
          st.setDouble(a, (double) x + (double) y);
        } else {
          st.setLong(a, r);
        }
      }
      case '-' -> {
        long r = x - y;
        if (((x ^ y) & (x ^ r)) < 0) {
          st.setDouble(a, (double) x - (double) y);
        } else {
          st.setLong(a, r);
        }
      }
      case '*' -> {
        long hi = Math.multiplyHigh(x, y);
        long lo = x * y;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
          st.setLong(a, lo);
        } else {
          st.setDouble(a, (double) x * (double) y);
        }
      }
      case '/' -> {
        if (y == 0) {
          st.setNull(a);
        } else if (x == Long.MIN_VALUE && y == -1) {
          st.setDouble(a, -(double) Long.MIN_VALUE);
        } else {
          st.setLong(a, x / y);
        }
      }
      case '%' -> {
        if (y == 0) {
          st.setNull(a);
        } else {
          st.setLong(a, x % y);
        }
      }
      default -> throw new IllegalStateException("operator " + op);
    }
  }

  /** Unary minus in place. */
  static void negate(ValueStack st, int i) {
    toNumber(st, i);
    if (st.kind(i) == LONG) {
      long v = st.longAt(i);
      if (v == Long.MIN_VALUE) {
        st.setDouble(i, -(double) v);
      } else {
        st.setLong(i, -v);
      }
    } else if (st.kind(i) == DOUBLE) {
      st.setDouble(i, -st.doubleAt(i));
    }
  }

  private static double asDouble(ValueStack st, int i) {
    return st.kind(i) == DOUBLE ? st.doubleAt(i) : st.longAt(i);
  }

  /** Loads a JSON value into a new slot; its index. */
  static int push(ValueStack st, JsonNode n) {
    int i = st.push();
    st.load(i, n);
    return i;
  }
}
