package switchboard.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The condition nodes, in SQL three-valued logic. Comparisons, IN, LIKE and BEGINS/ENDS WITH are true
 * for an array when they are true for any element; NOT of them negates that whole answer.
 */
final class Predicates {
  private Predicates() {}

  enum Op {
    EQ, NE, LT, LE, GT, GE;

    boolean test(int sign) {
      return switch (this) {
        case EQ -> sign == 0;
        case NE -> sign != 0;
        case LT -> sign < 0;
        case LE -> sign <= 0;
        case GT -> sign > 0;
        case GE -> sign >= 0;
      };
    }
  }

  private static int apply(Op op, int sign) {
    return sign == Values.NO_ORDER ? Values.UNKNOWN : Values.of(op.test(sign));
  }

  private static int size(JsonNode n) {
    return n.isArray() ? n.size() : 1;
  }

  private static JsonNode at(JsonNode n, int i) {
    return n.isArray() ? n.get(i) : n;
  }

  /** Any pair of elements satisfies op: TRUE; else UNKNOWN when some pair had no order; else FALSE. */
  static int compare(JsonNode a, JsonNode b, Op op) {
    if (!a.isArray() && !b.isArray()) {
      return apply(op, Values.compareScalars(a, b));
    }
    int na = size(a);
    int nb = size(b);
    if (na == 0 || nb == 0) {
      return Values.UNKNOWN;
    }
    boolean unknown = false;
    for (int i = 0; i < na; i++) {
      for (int j = 0; j < nb; j++) {
        int r = apply(op, Values.compareScalars(at(a, i), at(b, j)));
        if (r == Values.TRUE) {
          return Values.TRUE;
        }
        unknown |= r == Values.UNKNOWN;
      }
    }
    return unknown ? Values.UNKNOWN : Values.FALSE;
  }

  /** As {@link #compare}, against a computed number on the right. */
  static int compare(JsonNode a, double n, Op op) {
    int na = size(a);
    if (na == 0 || Double.isNaN(n)) {
      return Values.UNKNOWN;
    }
    boolean unknown = false;
    for (int i = 0; i < na; i++) {
      int r = apply(op, Values.compareToNumber(at(a, i), n));
      if (r == Values.TRUE) {
        return Values.TRUE;
      }
      unknown |= r == Values.UNKNOWN;
    }
    return unknown ? Values.UNKNOWN : Values.FALSE;
  }

  private static Op flip(Op op) {
    return switch (op) {
      case LT -> Op.GT;
      case LE -> Op.GE;
      case GT -> Op.LT;
      case GE -> Op.LE;
      default -> op;
    };
  }

  /** Compares two expressions, keeping computed numbers as numbers. */
  static int compare(Expr l, Expr r, JsonNode doc, Op op) {
    if (l.isNumeric() && r.isNumeric()) {
      double a = l.number(doc);
      double b = r.number(doc);
      return Double.isNaN(a) || Double.isNaN(b) ? Values.UNKNOWN : Values.of(op.test(Double.compare(a, b) == 0 ? 0 : a < b ? -1 : 1));
    }
    if (r.isNumeric()) {
      return compare(l.value(doc), r.number(doc), op);
    }
    if (l.isNumeric()) {
      return compare(r.value(doc), l.number(doc), flip(op));
    }
    return compare(l.value(doc), r.value(doc), op);
  }

  static final class Compare extends Expr.Predicate {
    private final Op op;
    private final Expr left;
    private final Expr right;

    Compare(Op op, Expr left, Expr right) {
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override
    int truth(JsonNode doc) {
      return compare(left, right, doc, op);
    }
  }

  /** {@code x BETWEEN lo AND hi}, both ends included. */
  static final class Between extends Expr.Predicate {
    private final boolean negated;
    private final Expr subject;
    private final Expr low;
    private final Expr high;

    Between(boolean negated, Expr subject, Expr low, Expr high) {
      this.negated = negated;
      this.subject = subject;
      this.low = low;
      this.high = high;
    }

    @Override
    int truth(JsonNode doc) {
      JsonNode v = subject.value(doc);
      JsonNode lo = low.value(doc);
      JsonNode hi = high.value(doc);
      int n = size(v);
      int result = n == 0 ? Values.UNKNOWN : Values.FALSE;
      for (int i = 0; i < n && result != Values.TRUE; i++) {
        int t = and(compare(at(v, i), lo, Op.GE), compare(at(v, i), hi, Op.LE));
        result = t == Values.TRUE ? Values.TRUE : (t == Values.UNKNOWN ? Values.UNKNOWN : result);
      }
      return negated ? Values.not(result) : result;
    }
  }

