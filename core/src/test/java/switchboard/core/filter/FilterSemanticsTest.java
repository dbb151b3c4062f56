package switchboard.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static switchboard.core.filter.FilterTest.truth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The semantics amps.md §4 spells out: its worked examples, NULL and the empty string, string/number
 * coercion, arrays, three-valued logic and identifiers. Outcomes are three-valued (see {@link FilterTest}).
 */
class FilterSemanticsTest {

  @Test
  void documentedWorkedExamples() throws Exception {
    String qty = "/FIXML/Order/OrdQty/@Qty BETWEEN 0 AND 10000";
    assertThat(truth(qty, "{\"FIXML\":{\"Order\":{\"OrdQty\":{\"@Qty\":500}}}}")).isEqualTo("TRUE");
    assertThat(truth(qty, "{\"FIXML\":{\"Order\":{\"OrdQty\":{\"@Qty\":20000}}}}")).isEqualTo("FALSE");

    String owner = "/Trade/OwnerID NOT IN ('JMB','BLH','CJB')";
    assertThat(truth(owner, "{\"Trade\":{\"OwnerID\":\"XYZ\"}}")).isEqualTo("TRUE");
    assertThat(truth(owner, "{\"Trade\":{\"OwnerID\":\"BLH\"}}")).isEqualTo("FALSE");

    String name = "LOWER(/name) IN ('jane','george')";
    assertThat(truth(name, "{\"name\":\"GEORGE\"}")).isEqualTo("TRUE");
    assertThat(truth(name, "{\"name\":\"Bob\"}")).isEqualTo("FALSE");

    String dept = "/Department BEGINS WITH ('Engineering','Research')";
    assertThat(truth(dept, "{\"Department\":\"Research and Development\"}")).isEqualTo("TRUE");
    assertThat(truth(dept, "{\"Department\":\"Sales\"}")).isEqualTo("FALSE");

    String levels = "INSTR(/eventLevels, \"critical\") != 0";
    assertThat(truth(levels, "{\"eventLevels\":\"warn,critical\"}")).isEqualTo("TRUE");
    assertThat(truth(levels, "{\"eventLevels\":\"info\"}")).isEqualTo("FALSE");

    String fix = "(/FIXML/Order/Instrmt/@Sym LIKE \"^IB.?$\") AND (/FIXML/Order/@Px LIKE \"^90\\..*\" AND /FIXML/Order/@Px < 91.0)";
    assertThat(truth(fix, order("IBM", "\"90.25\""))).isEqualTo("TRUE");
    assertThat(truth(fix, order("IBM", "90.25"))).isEqualTo("TRUE");
    assertThat(truth(fix, order("IB", "\"90.9\""))).isEqualTo("TRUE");
    assertThat(truth(fix, order("IBMX", "\"90.25\""))).isEqualTo("FALSE");
    assertThat(truth(fix, order("IBM", "\"91.5\""))).isEqualTo("FALSE");
    assertThat(truth(fix, order("IBM", "\"9\""))).isEqualTo("FALSE");

    String in = "/21964 IN (/14*5, /6*/14, 1000)";
    assertThat(truth(in, "{\"21964\":20,\"14\":4,\"6\":5}")).isEqualTo("TRUE");
    assertThat(truth(in, "{\"21964\":1000,\"14\":4,\"6\":5}")).isEqualTo("TRUE");
    assertThat(truth(in, "{\"21964\":21,\"14\":4,\"6\":5}")).isEqualTo("FALSE");

    String doc = "{\"state\":\"xx\",\"client\":{\"country\":\"us\"},\"55\":\"BUY_TRADE\",\"price\":100,\"qty\":900}";
    assertThat(truth("/state LIKE '(.)\\1'", doc)).isEqualTo("TRUE");
    assertThat(truth("(/client/country LIKE \"(?i)^us$\")", doc)).isEqualTo("TRUE");
    assertThat(truth("(/55 LIKE \"TRADE$\")", doc)).isEqualTo("TRUE");
    assertThat(truth("(/price * /qty) BETWEEN 0 AND 100000", doc)).isEqualTo("TRUE");
    assertThat(truth("(/price * /qty) BETWEEN 0 AND 10000", doc)).isEqualTo("FALSE");
  }

  private static String order(String sym, String px) {
    return "{\"FIXML\":{\"Order\":{\"Instrmt\":{\"@Sym\":\"" + sym + "\"},\"@Px\":" + px + "}}}";
  }

  @Test
  void documentedTypingExample() throws Exception {
    String doc = "{\"a\":1,\"b\":\"47\"}";
    assertThat(truth("/b > /a", doc)).isEqualTo("TRUE");
    assertThat(truth("/b = 47", doc)).isEqualTo("TRUE");
    assertThat(truth("/b - /a = 46", doc)).isEqualTo("TRUE");
  }

