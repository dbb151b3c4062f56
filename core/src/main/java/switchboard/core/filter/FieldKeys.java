package switchboard.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import switchboard.core.filter.Values.Op;

/**
 * Index keys taken from a message's JSON, so that the subscription index can narrow by the equality
 * conjuncts of content filters instead of running every filter on a topic.
 *
 * <p>A field key is named {@link #PREFIX} and a path in {@link Operands.Ident#path() canonical spelling}:
 * {@code json:/g}, {@code json:/order/items[0]}. A filter whose top-level AND chain holds
 * {@code /g = 7} or {@code /g IN (7, 'x')} implies the constraint {@code json:/g -> {7, x}}
 * ({@link Filter#indexKey()}); a message's values for {@code json:/g} are those of its field {@code /g}
 * ({@link #values}). The filter stays the subscription's residual predicate: the constraint only has
 * to admit every message the filter accepts, never to reject on its own account.
 *
 * <h2>Canonical values</h2>
 *
 * A scalar (as {@link ValueStack#load} classifies JSON and literals, so NULL, "" and NaN have none) has
 * these keys:
 *
 * <ul>
 *   <li>a number, or a boolean as 1 or 0: {@link #number its canonical text}, the long's decimal digits
 *       when the value is an integer within the range of a long, else {@link Double#toString}. Two
 *       numbers are equal under {@link Values#order} exactly when they are the same real number, and
 *       this text is one-to-one on real numbers: a double that is an integer within the long range is
 *       spelled as that long; Double.toString is one-to-one on doubles and always spells a '.', an 'E'
 *       or "Infinity", so never a long's digits.
 *   <li>a string: the string itself, and when it reads as a number ({@link Numbers#kind}) also the
 *       canonical text of that number.
 * </ul>
 *
 * Equality under {@code =} implies a shared key: two strings are equal only as the same string; a
 * string equals a number only when it reads as that same number; two numbers, as above. An array field
 * has the keys of its scalar elements, since {@code =} is TRUE for an array when an element is equal
 * (nested arrays and objects are never equal to a literal). Keys may collide where values are not
 * equal ({@code "7"} and {@code "7.0"} both give 7; a string "Infinity" looks like the number): that
 * only lets through a message the residual filter then rejects.
 *
 * <p>Thread-safe: evaluation uses the calling thread's value stack, and parsed paths are kept in a
 * concurrent map.
 */
public final class FieldKeys {
  /** What every field key's name starts with; no other index key may. */
  public static final String PREFIX = "json:";

  /** Parsed paths by key name, up to {@link #MAX_PATHS}; a full map keeps what it has. */
  private static final ConcurrentHashMap<String, Operands.Ident> PATHS = new ConcurrentHashMap<>();
  private static final int MAX_PATHS = 10_000;

  private FieldKeys() {}

  /**
   * A key constraint implied by a filter: every message the filter accepts carries, under
   * {@code name}, at least one of {@code values}.
   */
  public record Constraint(String name, Set<String> values) {
    public Constraint {
      values = Set.copyOf(values);
    }
  }

  /** Whether an index key name is a field key, whose values {@link #values} derives. */
  public static boolean isFieldKey(String name) {
    return name.startsWith(PREFIX);
  }

  /**
   * The values of field key {@code name} in a document: the canonical keys of the value its path
   * reaches, or of each scalar element when that is an array; empty when the path reaches nothing,
   * NULL or an object, and for a name that is not a field key.
   */
  public static List<String> values(JsonNode doc, String name) {
    if (doc == null || doc.isMissingNode() || !isFieldKey(name)) {
      return List.of();
    }
    Operands.Ident path = path(name);
    if (path == null) {
      return List.of();
    }
    JsonNode n = path.resolve(doc);
    ValueStack st = Filter.STACKS.get();
    int mark = st.size();
    try {
      int i = st.push();
      st.load(i, n);
      if (st.kind(i) != ValueStack.ARRAY) {
        return scalar(st, i);
      }
      Set<String> out = new LinkedHashSet<>();
      int tmp = st.push();
      for (int x = 0, size = n.size(); x < size; x++) {
        st.load(tmp, n.get(x));
        keys(st, tmp, out);
      }
      return List.copyOf(out);
    } finally {
      st.release(mark);
    }
  }

  /** One scalar's keys, without the set that arrays need. */
  private static List<String> scalar(ValueStack st, int i) {
    return switch (st.kind(i)) {
      case ValueStack.LONG, ValueStack.BOOL -> List.of(Long.toString(st.longAt(i)));
      case ValueStack.DOUBLE -> List.of(number(st.doubleAt(i)));
      case ValueStack.STRING -> {
        String s = st.string(i);
        String n = readAsNumber(s);
        yield n == null || n.equals(s) ? List.of(s) : List.of(s, n);
      }
      default -> List.of();
    };
  }