  /** {@code x IN (a, b, ...)}: {@code x = a OR x = b ...}, so NULL matches nothing. */
  static final class In extends Expr.Predicate {
    private final boolean negated;
    private final Expr subject;
    private final Expr[] items;

    In(boolean negated, Expr subject, Expr[] items) {
      this.negated = negated;
      this.subject = subject;
      this.items = items;
    }

    @Override
    int truth(JsonNode doc) {
      int result = Values.FALSE;
      for (Expr item : items) {
        int t = compare(subject, item, doc, Op.EQ);
        if (t == Values.TRUE) {
          result = Values.TRUE;
          break;
        }
        if (t == Values.UNKNOWN) {
          result = Values.UNKNOWN;
        }
      }
      return negated ? Values.not(result) : result;
    }
  }

  static final class IsNull extends Expr.Predicate {
    private final boolean negated;
    private final Expr subject;

    IsNull(boolean negated, Expr subject) {
      this.negated = negated;
      this.subject = subject;
    }

    @Override
    int truth(JsonNode doc) {
      return Values.of(Values.isNull(subject.value(doc)) != negated);
    }
  }

  /** {@code x LIKE 'regex'}: unanchored and case-sensitive; the pattern is compiled once. */
  static final class Like extends Expr.Predicate {
    private final boolean negated;
    private final Expr subject;
    private final ThreadLocal<Matcher> matchers;

    Like(boolean negated, Expr subject, Pattern pattern) {
      this.negated = negated;
      this.subject = subject;
      this.matchers = ThreadLocal.withInitial(() -> pattern.matcher(""));
    }

    @Override
    int truth(JsonNode doc) {
      JsonNode v = subject.value(doc);
      int n = size(v);
      int result = n == 0 ? Values.UNKNOWN : Values.FALSE;
      Matcher m = matchers.get();
      for (int i = 0; i < n; i++) {
        String t = Values.text(at(v, i));
        if (t == null) {
          result = result == Values.FALSE ? Values.UNKNOWN : result;
        } else if (m.reset(t).find()) {
          result = Values.TRUE;
          break;
        }
      }
      m.reset("");
      return negated ? Values.not(result) : result;
    }
  }

  /** {@code x BEGINS WITH (a, b)} and {@code x ENDS WITH (...)}: any of the given strings. */
  static final class Affix extends Expr.Predicate {
    private final boolean negated;
    private final boolean begins;
    private final Expr subject;
    private final Expr[] affixes;

    Affix(boolean negated, boolean begins, Expr subject, Expr[] affixes) {
      this.negated = negated;
      this.begins = begins;
      this.subject = subject;
      this.affixes = affixes;
    }

    @Override
    int truth(JsonNode doc) {
      JsonNode v = subject.value(doc);
      int n = size(v);
      int result = n == 0 ? Values.UNKNOWN : Values.FALSE;
      outer:
      for (int i = 0; i < n; i++) {
        String t = Values.text(at(v, i));
        if (t == null) {
          result = result == Values.FALSE ? Values.UNKNOWN : result;
          continue;
        }
        for (Expr a : affixes) {
          String s = Values.text(a.value(doc));
          if (s != null && (begins ? t.startsWith(s) : t.endsWith(s))) {
            result = Values.TRUE;
            break outer;
          }
        }
      }
      return negated ? Values.not(result) : result;
    }
  }

  static int and(int a, int b) {
    if (a == Values.FALSE || b == Values.FALSE) {
      return Values.FALSE;
    }
    return a == Values.TRUE && b == Values.TRUE ? Values.TRUE : Values.UNKNOWN;
  }

  static final class Not extends Expr.Predicate {
    private final Expr operand;

    Not(Expr operand) {
      this.operand = operand;
    }

    @Override
    int truth(JsonNode doc) {
      return Values.not(operand.truth(doc));
    }
  }

  static final class And extends Expr.Predicate {
    private final Expr left;
    private final Expr right;

    And(Expr left, Expr right) {
      this.left = left;
      this.right = right;
    }

    @Override
    int truth(JsonNode doc) {
      int a = left.truth(doc);
      return a == Values.FALSE ? Values.FALSE : and(a, right.truth(doc));
    }
  }

  static final class Or extends Expr.Predicate {
    private final Expr left;
    private final Expr right;

    Or(Expr left, Expr right) {
      this.left = left;
      this.right = right;
    }

    @Override
    int truth(JsonNode doc) {
      int a = left.truth(doc);
      if (a == Values.TRUE) {
        return Values.TRUE;
      }
      int b = right.truth(doc);
      if (b == Values.TRUE) {
        return Values.TRUE;
      }
      return a == Values.FALSE && b == Values.FALSE ? Values.FALSE : Values.UNKNOWN;
    }
  }
}
