package switchboard.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Locale;

/** The value nodes: identifiers, literals, arithmetic and functions. */
final class Operands {
  private Operands() {}

  /**
   * {@code /a/b[0]/c}: object fields by name, array elements by 0-based index. A name applied to an
   * array collects that field from each element, so {@code /items/price} matches any item's price.
   */
  static final class Ident extends Expr {
    private final String[] names; // null where the step is an index
    private final int[] indexes;

    Ident(List<Object> steps) {
      names = new String[steps.size()];
      indexes = new int[steps.size()];
      for (int i = 0; i < steps.size(); i++) {
        if (steps.get(i) instanceof Integer n) {
          indexes[i] = n;
        } else {
          names[i] = (String) steps.get(i);
        }
      }
    }

    @Override
    JsonNode value(JsonNode doc) {
      JsonNode n = doc;
      for (int i = 0; i < names.length && !n.isMissingNode(); i++) {
        if (names[i] == null) {
          n = n.path(indexes[i]);
        } else if (n.isArray()) {
          n = collect(n, names[i]);
        } else {
          n = n.path(names[i]);
        }
      }
      return n;
    }

    private static JsonNode collect(JsonNode array, String name) {
      ArrayNode out = null;
      for (JsonNode e : array) {
        JsonNode v = e.get(name);
        if (v != null) {
          if (out == null) {
            out = JsonNodeFactory.instance.arrayNode();
          }
          if (v.isArray()) {
            out.addAll((ArrayNode) v);
          } else {
            out.add(v);
          }
        }
      }
      return out == null ? MissingNode.getInstance() : out;
    }
  }

  /** A string, number, boolean or NULL written in the filter. */
  static final class Literal extends Expr {
    private final JsonNode node;

    Literal(JsonNode node) {
      this.node = node;
    }

    @Override
    JsonNode value(JsonNode doc) {
      return node;
    }
  }

  /** {@code + - * / %}: numbers only; NULL in, or a division by zero, gives NULL. */
  static final class Arith extends Expr {
    private final char op;
    private final Expr left;
    private final Expr right;

    Arith(char op, Expr left, Expr right) {
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override
    boolean isNumeric() {
      return true;
    }

    @Override
    double number(JsonNode doc) {
      double a = left.number(doc);
      double b = right.number(doc);
      return switch (op) {
        case '+' -> a + b;
        case '-' -> a - b;
        case '*' -> a * b;
        case '/' -> b == 0 ? Double.NaN : a / b;
        case '%' -> b == 0 ? Double.NaN : a % b;
        default -> throw new IllegalStateException("operator " + op);
      };
    }

    @Override
    JsonNode value(JsonNode doc) {
      return numberNode(number(doc));
    }
  }

  /** Unary minus. */
  static final class Neg extends Expr {
    private final Expr operand;

    Neg(Expr operand) {
      this.operand = operand;
    }

    @Override
    boolean isNumeric() {
      return true;
    }

    @Override
    double number(JsonNode doc) {
      return -operand.number(doc);
    }

    @Override
    JsonNode value(JsonNode doc) {
      return numberNode(number(doc));
    }
  }

  /** A computed number as a node: NULL for NaN, an integer when it is one. */
  static JsonNode numberNode(double d) {
    if (Double.isNaN(d)) {
      return NullNode.getInstance();
    }
    if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
      return LongNode.valueOf((long) d);
    }
    return DoubleNode.valueOf(d);
  }

  /** UPPER, LOWER, CONCAT: string results. */
  static final class StringFunc extends Expr {
    private final String name;
    private final Expr[] args;

    StringFunc(String name, Expr[] args) {
      this.name = name;
      this.args = args;
    }

    @Override
    JsonNode value(JsonNode doc) {
      if (name.equals("CONCAT")) {
        StringBuilder b = new StringBuilder();
        for (Expr a : args) {
          String t = Values.text(a.value(doc));
          if (t != null) {
            b.append(t);
          }
        }
        return TextNode.valueOf(b.toString());
      }
      String t = Values.text(args[0].value(doc));
      if (t == null) {
        return NullNode.getInstance();
      }
      return TextNode.valueOf(name.equals("UPPER") ? t.toUpperCase(Locale.ROOT) : t.toLowerCase(Locale.ROOT));
    }
  }

  /** INSTR, INSTR_I (1-based position, 0 when absent) and STREQUAL_I (1 or 0): numbers, no allocation. */
  static final class NumberFunc extends Expr {
    private final String name;
    private final Expr a;
    private final Expr b;

    NumberFunc(String name, Expr a, Expr b) {
      this.name = name;
      this.a = a;
      this.b = b;
    }

    @Override
    boolean isNumeric() {
      return true;
    }

    @Override
    double number(JsonNode doc) {
      String s = Values.text(a.value(doc));
      String t = Values.text(b.value(doc));
      if (s == null || t == null) {
        return Double.NaN;
      }
      return switch (name) {
        case "INSTR" -> s.indexOf(t) + 1;
        case "INSTR_I" -> indexIgnoreCase(s, t) + 1;
        case "STREQUAL_I" -> s.equalsIgnoreCase(t) ? 1 : 0;
        default -> throw new IllegalStateException(name);
      };
    }

    private static int indexIgnoreCase(String s, String t) {
      for (int i = 0; i + t.length() <= s.length(); i++) {
        if (s.regionMatches(true, i, t, 0, t.length())) {
          return i;
        }
      }
      return -1;
    }

    @Override
    JsonNode value(JsonNode doc) {
      return numberNode(number(doc));
    }
  }

  /** IF(condition, then, else): the condition must be TRUE for {@code then}. */
  static final class If extends Expr {
    private final Expr cond;
    private final Expr then;
    private final Expr otherwise;

    If(Expr cond, Expr then, Expr otherwise) {
      this.cond = cond;
      this.then = then;
      this.otherwise = otherwise;
    }

    private Expr chosen(JsonNode doc) {
      return cond.truth(doc) == Values.TRUE ? then : otherwise;
    }

    @Override
    JsonNode value(JsonNode doc) {
      return chosen(doc).value(doc);
    }

    @Override
    boolean isNumeric() {
      return then.isNumeric() && otherwise.isNumeric();
    }

    @Override
    double number(JsonNode doc) {
      return chosen(doc).number(doc);
    }

    @Override
    int truth(JsonNode doc) {
      return chosen(doc).truth(doc);
    }
  }
}
