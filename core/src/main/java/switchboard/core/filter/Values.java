package switchboard.core.filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The value semantics of the filter language (AMPS expressions): what is NULL, how strings and numbers
 * compare, and how arrays match. Works on Jackson nodes as they are, allocating nothing.
 *
 * <ul>
 *   <li>NULL: a missing field, JSON {@code null}, the empty string and the empty array.
 *   <li>Number against string: the string is read as a number when it is one; otherwise the string is
 *       the greater. Two strings compare as strings, even when both look like numbers.
 *   <li>Booleans compare as 1 and 0. Objects compare as NULL.
 *   <li>An array matches when any element does.
 * </ul>
 */
final class Values {
  static final int TRUE = 1;
  static final int FALSE = 0;
  static final int UNKNOWN = -1;

  /** The result of comparing two scalars when either is NULL. */
  static final int NO_ORDER = Integer.MIN_VALUE;

  private Values() {}

  static boolean isNull(JsonNode n) {
    return n == null || n.isMissingNode() || n.isNull()
        || (n.isTextual() && n.textValue().isEmpty())
        || (n.isArray() && n.isEmpty());
  }

  static int not(int t) {
    return t == UNKNOWN ? UNKNOWN : 1 - t;
  }

  static int of(boolean b) {
    return b ? TRUE : FALSE;
  }

  /** A value used as a condition: booleans as themselves, numbers as non-zero, anything else unknown. */
  static int truth(JsonNode n) {
    if (n.isArray()) {
      n = first(n);
    }
    if (n.isBoolean()) {
      return of(n.booleanValue());
    }
    if (n.isNumber()) {
      return of(n.doubleValue() != 0);
    }
    return UNKNOWN;
  }

  /** Arithmetic and functions take an array's first element. */
  static JsonNode first(JsonNode n) {
    return n.isArray() ? (n.isEmpty() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : n.get(0)) : n;
  }

  /** The number a node stands for, or NaN when it is NULL or not a number. */
  static double toDouble(JsonNode n) {
    n = first(n);
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue() ? 1 : 0;
    }
    if (n.isTextual()) {
      String s = n.textValue();
      return numberKind(s) == 0 ? Double.NaN : Double.parseDouble(s);
    }
    return Double.NaN;
  }

  /** 0 when the text is not a number, 1 for an integer that fits a long, 2 for any other number. */
  static int numberKind(String s) {
    int i = 0;
    int n = s.length();
    if (n == 0) {
      return 0;
    }
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      i++;
    }
    int digits = 0;
    while (i < n && Character.isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    boolean integral = true;
    if (i < n && s.charAt(i) == '.') {
      integral = false;
      i++;
      while (i < n && Character.isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return 0;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      integral = false;
      i++;
      if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        i++;
      }
      int exp = i;
      while (i < n && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (exp == i) {
        return 0;
      }
    }
    if (i != n) {
      return 0;
    }
    return integral && digits <= 18 ? 1 : 2;
  }

  /** The text a value stands for in LIKE, BEGINS WITH and the string functions; null for NULL. */
  static String text(JsonNode n) {
    n = first(n);
    if (isNull(n) || n.isContainerNode()) {
      return null;
    }
    return n.isTextual() ? n.textValue() : n.asText();
  }

  /**
   * Compares two scalars: negative, zero or positive, or {@link #NO_ORDER} when either is NULL or an
   * object or array.
   */
  static int compareScalars(JsonNode a, JsonNode b) {
    if (isNull(a) || isNull(b) || a.isContainerNode() || b.isContainerNode()) {
      return NO_ORDER;
    }
    boolean aText = a.isTextual();
    boolean bText = b.isTextual();
    if (aText && bText) {
      return Integer.signum(a.textValue().compareTo(b.textValue()));
    }
    if (aText) {
      return -compareNumberToText(b, a.textValue());
    }
    if (bText) {
      return compareNumberToText(a, b.textValue());
    }
    return compareNumbers(a, b);
  }

  /** A number (or boolean) against a text: numerically when the text is a number, else the text wins. */
  private static int compareNumberToText(JsonNode num, String text) {
    int kind = numberKind(text);
    if (kind == 0) {
      return -1;
    }
    if (kind == 1 && isIntegral(num)) {
      return Long.compare(asLong(num), Long.parseLong(text));
    }
    return Double.compare(num.isBoolean() ? (num.booleanValue() ? 1 : 0) : num.doubleValue(), Double.parseDouble(text));
  }

  private static int compareNumbers(JsonNode a, JsonNode b) {
    if (isIntegral(a) && isIntegral(b)) {
      return Long.compare(asLong(a), asLong(b));
    }
    double x = a.isBoolean() ? (a.booleanValue() ? 1 : 0) : a.doubleValue();
    double y = b.isBoolean() ? (b.booleanValue() ? 1 : 0) : b.doubleValue();
    return Double.compare(x, y) == 0 ? 0 : (x < y ? -1 : x > y ? 1 : NO_ORDER);
  }

  private static boolean isIntegral(JsonNode n) {
    return n.isBoolean() || (n.isIntegralNumber() && n.canConvertToLong());
  }

  private static long asLong(JsonNode n) {
    return n.isBoolean() ? (n.booleanValue() ? 1 : 0) : n.longValue();
  }

  /** A scalar against a computed number: as {@link #compareScalars}, the number on the right. */
  static int compareToNumber(JsonNode a, double n) {
    if (Double.isNaN(n) || isNull(a) || a.isContainerNode()) {
      return NO_ORDER;
    }
    double x;
    if (a.isTextual()) {
      if (numberKind(a.textValue()) == 0) {
        return 1; // a string that is not a number is greater than any number
      }
      x = Double.parseDouble(a.textValue());
    } else {
      x = a.isBoolean() ? (a.booleanValue() ? 1 : 0) : a.doubleValue();
    }
    return x < n ? -1 : x > n ? 1 : 0;
  }
}
