package switchboard.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Filters that do not parse: a FilterException that says what is wrong and at which column. */
class FilterErrorTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // unbalanced parentheses, trailing garbage, missing operands
      "(/a = 1 | expected ) but found 'end of filter' | 8",
      "((/a = 1) | expected ) but found 'end of filter' | 10",
      "/a = 1) | unexpected ')' | 7",
      "/a = 1 2 | unexpected '2' | 8",
      "/a = 1 # x | unexpected '#' | 8",
      "/a ! 1 | unexpected '!' | 4",
      "/a = | expected a value but found 'end of filter' | 5",
      "1 = 1 AND | expected a value | 10",
      "/a = 1 /b | unknown word 'b' | 9",
      "foo = 1 | unknown word 'foo' | 1",
      // LIKE: the right side must be a quoted literal, and a valid regular expression
      "/a LIKE /b | LIKE takes a quoted pattern | 9",
      "/a LIKE UPPER('x') | LIKE takes a quoted pattern | 9",
      "/a LIKE '(' | bad regular expression in LIKE | 9",
      "/a NOT LIKE '[a-' | bad regular expression in LIKE | 13",
      // functions
      "NOSUCH(/a) = 1 | unknown function NOSUCH | 1",
      "/a = 1 AND nosuch(1) | unknown function nosuch | 12",
      "UPPER(/a, /b) = 1 | UPPER takes 1 argument, not 2 | 1",
      "LOWER() = 1 | LOWER takes 1 argument, not 0 | 1",
      "INSTR(/a) = 1 | INSTR takes 2 arguments, not 1 | 1",
      "STREQUAL_I(/a, 'x', 'y') = 1 | STREQUAL_I takes 2 arguments, not 3 | 1",
      "IF(/a, 1) = 1 | IF takes 3 arguments, not 2 | 1",
      "CONCAT() = 'x' | CONCAT takes at least 1 argument | 1",
      // lists
      "/a IN () | empty list | 8",
      "/a IN 1 | expected ( but found '1' | 7",
      "/a IN (1, 2 | expected ) | 12",
      "/a BEGINS WITH () | empty list | 17",
      "/a NOT BEGINS ('x') | expected WITH | 15",
      "/a ENDS ('x') | expected WITH | 9",
      // the rest of the grammar
      "/a NOT = 1 | expected BETWEEN, IN, LIKE, BEGINS WITH or ENDS WITH after NOT | 8",
      "/a IS 1 | expected NULL | 7",
      "/a BETWEEN 1 OR 2 | expected AND | 14",
      "/a = 'open | unterminated string | 6",
      "/a[x] = 1 | array index must be a number | 1",
      "[/unclosed = 1 | unclosed [ | 1",
      "/ = 1 | empty step in identifier | 1",
      "/a//b = 1 | empty step in identifier | 1",
      "1e = 1 | malformed number | 1",
  })
  void badFiltersSayWhatAndWhere(String filter, String message, int column) {
    FilterException e = catchThrowableOfType(FilterException.class, () -> Filter.compile(filter));
    assertThat(e).as(filter).isNotNull();
    assertThat(e.getMessage()).contains(message).endsWith(" at column " + column);
    assertThat(e.column()).isEqualTo(column);
  }

  @Test
  void theColumnPointsAtTheProblem() {
    FilterException e = catchThrowableOfType(FilterException.class, () -> Filter.compile("/a = 1 AND /b >< 2"));
    assertThat(e.column()).isEqualTo(16);
    assertThat(e).hasMessage("expected a value but found '<' at column 16");
  }

  @Test
  void nestingIsBoundedSoThatNoFilterOverflowsTheStack() throws Exception {
    String parens = "(".repeat(150) + "/a = 1" + ")".repeat(150);
    assertThatThrownBy(() -> Filter.compile(parens)).isInstanceOf(FilterException.class)
        .hasMessageContaining("nested too deeply");
    String nots = "NOT ".repeat(150) + "/a = 1";
    assertThatThrownBy(() -> Filter.compile(nots)).isInstanceOf(FilterException.class)
        .hasMessageContaining("nested too deeply");
    String minus = "-".repeat(150) + "/a = 1";
    assertThatThrownBy(() -> Filter.compile(minus)).isInstanceOf(FilterException.class)
        .hasMessageContaining("nested too deeply");
    String sum = "/a" + " + 1".repeat(300) + " = 301";
    assertThatThrownBy(() -> Filter.compile(sum)).isInstanceOf(FilterException.class)
        .hasMessageContaining("too deep");

    // within the bounds, deep filters work; and a long AND or OR chain is flat, not deep
    String ok = "(".repeat(50) + "/a" + " + 1".repeat(100) + " = 101" + ")".repeat(50);
    assertThat(Filter.compile(ok).test(FilterTest.JSON.readTree("{\"a\":1}"))).isTrue();
    String chain = "/a = 1" + " AND /a = 1".repeat(20_000);
    assertThat(Filter.compile(chain).test(FilterTest.JSON.readTree("{\"a\":1}"))).isTrue();
    String anyOf = "/a = 0" + " OR /a = 0".repeat(20_000) + " OR /a = 1";
    assertThat(Filter.compile(anyOf).test(FilterTest.JSON.readTree("{\"a\":1}"))).isTrue();
  }
}
