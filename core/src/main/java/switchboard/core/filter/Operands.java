package switchboard.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;

/** The value nodes that are not functions: identifiers, literals and arithmetic. */
final class Operands {
  private Operands() {}

  /**
   * {@code /a/b[0]/c}: object fields by name, array elements by 0-based index; a missing step is NULL.
   * A name applied to an array collects that field from each element, as an XPath step over repeated
   * elements does, so {@code /items/price > 40} is true when any item's price is. That case builds an
   * array per evaluation; every other path only walks the document.
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
    void eval(JsonNode doc, ValueStack st) {
      Values.push(st, resolve(doc));
    }

    /** The node this path reaches in the document; a {@link MissingNode} when a step is missing. */
    JsonNode resolve(JsonNode doc) {
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

    /**
     * The path in one canonical spelling, {@code /name} per name and {@code [i]} per index: {@code /a/b[0]}
     * and {@code /a/b/[0]} both give {@code /a/b[0]}. A name holds neither {@code /} nor {@code [}
     * (the parser splits on both), so {@link FieldKeys} can read the steps back from it.
     */
    String path() {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < names.length; i++) {
        if (names[i] == null) {
          b.append('[').append(indexes[i]).append(']');
        } else {
          b.append('/').append(names[i]);
        }
      }
      return b.toString();
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

    JsonNode node() {
      return node;
    }

    @Override
    void eval(JsonNode doc, ValueStack st) {
      Values.push(st, node);
    }
  }

  /** {@code + - * / %} (see {@link Values#arithmetic}). */
  static final class Arith extends Expr {
    private final char op;
    private final Expr left;
    private final Expr right;

    Arith(char op, Expr left, Expr right) {
      super(left, right);
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override
    void eval(JsonNode doc, ValueStack st) {
      int i = st.size();
      left.eval(doc, st);
      right.eval(doc, st);
      Values.arithmetic(op, st, i, i + 1);
      st.truncate(i + 1);
    }
  }

  /** Unary minus. */
  static final class Neg extends Expr {
    private final Expr operand;

    Neg(Expr operand) {
      super(operand);
      this.operand = operand;
    }

    @Override
    void eval(JsonNode doc, ValueStack st) {
      int i = st.size();
      operand.eval(doc, st);
      Values.negate(st, i);
    }
  }
}
