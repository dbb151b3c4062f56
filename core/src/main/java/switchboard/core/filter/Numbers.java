package switchboard.core.filter;

/**
 * Reads a string as a number without allocating, for comparisons like {@code /b > 46} on {@code "b":"47"},
 * which run per message. The syntax is strict: an optional sign, digits with at most one point, an
 * optional exponent; no spaces, no hex, no "NaN".
 */
final class Numbers {
  static final int NOT_A_NUMBER = 0;
  static final int INTEGER = 1; // fits a long: read it with Long.parseLong, which does not allocate
  static final int DECIMAL = 2; // anything else: read it with parseDouble

  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private Numbers() {}

  /** What kind of number the text is, if any. */
  static int kind(String s) {
    int n = s.length();
    int i = 0;
    boolean negative = false;
    if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      i++;
    }
    int digits = 0;
    long acc = 0; // accumulated negatively, as Long.parseLong does, so that MIN_VALUE fits
    boolean fits = true;
    for (; i < n && isDigit(s.charAt(i)); i++, digits++) {
      int d = s.charAt(i) - '0';
      if (acc < (Long.MIN_VALUE + d) / 10) {
        fits = false;
      }
      acc = acc * 10 - d;
    }
    boolean integral = true;
    if (i < n && s.charAt(i) == '.') {
      integral = false;
      for (i++; i < n && isDigit(s.charAt(i)); i++) {
        digits++;
      }
    }
    if (digits == 0) {
      return NOT_A_NUMBER;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      integral = false;
      i++;
      if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        i++;
      }
      int start = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (start == i) {
        return NOT_A_NUMBER;
      }
    }
    if (i != n) {
      return NOT_A_NUMBER;
    }
    return integral && fits && (negative || acc != Long.MIN_VALUE) ? INTEGER : DECIMAL;
  }

  /**
   * The value of a text {@link #kind} accepted. Short decimals ({@code 90.25}, {@code 1.5e3}) take the
   * exact fast path: a mantissa below 2^53 times or divided by a power of ten up to 10^22 is one
   * correctly rounded operation. Longer ones fall back to {@link Double#parseDouble}, which allocates.
   */
  static double parseDouble(String s) {
    int n = s.length();
    int i = 0;
    boolean negative = false;
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      negative = s.charAt(0) == '-';
      i++;
    }
    long mantissa = 0;
    int significant = 0;
    int exponent = 0;
    boolean point = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c == '.') {
        point = true;
      } else if (isDigit(c)) {
        if (mantissa != 0 || c != '0') {
          significant++;
        }
        if (significant > 15) {
          return Double.parseDouble(s);
        }
        mantissa = mantissa * 10 + (c - '0');
        if (point) {
          exponent--;
        }
      } else {
        break; // the exponent
      }
    }
    if (i < n) {
      int e = 0;
      i++;
      boolean negExp = s.charAt(i) == '-';
      if (s.charAt(i) == '-' || s.charAt(i) == '+') {
        i++;
      }
      for (; i < n; i++) {
        e = e * 10 + (s.charAt(i) - '0');
        if (e > 400) {
          return Double.parseDouble(s);
        }
      }
      exponent += negExp ? -e : e;
    }
    if (exponent < -22 || exponent > 22) {
      return Double.parseDouble(s);
    }
    double v = exponent < 0 ? mantissa / POWERS_OF_TEN[-exponent] : mantissa * POWERS_OF_TEN[exponent];
    return negative ? -v : v;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
