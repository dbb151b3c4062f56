package switchboard.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Predicate;
import switchboard.core.Message;

/**
 * A compiled content filter in the AMPS expression language: XPath-like identifiers ({@code /a/b},
 * {@code /x[0]}), SQL comparisons, {@code BETWEEN}, {@code IN}, {@code IS NULL}, {@code LIKE} (a regular
 * expression), {@code BEGINS WITH}, {@code ENDS WITH}, {@code AND OR NOT}, arithmetic and a few string
 * functions, with SQL's three-valued logic. A message passes only when the filter is TRUE.
 *
 * <p>Compile once per subscription; {@link #test} is safe on any number of threads at once and
 * allocates nothing beyond what the filter's own string functions and computed values need.
 */
public final class Filter implements Predicate<Message> {
  private static final Filter ALL = new Filter("", null);

  private final String text;
  private final Expr root;

  private Filter(String text, Expr root) {
    this.text = text;
    this.root = root;
  }

  /**
   * Compiles a filter; an empty or blank text is {@link #matchAll()}.
   *
   * @throws FilterException when the text does not parse
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

  @Override
  public boolean test(Message m) {
    return root == null || test(m.json());
  }

  /** The same test on a document already parsed. */
  public boolean test(JsonNode json) {
    return root == null || root.truth(json) == Values.TRUE;
  }

  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text.isEmpty() ? "(all)" : text;
  }
}
