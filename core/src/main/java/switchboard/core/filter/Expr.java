package switchboard.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * A compiled expression node, evaluated against a parsed document. Shared by every thread that
 * evaluates its filter: nodes hold no per-evaluation state.
 */
abstract class Expr {

  /** The value, as a node; NULL as a null or missing node. May allocate for computed values only. */
  abstract JsonNode value(JsonNode doc);

  /** The value as a condition: {@link Values#TRUE}, {@link Values#FALSE} or {@link Values#UNKNOWN}. */
  int truth(JsonNode doc) {
    return Values.truth(value(doc));
  }

  /** True for nodes that compute a number, which {@link #number} gives without allocating. */
  boolean isNumeric() {
    return false;
  }

  /** The value as a number; NaN for NULL or a value that is not a number. */
  double number(JsonNode doc) {
    return Values.toDouble(value(doc));
  }

  /** A node whose value is a condition. */
  abstract static class Predicate extends Expr {
    @Override
    abstract int truth(JsonNode doc);

    @Override
    final JsonNode value(JsonNode doc) {
      int t = truth(doc);
      return t == Values.UNKNOWN ? NullNode.getInstance() : BooleanNode.valueOf(t == Values.TRUE);
    }
  }
}
