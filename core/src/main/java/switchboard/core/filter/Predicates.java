package switchboard.core.filter;

import static switchboard.core.filter.Values.FALSE;
import static switchboard.core.filter.Values.TRUE;
import static switchboard.core.filter.Values.UNKNOWN;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import switchboard.core.filter.Values.Op;

/**
 * The condition nodes, in SQL three-valued logic. Comparisons, BETWEEN, IN, LIKE and BEGINS/ENDS WITH
 * are TRUE for an array when they are TRUE for any element; their NOT forms negate that whole answer,
 * so {@code /data NOT IN (3)} is FALSE when any element is 3. Each node evaluates its subject once.
 */
final class Predicates {
  private Predicates() {}

  private static Expr[] withSubject(Expr subject, Expr[] items) {
    Expr[] all = new Expr[items.length + 1];
    all[0] = subject;
    System.arraycopy(items, 0, all, 1, items.length);
    return all;
  }

  /** {@code a op b}. */
  static final class Compare extends Expr.Condition {
    private final Op op;
    private final Expr left;
    private final Expr right;

    Compare(Op op, Expr left, Expr right) {
      super(left, right);
      this.op = op;
      this.left = left;
      this.right = right;
    }

    Op op() {
      return op;
    }

    Expr left() {
      return left;
    }

    Expr right() {
      return right;
    }

    @Override
    int truth(JsonNode doc, ValueStack st) {
      int i = st.size();
      left.eval(doc, st);
      right.eval(doc, st);
      int r = Values.compare(op, st, i, i + 1);
      st.truncate(i);
      return r;
    }
  }

  /** {@code x BETWEEN lo AND hi}, both ends included; an array bound stands for its first element. */
  static final class Between extends Expr.Condition {
    private final boolean negated;
    private final Expr subject;
    private final Expr low;
    private final Expr high;

    Between(boolean negated, Expr subject, Expr low, Expr high) {
      super(subject, low, high);
      this.negated = negated;
      this.subject = subject;
      this.low = low;
      this.high = high;
    }

    @Override
    int truth(JsonNode doc, ValueStack st) {
      int i = st.size();
      subject.eval(doc, st);
      low.eval(doc, st);
      high.eval(doc, st);
      Values.first(st, i + 1);
      Values.first(st, i + 2);
      int tmp = st.push();
      int result = FALSE;
      for (int x = 0, n = Values.count(st, i); x < n && result != TRUE; x++) {
        int e = Values.element(st, i, x, tmp);
        int t = Values.and(Op.GE.apply(Values.order(st, e, i + 1)), Op.LE.apply(Values.order(st, e, i + 2)));
        result = t == FALSE ? result : t;
      }
      st.truncate(i);
      return negated ? Values.not(result) : result;
    }
  }

  /**
   * {@code x IN (a, b, ...)}: {@code x = a OR x = b ...}, so NULL matches nothing. A list of quoted
   * strings that are not numbers, the common case ({@code /symbol IN ('IBM','MSFT')}), is a hash set:
   * such a string can equal only the same string, never a number.
   */
  static final class In extends Expr.Condition {
    private final boolean negated;
    private final Expr subject;
    private final Expr[] items;
    private final Set<String> strings; // null unless every item is a non-numeric string literal

    In(boolean negated, Expr subject, Expr[] items) {
      super(withSubject(subject, items));
      this.negated = negated;
      this.subject = subject;
      this.items = items;
      this.strings = stringSet(items);
    }

    boolean negated() {
      return negated;
    }

    Expr subject() {
      return subject;
    }

    Expr[] items() {
      return items.clone();
    }

    private static Set<String> stringSet(Expr[] items) {
      Set<String> set = new HashSet<>();
      for (Expr e : items) {
        if (!(e instanceof Operands.Literal lit) || !lit.node().isTextual()
            || lit.node().textValue().isEmpty() || Numbers.kind(lit.node().textValue()) != Numbers.NOT_A_NUMBER) {
          return null;
        }
        set.add(lit.node().textValue());
      }
      return set;
    }

    @Override
    int truth(JsonNode doc, ValueStack st) {
      int i = st.size();
      subject.eval(doc, st);
      int result = strings != null ? inSet(st, i) : inList(doc, st, i);
      st.truncate(i);
      return negated ? Values.not(result) : result;
    }

    private int inList(JsonNode doc, ValueStack st, int i) {
      int result = FALSE;
      for (Expr item : items) {
        item.eval(doc, st);
        int t = Values.compare(Op.EQ, st, i, i + 1);
        st.truncate(i + 1);
        if (t == TRUE) {
          return TRUE;
        }
        result = t == UNKNOWN ? UNKNOWN : result;
      }
      return result;
    }

    /** The same answers as {@link #inList} for a set of non-numeric strings. */
    private int inSet(ValueStack st, int i) {
      int tmp = st.push();
      int result = FALSE;
      for (int x = 0, n = Values.count(st, i); x < n; x++) {
        int e = Values.element(st, i, x, tmp);
        int kind = st.kind(e);
        if (kind == ValueStack.STRING) {
          if (strings.contains(st.string(e))) {
            return TRUE;
          }
        } else if (kind != ValueStack.LONG && kind != ValueStack.DOUBLE && kind != ValueStack.BOOL) {
          result = UNKNOWN; // NULL, an object or a nested array: no order, as in Values.order
        }
      }
      return result;
    }
  }

