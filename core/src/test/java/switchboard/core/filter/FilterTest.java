package switchboard.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every operator and function of the filter language (amps.md §4), one row each: filter, then its
 * three-valued outcome on {@link #DOC}. UNKNOWN is told from FALSE by also running {@code NOT (filter)}:
 * only FALSE makes that TRUE.
 */
class FilterTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String DOC = """
      {"a":1,"b":"47","name":"Jane","empty":"","nil":null,"flag":true,"off":false,"price":90.5,"qty":10,
       "data":[1,2,3,"zebra",5],"other":[14,34,23,5],"none":[],"tags":["red","green"],"withNull":[null,4],
       "matrix":[[1,2],[3]],"client":{"country":"US","tier":"gold"},"items":[{"price":5},{"price":50}],
       "Not Xpath Name":"spaced","eventLevels":"info,critical","state":"aa","55":"BUY_TRADE",
       "big":9007199254740993,"huge":9223372036854775807,"neg":-7,"pxs":"90.25","two":"2.000"}
      """;

  /** TRUE, FALSE or UNKNOWN. */
  static String truth(String filter, String doc) throws Exception {
    JsonNode json = JSON.readTree(doc);
    boolean t = Filter.compile(filter).test(json);
    boolean f = Filter.compile("NOT (" + filter + ")").test(json);
    assertThat(t && f).as("a filter and its negation both TRUE: %s", filter).isFalse();
    return t ? "TRUE" : f ? "FALSE" : "UNKNOWN";
  }

  static String truth(String filter) throws Exception {
    return truth(filter, DOC);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "/a = 1 | TRUE", "/a == 1 | TRUE", "/a = 2 | FALSE", "/a != 2 | TRUE", "/a != 1 | FALSE", "/a <> 2 | TRUE",
      "/a <> 1 | FALSE", "/qty < 11 | TRUE", "/qty < 10 | FALSE", "/qty <= 10 | TRUE", "/qty <= 9 | FALSE",
      "/qty > 9 | TRUE", "/qty > 10 | FALSE", "/qty >= 10 | TRUE", "/qty >= 11 | FALSE",
      "/price > 90 | TRUE", "/price = 90.5 | TRUE", "/price < 90.5 | FALSE",
      "/name = 'Jane' | TRUE", "/name = \"Jane\" | TRUE", "/name = 'jane' | FALSE", "/name < 'Jo' | TRUE",
      "/name > 'Jo' | FALSE", "1 = /a | TRUE", "/qty = /a * 10 | TRUE",
  })
  void comparisons(String filter, String expected) throws Exception {
    assertThat(truth(filter)).as(filter).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "/qty BETWEEN 5 AND 10 | TRUE", "/qty BETWEEN 10 AND 20 | TRUE", "/qty BETWEEN 11 AND 20 | FALSE",
      "/qty BETWEEN 1 AND 9 | FALSE", "/qty NOT BETWEEN 11 AND 20 | TRUE", "/qty NOT BETWEEN 5 AND 10 | FALSE",
      "/missing BETWEEN 1 AND 2 | UNKNOWN", "/missing NOT BETWEEN 1 AND 2 | UNKNOWN",
      "/qty BETWEEN 1 AND /missing | UNKNOWN", "/qty BETWEEN 20 AND /missing | FALSE",
      "/b BETWEEN 40 AND 50 | TRUE", "/name BETWEEN 'A' AND 'K' | TRUE", "/qty BETWEEN /a AND /a + 9 | TRUE",
  })
  void between(String filter, String expected) throws Exception {
    assertThat(truth(filter)).as(filter).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "/name IN ('Jane', 'George') | TRUE", "/name IN ('Bob') | FALSE", "/name NOT IN ('Bob', 'Al') | TRUE",
      "/name NOT IN ('Jane') | FALSE", "/name IN ('Jane', 1) | TRUE", "/missing IN (1, 2) | UNKNOWN",
      "/missing NOT IN (1, 2) | UNKNOWN", "/missing IN ('x', 'y') | UNKNOWN", "/a IN (2, NULL) | UNKNOWN",
      "/a IN (1, NULL) | TRUE", "/a NOT IN (2, NULL) | UNKNOWN", "/qty IN (/a * 10, 3) | TRUE",
      "/b IN (47) | TRUE", "/b IN ('47') | TRUE", "/a IN ('1') | TRUE", "/a IN ('x', 'y') | FALSE",
      "/client IN ('x') | UNKNOWN",
  })
  void in(String filter, String expected) throws Exception {
    assertThat(truth(filter)).as(filter).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "/missing IS NULL | TRUE", "/nil IS NULL | TRUE", "/empty IS NULL | TRUE", "/none IS NULL | TRUE",
      "/a IS NULL | FALSE", "/a IS NOT NULL | TRUE", "/missing IS NOT NULL | FALSE", "/empty IS NOT NULL | FALSE",
      "/client IS NULL | FALSE", "/client IS NOT NULL | TRUE", "/data IS NULL | FALSE", "NULL IS NULL | TRUE",
      "/qty / 0 IS NULL | TRUE",
  })
  void isNull(String filter, String expected) throws Exception {
    assertThat(truth(filter)).as(filter).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "/name LIKE 'an' | TRUE", "/name LIKE '^an' | FALSE", "/name LIKE 'jane' | FALSE",
      "/name LIKE '(?i)^jAnE$' | TRUE", "/name LIKE \"^J.*e$\" | TRUE", "/name NOT LIKE 'x' | TRUE",
      "/name NOT LIKE 'J' | FALSE", "/missing LIKE 'a' | UNKNOWN", "/missing NOT LIKE 'a' | UNKNOWN",
      "/state LIKE '(.)\\1' | TRUE", "/name LIKE '(.)\\1' | FALSE", "/55 LIKE 'TRADE$' | TRUE",
      "/client/country LIKE \"(?i)^us$\" | TRUE", "/price LIKE '^90\\.5$' | TRUE", "/name LIKE 'it''s' | FALSE",
  })
  void like(String filter, String expected) throws Exception {
    assertThat(truth(filter)).as(filter).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "/name BEGINS WITH ('Ja', 'Ge') | TRUE", "/name BEGINS WITH ('Ge', 'Ja') | TRUE",
      "/name BEGINS WITH ('ja') | FALSE", "/name ENDS WITH ('ne') | TRUE", "/name ENDS WITH ('x', 'ane') | TRUE",
      "/name ENDS WITH ('NE') | FALSE", "/name NOT BEGINS WITH ('X') | TRUE", "/name NOT BEGINS WITH ('J') | FALSE",
      "/name NOT ENDS WITH ('ne') | FALSE", "/name NOT ENDS WITH ('x') | TRUE",
      "/missing BEGINS WITH ('a') | UNKNOWN", "/missing NOT ENDS WITH ('a') | UNKNOWN",
      "/qty BEGINS WITH ('1') | TRUE", "/name BEGINS WITH (LOWER('JA'), 'J') | TRUE",
  })
  void beginsAndEndsWith(String filter, String expected) throws Exception {
    assertThat(truth(filter)).as(filter).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "/a + 2 = 3 | TRUE", "/qty - 1 = 9 | TRUE", "/qty * 2 = 20 | TRUE", "/qty % 3 = 1 | TRUE",
      // integers stay integral: division truncates toward zero; a decimal operand makes it a double
      "/qty / 4 = 2 | TRUE", "/qty / 4 = 2.5 | FALSE", "/qty / 4.0 = 2.5 | TRUE", "/price / 2 = 45.25 | TRUE",
      "-7 / 2 = -3 | TRUE", "-7 % 2 = -1 | TRUE", "/price % 1 = 0.5 | TRUE",
      "-/a = -1 | TRUE", "/a - -1 = 2 | TRUE", "-(/a + 1) = -2 | TRUE", "/neg * -1 = 7 | TRUE",
      "10 - 4 - 3 = 3 | TRUE", "20 / 5 / 2 = 2 | TRUE", "1.5e3 = 1500 | TRUE", ".5 = 0.5 | TRUE",
      // division by zero and NULL operands give NULL
      "/qty / 0 = 1 | UNKNOWN", "/qty % 0 IS NULL | TRUE", "/price / 0 IS NULL | TRUE", "/price / 0.0 IS NULL | TRUE",
      "/missing + 1 IS NULL | TRUE", "/nil * 2 IS NULL | TRUE", "/name + 1 IS NULL | TRUE",
      // operands are converted: numeric strings, booleans as 1/0
      "/b + 1 = 48 | TRUE", "/pxs * 4 = 361 | TRUE", "/flag + 1 = 2 | TRUE",
      // exact beyond 2^53, and no wrap-around on overflow
      "/big + 1 = 9007199254740994 | TRUE", "/big - 1 = 9007199254740992 | TRUE", "/huge + 1 > /huge | TRUE",
      "/huge * 2 > /huge | TRUE", "-/huge - 2 < -/huge | TRUE",
  })
  void arithmetic(String filter, String expected) throws Exception {
    assertThat(truth(filter)).as(filter).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "UPPER(/name) = 'JANE' | TRUE", "upper(/name) = 'JANE' | TRUE", "LOWER(/name) = 'jane' | TRUE",
      "Lower(/client/country) = 'us' | TRUE", "UPPER(/missing) IS NULL | TRUE", "UPPER(/qty) = '10' | TRUE",
      "CONCAT(/name, '-', /a) = 'Jane-1' | TRUE", "concat('a') = 'a' | TRUE", "CONCAT(/missing, /name) = 'Jane' | TRUE",
      "CONCAT(/missing, /nil) IS NULL | TRUE", "CONCAT(/price, '') = '90.5' | TRUE", "CONCAT(/flag, 1 + 1) = 'true2' | TRUE",
      "INSTR(/eventLevels, 'critical') != 0 | TRUE", "INSTR(/eventLevels, 'critical') = 6 | TRUE",
      "INSTR(/name, 'J') = 1 | TRUE", "INSTR(/name, 'x') = 0 | TRUE", "INSTR(/name, 'ja') = 0 | TRUE",
      "INSTR(/missing, 'x') IS NULL | TRUE", "INSTR(/missing, 'x') != 0 | UNKNOWN",
      "INSTR_I(/name, 'JA') = 1 | TRUE", "instr_i(/eventLevels, 'CRIT') = 6 | TRUE", "INSTR_I(/name, 'x') = 0 | TRUE",
      "STREQUAL_I(/name, 'JANE') = 1 | TRUE", "STREQUAL_I(/name, 'Jan') = 0 | TRUE", "STREQUAL_I(/name, 'Bob') = 1 | FALSE",
      "STREQUAL_I(/missing, 'x') IS NULL | TRUE",
      "IF(/missing IS NULL, 0, /missing) = 0 | TRUE", "IF(/a = 1, 'one', 'other') = 'one' | TRUE",
      "IF(/a = 2, 1, 2) = 2 | TRUE", "IF(/missing = 1, 1, 2) = 2 | TRUE", "IF(/flag, /a, /qty) = 1 | TRUE",
      "IF(/a = 1, /flag, /off) | TRUE", "IF(/a = 2, /flag, /off) | FALSE", "IF(/qty / 0 IS NULL, -1, /qty / 0) = -1 | TRUE",
  })
  void functions(String filter, String expected) throws Exception {
    assertThat(truth(filter)).as(filter).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // NOT > AND > OR (amps.md §4, SQL precedence)
      "1 = 1 OR 1 = 0 AND 1 = 0 | TRUE", "(1 = 1 OR 1 = 0) AND 1 = 0 | FALSE", "NOT 1 = 1 OR 1 = 1 | TRUE",
      "NOT 1 = 0 AND 1 = 0 | FALSE", "NOT (1 = 0 AND 1 = 0) | TRUE", "NOT NOT /a = 1 | TRUE",
      "1 + 2 * 3 = 7 | TRUE", "(1 + 2) * 3 = 9 | TRUE", "-2 * 3 = -6 | TRUE", "2 * -3 = -6 | TRUE",
      "7 - 2 * 3 % 4 = 5 | TRUE", "/a + 1 > 1 AND /qty * 2 >= 20 | TRUE",
      // keywords and function names are case-insensitive
      "/a = 1 and /qty = 10 | TRUE", "/a = 2 oR /a = 1 | TRUE", "/qty between 5 and 10 | TRUE",
      "/name in ('Jane') | TRUE", "/name like 'J' | TRUE", "/name begins with ('J') | TRUE",
      "/name not ends with ('x') | TRUE", "/nil is null | TRUE", "/a Is Not Null | TRUE", "/qty not between 1 and 2 | TRUE",
      // values used as conditions: booleans, numbers as non-zero, anything else UNKNOWN
      "true | TRUE", "False | FALSE", "/flag | TRUE", "/off | FALSE", "/a | TRUE", "/a - 1 | FALSE",
      "/name | UNKNOWN", "/missing | UNKNOWN", "NULL | UNKNOWN",
  })
  void logicAndPrecedence(String filter, String expected) throws Exception {
    assertThat(truth(filter)).as(filter).isEqualTo(expected);
  }
}