  /** Adds the keys of the scalar in slot i; none for NULL, an object or an array. */
  static void keys(ValueStack st, int i, Collection<String> out) {
    switch (st.kind(i)) {
      case ValueStack.LONG, ValueStack.BOOL -> out.add(Long.toString(st.longAt(i)));
      case ValueStack.DOUBLE -> out.add(number(st.doubleAt(i)));
      case ValueStack.STRING -> {
        String s = st.string(i);
        out.add(s);
        String n = readAsNumber(s);
        if (n != null) {
          out.add(n);
        }
      }
      default -> { }
    }
  }

  /** The canonical text of the number a string reads as (as {@link Values#order} reads it), or null. */
  private static String readAsNumber(String s) {
    return switch (Numbers.kind(s)) {
      case Numbers.INTEGER -> Long.toString(Long.parseLong(s));
      case Numbers.DECIMAL -> number(Numbers.parseDouble(s));
      default -> null;
    };
  }

  /** A double's canonical text: the long's digits when it is an integer in the long range (-0 is 0). */
  static String number(double d) {
    if (d >= -0x1p63 && d < 0x1p63 && d == Math.rint(d)) {
      return Long.toString((long) d);
    }
    return Double.toString(d);
  }

  // ---- the filter side

  /**
   * The constraint implied by a compiled filter, or null. Each operand of the top-level AND chain (the
   * whole filter when it is not an AND) that is {@code identifier = literal}, either way round, or
   * {@code identifier IN (literal, ...)} is a candidate, since the filter is TRUE only when each is; the
   * one with the fewest values wins (the first among equals). OR, NOT and the other predicates imply
   * nothing. A literal that is NULL or '' never compares equal, so it adds no value; a candidate left
   * with none is dropped.
   */
  static Constraint constraint(Expr root) {
    List<Expr> conjuncts = new ArrayList<>();
    flatten(root, conjuncts);
    Constraint best = null;
    for (Expr e : conjuncts) {
      Constraint c = candidate(e);
      if (c != null && (best == null || c.values().size() < best.values().size())) {
        best = c;
      }
    }
    return best;
  }

  private static void flatten(Expr e, List<Expr> out) {
    if (e instanceof Predicates.And and) {
      for (Expr o : and.operands()) {
        flatten(o, out); // (a AND b) AND c: parentheses do not change a conjunction
      }
    } else {
      out.add(e);
    }
  }

  private static Constraint candidate(Expr e) {
    if (e instanceof Predicates.Compare c && c.op() == Op.EQ) {
      if (c.left() instanceof Operands.Ident id && c.right() instanceof Operands.Literal lit) {
        return of(id, new Expr[] {lit});
      }
      if (c.right() instanceof Operands.Ident id && c.left() instanceof Operands.Literal lit) {
        return of(id, new Expr[] {lit});
      }
      return null;
    }
    if (e instanceof Predicates.In in && !in.negated() && in.subject() instanceof Operands.Ident id) {
      return of(id, in.items());
    }
    return null;
  }

  /** The constraint of {@code id} equal to one of the literals; null if an item is not a literal. */
  private static Constraint of(Operands.Ident id, Expr[] items) {
    ValueStack st = new ValueStack();
    int i = st.push();
    Set<String> values = new LinkedHashSet<>();
    for (Expr item : items) {
      if (!(item instanceof Operands.Literal lit)) {
        return null;
      }
      st.load(i, lit.node());
      keys(st, i, values);
    }
    return values.isEmpty() ? null : new Constraint(PREFIX + id.path(), values);
  }

  // ---- key names

  private static Operands.Ident path(String name) {
    Operands.Ident p = PATHS.get(name);
    if (p == null) {
      p = parse(name.substring(PREFIX.length()));
      if (p != null && PATHS.size() < MAX_PATHS) {
        PATHS.putIfAbsent(name, p);
      }
    }
    return p;
  }

  /** Reads {@link Operands.Ident#path()}'s spelling back into a path; null if it is not one. */
  static Operands.Ident parse(String path) {
    List<Object> steps = new ArrayList<>();
    int i = 0;
    int n = path.length();
    while (i < n) {
      char c = path.charAt(i);
      if (c == '/') {
        int end = i + 1;
        while (end < n && path.charAt(end) != '/' && path.charAt(end) != '[') {
          end++;
        }
        if (end == i + 1) {
          return null;
        }
        steps.add(path.substring(i + 1, end));
        i = end;
      } else if (c == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          return null;
        }
        try {
          steps.add(Integer.parseInt(path.substring(i + 1, close)));
        } catch (NumberFormatException e) {
          return null;
        }
        i = close + 1;
      } else {
        return null;
      }
    }
    return steps.isEmpty() ? null : new Operands.Ident(steps);
  }
}