  /** {@code x IS NULL}, {@code x IS NOT NULL}: never UNKNOWN. */
  static final class IsNull extends Expr.Condition {
    private final boolean negated;
    private final Expr subject;

    IsNull(boolean negated, Expr subject) {
      super(subject);
      this.negated = negated;
      this.subject = subject;
    }

    @Override
    int truth(JsonNode doc, ValueStack st) {
      int i = st.size();
      subject.eval(doc, st);
      boolean isNull = st.kind(i) == ValueStack.NULL;
      st.truncate(i);
      return Values.of(isNull != negated);
    }
  }

  /**
   * {@code x LIKE 'regex'}: unanchored ({@code find}) and case-sensitive. The pattern is compiled once;
   * each thread reuses its own Matcher, since a Matcher is stateful and costly to create per message.
   */
  static final class Like extends Expr.Condition {
    private final boolean negated;
    private final Expr subject;
    private final ThreadLocal<Matcher> matchers;

    Like(boolean negated, Expr subject, Pattern pattern) {
      super(subject);
      this.negated = negated;
      this.subject = subject;
      this.matchers = ThreadLocal.withInitial(() -> pattern.matcher(""));
    }

    @Override
    int truth(JsonNode doc, ValueStack st) {
      int i = st.size();
      subject.eval(doc, st);
      int tmp = st.push();
      Matcher m = matchers.get();
      int result = FALSE;
      for (int x = 0, n = Values.count(st, i); x < n && result != TRUE; x++) {
        String t = Values.text(st, i, x, tmp);
        if (t == null) {
          result = UNKNOWN;
        } else if (find(m, t)) {
          result = TRUE;
        }
      }
      m.reset(""); // do not keep the message's text reachable from the thread
      st.truncate(i);
      return negated ? Values.not(result) : result;
    }

    /**
     * java.util.regex recurses per repetition for some patterns, so a long enough published value could
     * overflow the stack; that value is then no match rather than a failure on the publish path.
     */
    private static boolean find(Matcher m, String t) {
      try {
        return m.reset(t).find();
      } catch (StackOverflowError e) {
        return false;
      }
    }
  }

  /** {@code x BEGINS WITH (a, b)} and {@code x ENDS WITH (...)}: any of the given strings. */
  static final class Affix extends Expr.Condition {
    private final boolean negated;
    private final boolean begins;
    private final Expr subject;
    private final Expr[] affixes;

    Affix(boolean negated, boolean begins, Expr subject, Expr[] affixes) {
      super(withSubject(subject, affixes));
      this.negated = negated;
      this.begins = begins;
      this.subject = subject;
      this.affixes = affixes;
    }

    @Override
    int truth(JsonNode doc, ValueStack st) {
      int i = st.size();
      subject.eval(doc, st);
      for (Expr a : affixes) {
        a.eval(doc, st); // slots i+1 .. i+n
      }
      int tmp = st.push();
      int result = FALSE;
      for (int x = 0, n = Values.count(st, i); x < n && result != TRUE; x++) {
        String t = Values.text(st, i, x, tmp);
        if (t == null) {
          result = UNKNOWN;
          continue;
        }
        for (int k = 1; k <= affixes.length; k++) {
          String s = Values.text(st, i + k);
          if (s != null && (begins ? t.startsWith(s) : t.endsWith(s))) {
            result = TRUE;
            break;
          }
        }
      }
      st.truncate(i);
      return negated ? Values.not(result) : result;
    }
  }

  static final class Not extends Expr.Condition {
    private final Expr operand;

    Not(Expr operand) {
      super(operand);
      this.operand = operand;
    }

    @Override
    int truth(JsonNode doc, ValueStack st) {
      return Values.not(operand.truth(doc, st));
    }
  }

  /** {@code a AND b AND ...}, stopping at the first FALSE. One node for the chain: flat, not deep. */
  static final class And extends Expr.Condition {
    private final Expr[] operands;

    And(Expr[] operands) {
      super(operands);
      this.operands = operands;
    }

    Expr[] operands() {
      return operands.clone();
    }

    @Override
    int truth(JsonNode doc, ValueStack st) {
      int result = TRUE;
      for (Expr e : operands) {
        int t = e.truth(doc, st);
        if (t == FALSE) {
          return FALSE;
        }
        result = Values.and(result, t);
      }
      return result;
    }
  }

  /** {@code a OR b OR ...}, stopping at the first TRUE. */
  static final class Or extends Expr.Condition {
    private final Expr[] operands;

    Or(Expr[] operands) {
      super(operands);
      this.operands = operands;
    }

    @Override
    int truth(JsonNode doc, ValueStack st) {
      int result = FALSE;
      for (Expr e : operands) {
        int t = e.truth(doc, st);
        if (t == TRUE) {
          return TRUE;
        }
        result = Values.or(result, t);
      }
      return result;
    }
  }
}