  @Test
  void documentedArrayExamples() throws Exception {
    String doc = "{\"data\":[1,2,3,\"zebra\",5],\"other\":[14,34,23,5]}";
    assertThat(truth("/data = 1", doc)).isEqualTo("TRUE");
    assertThat(truth("/data != 'zebra'", doc)).isEqualTo("TRUE");
    assertThat(truth("/other > 50", doc)).isEqualTo("FALSE");
    assertThat(truth("/data[3] = \"zebra\"", doc)).isEqualTo("TRUE");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // amps.md §4: an empty string is NULL, and so are JSON null, a missing field and an empty array
      "'' IS NULL | TRUE", "\"\" IS NULL | TRUE", "'' IS NOT NULL | FALSE", "'' = '' | UNKNOWN", "'' != '' | UNKNOWN",
      "/empty = '' | UNKNOWN", "/empty IS NULL | TRUE", "/nil IS NULL | TRUE", "/nil = /nil | UNKNOWN",
      "NULL = NULL | UNKNOWN", "/nil != 1 | UNKNOWN", "/missing = 1 | UNKNOWN", "/missing < 1 | UNKNOWN",
      "/none = 1 | UNKNOWN", "/none IS NULL | TRUE", "UPPER('') IS NULL | TRUE", "CONCAT('', '') IS NULL | TRUE",
      // an object compared to anything is NULL, but it is not NULL itself
      "/client = 1 | UNKNOWN", "/client != 1 | UNKNOWN", "/client = /client | UNKNOWN", "/client IS NOT NULL | TRUE",
  })
  void nullAndTheEmptyString(String filter, String expected) throws Exception {
    assertThat(truth(filter)).as(filter).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // amps.md §4 examples
      "10 < '2' | FALSE", "10 > '2' | TRUE", "'2.000' <> '2.0' | TRUE", "'2.000' = '2.0' | FALSE", "2 = 2.0 | TRUE",
      "10 < 'Crank It Up' | TRUE", "10 > 'Crank It Up' | FALSE", "'Crank It Up' > 10 | TRUE",
      // a string field against a number: numeric when it reads as one
      "/b = 47 | TRUE", "/b > 46 | TRUE", "/b < 46 | FALSE", "47 = /b | TRUE", "/b = 47.0 | TRUE", "/b = 4.7e1 | TRUE",
      "/two = 2 | TRUE", "/pxs < 91.0 | TRUE", "/pxs = 90.25 | TRUE", "/pxs > 90.3 | FALSE", "/name > 1000000 | TRUE",
      // two strings compare as strings
      "/b = '47' | TRUE", "/b = '47.0' | FALSE", "/two = '2' | FALSE", "'10' < '9' | TRUE",
      // booleans act as 1 and 0 against numbers (so not as the strings 'true' and 'false')
      "/flag = 1 | TRUE", "/flag = 0 | FALSE", "/off = 0 | TRUE", "/flag = true | TRUE", "/flag = false | FALSE",
      "/flag > /off | TRUE", "TRUE = 1 | TRUE", "/flag = 'true' | FALSE", "/flag = '1' | TRUE",
      // integers compared exactly, also beyond 2^53 and against doubles
      "/big = 9007199254740993 | TRUE", "/big = 9007199254740992 | FALSE", "/big > 9007199254740992.0 | TRUE",
      "/huge = 9223372036854775807 | TRUE", "/huge < 9223372036854775808 | TRUE", "/neg = -7 | TRUE", "-/neg = 7 | TRUE",
      "/big = '9007199254740993' | TRUE", "/big < '9007199254740994' | TRUE",
  })
  void coercion(String filter, String expected) throws Exception {
    assertThat(truth(filter)).as(filter).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // comparisons, IN, LIKE, BETWEEN and BEGINS/ENDS WITH: TRUE when any element matches
      "/data = 1 | TRUE", "/data = 'zebra' | TRUE", "/data = 4 | FALSE", "/data != 'zebra' | TRUE",
      "/other > 50 | FALSE", "/other > 30 | TRUE", "/other < 10 | TRUE", "/other = /data | TRUE", "/other = /tags | FALSE",
      "/data IN (3, 7) | TRUE", "/data IN (4, 7) | FALSE", "/data IN ('zebra') | TRUE", "/tags IN ('green') | TRUE",
      "/data LIKE 'zeb' | TRUE", "/data LIKE '^z.*a$' | TRUE", "/other LIKE '^9' | FALSE",
      "/other BETWEEN 30 AND 40 | TRUE", "/other BETWEEN 40 AND 50 | FALSE",
      "/data BEGINS WITH ('z') | TRUE", "/tags ENDS WITH ('een') | TRUE", "/tags BEGINS WITH ('b') | FALSE",
      // the NOT forms negate the whole answer
      "/data NOT IN ('zebra') | FALSE", "/data NOT IN (4) | TRUE", "/other NOT BETWEEN 30 AND 40 | FALSE",
      "/data NOT LIKE 'zeb' | FALSE", "/tags NOT BEGINS WITH ('r') | FALSE",
      // a NULL element: UNKNOWN unless another element matches
      "/withNull = 4 | TRUE", "/withNull = 5 | UNKNOWN", "/withNull != 5 | TRUE", "/withNull IN (7) | UNKNOWN",
      "/withNull IN ('x') | UNKNOWN", "/withNull IN (4) | TRUE", "/withNull LIKE '4' | TRUE", "/withNull LIKE '5' | UNKNOWN",
      // nested arrays do not compare; an empty array is NULL
      "/matrix = 3 | UNKNOWN", "/matrix[0][1] = 2 | TRUE", "/none = 1 | UNKNOWN", "/none IN (1) | UNKNOWN",
      // arithmetic and functions take the first element
      "/data + 1 = 2 | TRUE", "/other * 2 = 28 | TRUE", "UPPER(/tags) = 'RED' | TRUE", "CONCAT(/data, /other) = '114' | TRUE",
      "INSTR(/tags, 'ee') = 0 | TRUE", "/data | TRUE",
  })
  void arrays(String filter, String expected) throws Exception {
    assertThat(truth(filter)).as(filter).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "NOT (/missing = 1) | UNKNOWN", "/missing = 1 OR 1 = 1 | TRUE", "1 = 1 OR /missing = 1 | TRUE",
      "/missing = 1 OR 1 = 0 | UNKNOWN", "/missing = 1 AND 1 = 0 | FALSE", "1 = 0 AND /missing = 1 | FALSE",
      "/missing = 1 AND 1 = 1 | UNKNOWN", "NOT (/missing = 1 AND 1 = 0) | TRUE", "NOT (/missing = 1 OR 1 = 0) | UNKNOWN",
      "/missing = 1 OR /missing = 2 OR /a = 1 | TRUE", "/a = 1 AND /qty = 10 AND /missing = 1 | UNKNOWN",
      "/a = 1 AND /qty = 10 AND /name = 'Jane' | TRUE", "NOT (/a = 2) | TRUE",
      "(/a = 1) = (/qty = 10) | TRUE", "(/missing = 1) IS NULL | TRUE",
  })
  void threeValuedLogic(String filter, String expected) throws Exception {
    assertThat(truth(filter)).as(filter).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "/client/tier = 'gold' | TRUE", "/client/missing IS NULL | TRUE", "/a/b IS NULL | TRUE",
      "/data[0] = 1 | TRUE", "/data[0] = 2 | FALSE", "/data[3] = 'zebra' | TRUE", "/data[9] IS NULL | TRUE",
      "/client[0] IS NULL | TRUE", "[/Not Xpath Name] = 'spaced' | TRUE", "[/Not Xpath Name] LIKE '^sp' | TRUE",
      "/items/price > 40 | TRUE", "/items/price > 60 | FALSE", "/items[1]/price = 50 | TRUE", "/items/weight IS NULL | TRUE",
      "/55 = 'BUY_TRADE' | TRUE",
  })
  void identifiers(String filter, String expected) throws Exception {
    assertThat(truth(filter)).as(filter).isEqualTo(expected);
  }

  @Test
  void xmlStyleAndUnusualNames() throws Exception {
    String doc = "{\"Order\":{\"@update\":\"yes\",\"Symbol\":\"IBM\"},\"content-type\":\"json\",\"a.b\":1,\"ns:tag\":2}";
    assertThat(truth("/Order/@update = 'yes'", doc)).isEqualTo("TRUE");
    assertThat(truth("/Order/Symbol = 'IBM'", doc)).isEqualTo("TRUE");
    assertThat(truth("/content-type = 'json'", doc)).isEqualTo("TRUE");
    assertThat(truth("/a.b = 1", doc)).isEqualTo("TRUE");
    assertThat(truth("/ns:tag = 2", doc)).isEqualTo("TRUE");
    assertThat(truth("[/content-type] = 'json'", doc)).isEqualTo("TRUE");
  }

  @Test
  void aQuoteDoubledInsideAStringStandsForItself() throws Exception {
    assertThat(truth("/q = 'it''s'", "{\"q\":\"it's\"}")).isEqualTo("TRUE");
    assertThat(truth("/q = \"it's\"", "{\"q\":\"it's\"}")).isEqualTo("TRUE");
    assertThat(truth("/q = \"say \"\"hi\"\"\"", "{\"q\":\"say \\\"hi\\\"\"}")).isEqualTo("TRUE");
    assertThat(truth("/q = 'say \"hi\"'", "{\"q\":\"say \\\"hi\\\"\"}")).isEqualTo("TRUE");
    assertThat(truth("/q = ''''", "{\"q\":\"'\"}")).isEqualTo("TRUE");
  }

  @Test
  void aTopLevelArrayDocument() throws Exception {
    assertThat(truth("/id = 2", "[{\"id\":1},{\"id\":2}]")).isEqualTo("TRUE");
    assertThat(truth("/id = 3", "[{\"id\":1},{\"id\":2}]")).isEqualTo("FALSE");
  }
}
