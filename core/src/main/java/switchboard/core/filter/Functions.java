package switchboard.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * The functions (amps.md §4), names case-insensitive. An array argument stands for its first element;
 * a NULL argument gives NULL, except in CONCAT, which skips it. Only UPPER, LOWER and CONCAT build
 * strings; the others answer numbers.
 */
final class Functions {
  private Functions() {}

  /** The node for a call, or a FilterException for an unknown name or a wrong number of arguments. */
  static Expr call(String name, List<Expr> args, int column) throws FilterException {
    String upper = name.toUpperCase(Locale.ROOT);
    int n = args.size();
    Expr[] a = args.toArray(new Expr[0]);
    return switch (upper) {
      case "UPPER", "LOWER" -> {
        arity(upper, n, 1, column);
        yield new ChangeCase(upper.equals("UPPER"), a[0]);
      }
      case "CONCAT" -> {
        if (n == 0) {
          throw new FilterException("CONCAT takes at least 1 argument", column);
        }
        yield new Concat(a);
      }
      case "INSTR", "INSTR_I" -> {
        arity(upper, n, 2, column);
        yield new Instr(upper.equals("INSTR_I"), a[0], a[1]);
      }
      case "STREQUAL_I" -> {
        arity(upper, n, 2, column);
        yield new StrEqualI(a[0], a[1]);
      }
      case "IF" -> {
        arity(upper, n, 3, column);
        yield new If(a[0], a[1], a[2]);
      }
      default -> throw new FilterException("unknown function " + name, column);
    };
  }

  private static void arity(String name, int n, int want, int column) throws FilterException {
    if (n != want) {
      throw new FilterException(
          name + " takes " + want + " argument" + (want == 1 ? "" : "s") + ", not " + n, column);
    }
  }

  /** UPPER and LOWER, in the root locale (the language is not locale-aware). */
  static final class ChangeCase extends Expr {
    private final boolean upper;
    private final Expr arg;

    ChangeCase(boolean upper, Expr arg) {
      super(arg);
      this.upper = upper;
      this.arg = arg;
    }

    @Override
    void eval(JsonNode doc, ValueStack st) {
      int i = st.size();
      arg.eval(doc, st);
      String t = Values.text(st, i);
      st.setString(i, t == null ? null : upper ? t.toUpperCase(Locale.ROOT) : t.toLowerCase(Locale.ROOT));
    }
  }

  /** CONCAT(a, b, ...): NULL arguments are skipped; all NULL gives the empty string, which is NULL. */
  static final class Concat extends Expr {
    private final Expr[] args;

    Concat(Expr[] args) {
      super(args);
      this.args = args;
    }

    @Override
    void eval(JsonNode doc, ValueStack st) {
      int i = st.push();
      StringBuilder b = new StringBuilder();
      for (Expr a : args) {
        a.eval(doc, st);
        String t = Values.text(st, i + 1);
        if (t != null) {
          b.append(t);
        }
        st.truncate(i + 1);
      }
      st.setString(i, b.toString());
    }
  }

  /** INSTR(s, sub) and INSTR_I: the 1-based position of sub in s, 0 when absent. */
  static final class Instr extends Expr {
    private final boolean ignoreCase;
    private final Expr haystack;
    private final Expr needle;

    Instr(boolean ignoreCase, Expr haystack, Expr needle) {
      super(haystack, needle);
      this.ignoreCase = ignoreCase;
      this.haystack = haystack;
      this.needle = needle;
    }

    @Override
    void eval(JsonNode doc, ValueStack st) {
      int i = st.size();
      haystack.eval(doc, st);
      needle.eval(doc, st);
      String s = Values.text(st, i);
      String t = Values.text(st, i + 1);
      st.truncate(i + 1);
      if (s == null || t == null) {
        st.setNull(i);
      } else {
        st.setLong(i, (ignoreCase ? indexIgnoreCase(s, t) : s.indexOf(t)) + 1);
      }
    }

    private static int indexIgnoreCase(String s, String t) {
      for (int k = 0; k + t.length() <= s.length(); k++) {
        if (s.regionMatches(true, k, t, 0, t.length())) {
          return k;
        }
      }
      return -1;
    }
  }

  /** STREQUAL_I(a, b): 1 when equal ignoring case, else 0. */
  static final class StrEqualI extends Expr {
    private final Expr a;
    private final Expr b;

    StrEqualI(Expr a, Expr b) {
      super(a, b);
      this.a = a;
      this.b = b;
    }

    @Override
    void eval(JsonNode doc, ValueStack st) {
      int i = st.size();
      a.eval(doc, st);
      b.eval(doc, st);
      String s = Values.text(st, i);
      String t = Values.text(st, i + 1);
      st.truncate(i + 1);
      if (s == null || t == null) {
        st.setNull(i);
      } else {
        st.setLong(i, s.equalsIgnoreCase(t) ? 1 : 0);
      }
    }
  }

  /** IF(condition, then, else): {@code then} only when the condition is TRUE (not when UNKNOWN). */
  static final class If extends Expr {
    private final Expr cond;
    private final Expr then;
    private final Expr otherwise;

    If(Expr cond, Expr then, Expr otherwise) {
      super(cond, then, otherwise);
      this.cond = cond;
      this.then = then;
      this.otherwise = otherwise;
    }

    @Override
    void eval(JsonNode doc, ValueStack st) {
      (cond.truth(doc, st) == Values.TRUE ? then : otherwise).eval(doc, st);
    }

    @Override
    int truth(JsonNode doc, ValueStack st) {
      return (cond.truth(doc, st) == Values.TRUE ? then : otherwise).truth(doc, st);
    }
  }
}
