package switchboard.core.filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compiled expression node. Nodes are immutable and shared by every thread that runs their filter;
 * what an evaluation computes lives on that thread's {@link ValueStack}.
 */
abstract class Expr {
  /** Levels of nodes from here down; the parser bounds it, since evaluation recurses that deep. */
  final int depth;

  Expr(Expr... children) {
    int d = 0;
    for (Expr c : children) {
      d = Math.max(d, c.depth);
    }
    depth = d + 1;
  }

  /** Pushes this node's value on the stack: exactly one slot, whatever it holds. */
  abstract void eval(JsonNode doc, ValueStack st);

  /** This node as a condition: {@link Values#TRUE}, {@link Values#FALSE} or {@link Values#UNKNOWN}. */
  int truth(JsonNode doc, ValueStack st) {
    int i = st.size();
    eval(doc, st);
    int t = Values.truth(st, i);
    st.truncate(i);
    return t;
  }

  /** A node whose value is a condition; as an operand it is a boolean, or NULL when UNKNOWN. */
  abstract static class Condition extends Expr {
    Condition(Expr... children) {
      super(children);
    }

    @Override
    abstract int truth(JsonNode doc, ValueStack st);

    @Override
    final void eval(JsonNode doc, ValueStack st) {
      int t = truth(doc, st);
      int i = st.push();
      if (t != Values.UNKNOWN) {
        st.setBool(i, t == Values.TRUE);
      }
    }
  }
}
