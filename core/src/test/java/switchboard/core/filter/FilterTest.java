package switchboard.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import switchboard.core.Message;

/** The filter language, case by case. Each row: filter, expected outcome on the document. */
class FilterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DOC = """
      {"a":1,"b":"47","name":"Jane","empty":"","nil":null,"flag":true,"off":false,"price":90.5,"qty":10,
       "data":[1,2,3,"zebra",5],"other":[14,34,23,5],"none":[],
       "client":{"country":"US","tier":"gold"},"items":[{"price":5},{"price":50}],
       "Not Xpath Name":"spaced","eventLevels":"info,critical","state":"aa","55":"BUY_TRADE"}
      """;

  private static boolean eval(String filter, String doc) throws Exception {
    return Filter.compile(filter).test(JSON.readTree(doc));
  }

  private static boolean eval(String filter) throws Exception {
    return eval(filter, DOC);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      // comparison operators
      "/a = 1 | true", "/a == 1 | true", "/a = 2 | false", "/a != 2 | true", "/a <> 1 | false",
      "/qty < 11 | true", "/qty <= 10 | true", "/qty > 10 | false", "/qty >= 10 | true",
      "/price > 90 | true", "/price = 90.5 | true",
      // coercion: string vs number
      "/b = 47 | true", "/b > 46 | true", "10 < '2' | false", "'2.000' <> '2.0' | true", "2 = 2.0 | true",
      "10 < 'Crank It Up' | true", "/name > 1000000 | true",
      // booleans as 1 and 0
      "/flag = 1 | true", "/off = 0 | true", "/flag = true | true", "/flag = false | false",
      // NULL: missing, JSON null, empty string, empty array
      "/missing IS NULL | true", "/nil IS NULL | true", "/empty IS NULL | true", "/none IS NULL | true",
      "/a IS NULL | false", "/a IS NOT NULL | true", "/missing IS NOT NULL | false",
      "'' IS NULL | true", "'' = '' | false", "/missing = 1 | false", "/nil = /nil | false",
      // three-valued logic
      "NOT (/missing = 1) | false", "/missing = 1 OR 1 = 1 | true", "/missing = 1 AND 1 = 0 | false",
      "NOT (/missing = 1 AND 1 = 1) | false", "NOT (/missing = 1 OR 1 = 0) | false", "NOT (/a = 2) | true",
      // BETWEEN
      "/qty BETWEEN 5 AND 10 | true", "/qty BETWEEN 10 AND 20 | true", "/qty BETWEEN 11 AND 20 | false",
      "/qty NOT BETWEEN 11 AND 20 | true", "/missing BETWEEN 1 AND 2 | false", "/missing NOT BETWEEN 1 AND 2 | false",
      "(/price * /qty) BETWEEN 0 AND 100000 | true",
      // IN
      "/name IN ('Jane', 'George') | true", "/name IN ('Bob') | false", "/name NOT IN ('Bob', 'Al') | true",
      "LOWER(/name) IN ('jane','george') | true", "/missing IN (1, 2) | false", "/missing NOT IN (1, 2) | false",
      "/qty IN (/a * 10, 3) | true", "/b IN (47) | true",
      // LIKE: unanchored regex, case-sensitive unless (?i)
      "/name LIKE 'an' | true", "/name LIKE '^an' | false", "/name LIKE '(?i)^jAnE$' | true", "/name LIKE 'jane' | false",
      "/state LIKE '(.)\\1' | true", "/55 LIKE 'TRADE$' | true", "/name NOT LIKE 'x' | true", "/missing LIKE 'a' | false",
      "/client/country LIKE \"(?i)^us$\" | true",
      // BEGINS WITH / ENDS WITH
      "/name BEGINS WITH ('Ja', 'Ge') | true", "/name BEGINS WITH ('ja') | false", "/name ENDS WITH ('ne') | true",
      "/name NOT BEGINS WITH ('X') | true", "/name NOT ENDS WITH ('ne') | false",
      // arithmetic
      "/a + 2 = 3 | true", "/qty - 1 = 9 | true", "/qty * 2 = 20 | true", "/qty / 4 = 2.5 | true", "/qty % 3 = 1 | true",
      "-/a = -1 | true", "/a - -1 = 2 | true", "2 + 3 * 4 = 14 | true", "(2 + 3) * 4 = 20 | true", "/qty / 0 = 1 | false",
      "/qty / 0 IS NULL | true", "/missing + 1 IS NULL | true", "/b + 1 = 48 | true",
      // functions
      "UPPER(/name) = 'JANE' | true", "lower(/name) = 'jane' | true", "CONCAT(/name, '-', /a) = 'Jane-1' | true",
      "INSTR(/eventLevels, 'critical') != 0 | true", "INSTR(/eventLevels, 'critical') = 6 | true", "INSTR(/name, 'x') = 0 | true",
      "INSTR_I(/name, 'JA') = 1 | true", "STREQUAL_I(/name, 'JANE') = 1 | true", "STREQUAL_I(/name, 'Bob') = 0 | true",
      "IF(/missing IS NULL, 0, /missing) = 0 | true", "IF(/a = 1, 'one', 'other') = 'one' | true", "IF(/a = 2, 1, 2) = 2 | true",
      // identifiers: nesting, indexes, brackets, arrays of objects
      "/client/tier = 'gold' | true", "/data[3] = 'zebra' | true", "/data[0] = 1 | true", "/data[9] IS NULL | true",
      "[/Not Xpath Name] = 'spaced' | true", "/items/price > 40 | true", "/items/price > 60 | false", "/client = 1 | false",
      // arrays: true when any element matches
      "/data = 1 | true", "/data != 'zebra' | true", "/other > 50 | false", "/other > 30 | true", "/data IN (3, 7) | true",
      "/data LIKE 'zeb' | true", "/data BEGINS WITH ('z') | true", "/none = 1 | false", "/data + 1 = 2 | true",
      // precedence: NOT > AND > OR
      "1 = 1 OR 1 = 0 AND 1 = 0 | true", "(1 = 1 OR 1 = 0) AND 1 = 0 | false", "NOT 1 = 0 AND 1 = 1 | true",
      // keywords are case-insensitive, and literals alone
      "/a = 1 and /qty = 10 | true", "/a = 1 oR /a = 2 | true", "/flag | true", "/off | false", "true | true", "NULL IS NULL | true",
  })
  void evaluates(String filter, boolean expected) throws Exception {
    assertThat(eval(filter)).as(filter).isEqualTo(expected);
  }

  @Test
  void documentedWorkedExamples() throws Exception {
    assertThat(eval("/FIXML/Order/OrdQty/@Qty BETWEEN 0 AND 10000", "{\"FIXML\":{\"Order\":{\"OrdQty\":{\"@Qty\":500}}}}")).isTrue();
    assertThat(eval("/Trade/OwnerID NOT IN ('JMB','BLH','CJB')", "{\"Trade\":{\"OwnerID\":\"XYZ\"}}")).isTrue();
    assertThat(eval("/Trade/OwnerID NOT IN ('JMB','BLH','CJB')", "{\"Trade\":{\"OwnerID\":\"BLH\"}}")).isFalse();
    assertThat(eval("/Department BEGINS WITH ('Engineering','Research')", "{\"Department\":\"Research and Development\"}")).isTrue();
    String fix = "{\"FIXML\":{\"Order\":{\"Instrmt\":{\"@Sym\":\"IBM\"},\"@Px\":\"90.25\"}}}";
    assertThat(eval("(/FIXML/Order/Instrmt/@Sym LIKE \"^IB.?$\") AND (/FIXML/Order/@Px LIKE \"^90\\..*\" AND /FIXML/Order/@Px < 91.0)", fix)).isTrue();
    assertThat(eval("/21964 IN (/14*5, /6*/14, 1000)", "{\"21964\":20,\"14\":4,\"6\":5}")).isTrue();
  }

  @Test
  void quotesDoubledInsideAStringStandForThemselves() throws Exception {
    assertThat(eval("/q = 'it''s'", "{\"q\":\"it's\"}")).isTrue();
    assertThat(eval("/q = \"say \"\"hi\"\"\"", "{\"q\":\"say \\\"hi\\\"\"}")).isTrue();
  }

  @Test
  void aMessageIsParsedOnceAndNonJsonMatchesNothing() throws Exception {
    Filter f = Filter.compile("/qty > 5");
    assertThat(f.test(Message.builder("t").payload("{\"qty\":9}".getBytes()).build())).isTrue();
    assertThat(f.test(Message.builder("t").payload("not json".getBytes()).build())).isFalse();
    assertThat(f.test(Message.builder("t").build())).isFalse();
    assertThat(Filter.compile("/qty IS NULL").test(Message.builder("t").payload("not json".getBytes()).build())).isTrue();
  }

  @Test
  void blankFiltersMatchEverything() throws Exception {
    assertThat(Filter.compile("")).isSameAs(Filter.matchAll());
    assertThat(Filter.compile("   ").test(JSON.readTree("{}"))).isTrue();
    assertThat(Filter.compile(null).test(Message.builder("t").build())).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "/a = | expected a value",
      "(/a = 1 | expected )",
      "/a = 1) | unexpected ')'",
      "/a LIKE /b | LIKE takes a quoted pattern",
      "/a LIKE '(' | bad LIKE pattern",
      "NOSUCH(/a) = 1 | unknown function",
      "UPPER(/a, /b) = 1 | UPPER takes 1 argument",
      "/a IN () | empty list",
      "/a = 1 /b | unknown word 'b'",
      "/a = 1 2 | unexpected '2'",
      "/a = 'open | unterminated string",
      "/a NOT = 1 | expected BETWEEN",
      "/a IS 1 | expected NULL",
      "/a[x] = 1 | array index must be a number",
      "/a ! 1 | unexpected '!'",
      "1 = 1 AND | expected a value",
      "foo = 1 | unknown word 'foo'",
  })
  void badFiltersSayWhatAndWhere(String filter, String message) {
    assertThatThrownBy(() -> Filter.compile(filter))
        .isInstanceOf(FilterException.class)
        .hasMessageContaining(message)
        .hasMessageMatching("(?s).*at column \\d+.*");
  }

  @Test
  void theColumnPointsAtTheProblem() {
    FilterException e = org.assertj.core.api.Assertions.catchThrowableOfType(() -> Filter.compile("/a = 1 AND /b >< 2"), FilterException.class);
    assertThat(e.column()).isEqualTo(16);
  }

  @Test
  void evaluationFromManyThreadsAgrees() throws Exception {
    Filter f = Filter.compile("/name LIKE '^J' AND /qty BETWEEN 1 AND 20 AND /data IN (5)");
    JsonNode doc = JSON.readTree(DOC);
    JsonNode miss = JSON.readTree("{\"name\":\"Bob\",\"qty\":5,\"data\":[5]}");
    java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
    Thread[] ts = new Thread[4];
    for (int t = 0; t < ts.length; t++) {
      ts[t] = new Thread(() -> {
        for (int i = 0; i < 20_000; i++) {
          if (!f.test(doc) || f.test(miss)) {
            wrong.incrementAndGet();
          }
        }
      });
      ts[t].start();
    }
    for (Thread t : ts) {
      t.join();
    }
    assertThat(wrong.get()).isZero();
  }
}
