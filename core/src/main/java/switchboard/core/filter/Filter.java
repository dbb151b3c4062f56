package switchboard.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Predicate;
import switchboard.core.Message;

/**
 * A compiled content filter in the AMPS expression language (amps.md §4): XPath-like identifiers
 * ({@code /a/b}, {@code /x[0]}, {@code [/Not Xpath Name]}), SQL comparisons, {@code BETWEEN}, {@code IN},
 * {@code IS NULL}, {@code LIKE} (a regular expression), {@code BEGINS WITH}, {@code ENDS WITH},
 * {@code AND OR NOT}, arithmetic and a few functions, in SQL's three-valued logic. A message passes only
 * when the filter is TRUE: FALSE and UNKNOWN both reject it.
 *
 * <p>Compile once per subscription. {@link #test} is safe on any number of threads at once; it works on
 * a per-thread value stack and allocates nothing, except where the filter itself builds strings
 * (UPPER, LOWER, CONCAT, or text taken from a number) or steps by name through an array of objects.
 */
public final class Filter implements Predicate<Message> {
  private static final Filter ALL = new Filter("", null);
  /** Each thread's value stack, shared with {@link FieldKeys}. */
  static final ThreadLocal<ValueStack> STACKS = ThreadLocal.withInitial(ValueStack::new);

  private final String text;
  private final Expr root;

  private Filter(String text, Expr root) {
    this.text = text;
    this.root = root;
  }

  /**
   * Compiles a filter; a null, empty or blank text is {@link #matchAll()}.
   *
   * @throws FilterException when the text does not parse; its message says what and at which column
   */
  public static Filter compile(String text) throws FilterException {
    if (text == null || text.isBlank()) {
      return ALL;
    }
    return new Filter(text, new Parser(text).parse());
  }

  /** The filter that passes every message. */
  public static Filter matchAll() {
    return ALL;
  }

  /** Whether the message's JSON payload makes the filter TRUE; a payload that is not JSON never does. */
  @Override
  public boolean test(Message m) {
    return root == null || test(m.json());
  }

  /** The same test on a document already parsed. */
  public boolean test(JsonNode json) {
    if (root == null) {
      return true;
    }
    if (json == null || json.isMissingNode()) {
      return false; // Message.json(): a payload that is not JSON matches no content filter
    }
    ValueStack st = STACKS.get();
    int mark = st.size();
    try {
      return root.truth(json, st) == Values.TRUE;
    } finally {
      st.release(mark);
    }
  }

  /**
   * A key constraint this filter implies, for the subscription index to narrow by: one equality (or
   * IN) on a field at the top level of the filter's AND chain, as {@link FieldKeys} describes; null
   * when there is none. The filter must still run on what the constraint admits: it admits every
   * message the filter accepts, and may admit more.
   */
  public FieldKeys.Constraint indexKey() {
    return root == null ? null : FieldKeys.constraint(root);
  }

  /** The text compiled; empty for {@link #matchAll()}. */
  public String text() {
    return text;
  }

  /** Filters are equal when their texts are, so that specs carrying them compare as the texts do. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Filter f && f.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text.isEmpty() ? "(all)" : text;
  }
}
