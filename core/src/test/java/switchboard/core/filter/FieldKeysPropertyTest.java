package switchboard.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import switchboard.core.Message;
import switchboard.core.SubscriptionSpec;
import switchboard.core.TopicSelector;
import switchboard.core.index.SubscriptionIndex;

/**
 * The index, narrowing by the constraints filters imply, delivers exactly what the filters accept: for
 * thousands of generated payloads, every subscription matched is one whose filter is TRUE, and every
 * subscription whose filter is TRUE is matched. The values and literals are the ones where equality is
 * subtle: numbers spelled in several ways, numeric and non-numeric strings, booleans, NULL, the empty
 * string, integers at the edge of a long and of a double's precision, arrays, nested arrays and objects.
 */
class FieldKeysPropertyTest {
  private static final String[] VALUES = {
      "7", "7.0", "7e0", "70e-1", "-7", "0", "-0", "0.0", "-0.0", "1", "0.5", "1.5", "1e19", "1e400",
      "9007199254740992", "9007199254740993", "9007199254740993.0", "9223372036854775807",
      "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "true", "false", "null",
      "\"7\"", "\"7.0\"", "\"07\"", "\"+7\"", "\"7e0\"", "\" 7\"", "\"-7\"", "\"0.5\"", "\".5\"", "\"1\"",
      "\"1.0E19\"", "\"1e19\"", "\"9223372036854775808\"", "\"Infinity\"", "\"abc\"", "\"ABC\"", "\"x\"",
      "\"\"", "\"true\"", "\"null\"", "[]", "[7]", "[1,7]", "[\"7\",\"x\"]", "[[7]]", "[null]", "[true,0.5]",
      "{\"x\":7}", "{}",
  };

  private static final String[] LITERALS = {
      "7", "7.0", "7e0", "-7", "0", "-0", "0.5", "1", "1e19", "9007199254740993", "9223372036854775807",
      "9223372036854775808", "TRUE", "false", "NULL", "''", "'7'", "'7.0'", "'07'", "'+7'", "'-7'", "'0.5'",
      "'1'", "'abc'", "'ABC'", "'x'", "'true'", "'Infinity'", "'1.0E19'", "' 7'",
  };

  /** Every filter under test: indexable ones of each shape, and a few that are not, side by side. */
  private static List<String> filters() {
    List<String> out = new ArrayList<>();
    for (String lit : LITERALS) {
      out.add("/g = " + lit);
      out.add("/arr = " + lit);
      out.add("/a/b = " + lit);
    }
    out.add("7 = /g");
    out.add("'x' = /h");
    out.add("/arr[1] = 7");
    out.add("/a/b[0] = '7'");
    out.add("/g IN (7, 'x', TRUE)");
    out.add("/g IN ('07', 0.5, NULL)");
    out.add("/h IN ('abc', 'x')");
    out.add("/arr IN (1, '7')");
    out.add("/g = 7 AND /h != 7");
    out.add("/h > 0 AND /g = '7'");
    out.add("/g = 7 AND /h = 'x'");
    out.add("(/g = 1 AND /arr = 7) AND /h IS NOT NULL");
    out.add("/g = 7 OR /h = 7");
    out.add("NOT /g = 7");
    out.add("/g > 0");
    return out;
  }

  /** A payload with fields g, h, a/b and arr, each drawn from {@link #VALUES} or left out. */
  private static String payload(SplittableRandom r) {
    StringBuilder b = new StringBuilder("{");
    field(b, r, "g", value(r));
    field(b, r, "h", value(r));
    if (r.nextInt(3) == 0) {
      field(b, r, "a", "[{\"b\":" + value(r) + "},{\"b\":" + value(r) + "}]"); // /a/b collects from each
    } else {
      field(b, r, "a", "{\"b\":" + value(r) + "}");
    }
    StringBuilder arr = new StringBuilder("[");
    for (int i = 0, n = r.nextInt(4); i < n; i++) {
      arr.append(i == 0 ? "" : ",").append(value(r));
    }
    field(b, r, "arr", arr.append(']').toString());
    if (b.length() > 1) {
      b.setLength(b.length() - 1);
    }
    return b.append('}').toString();
  }

  private static String value(SplittableRandom r) {
    return VALUES[r.nextInt(VALUES.length)];
  }

  private static void field(StringBuilder b, SplittableRandom r, String name, String value) {
    if (r.nextInt(6) != 0) {
      b.append('"').append(name).append("\":").append(value).append(',');
    }
  }

  /** The spec the amps dialect builds: the whole filter as residual, its implied constraint as key. */
  private static SubscriptionSpec spec(TopicSelector topic, Filter f, Predicate<Message> residual) {
    SubscriptionSpec.Builder b = SubscriptionSpec.on(topic).filter(residual);
    FieldKeys.Constraint k = f.indexKey();
    if (k != null) {
      b.key(k.name(), k.values());
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"exact", "pattern", "pattern-uncached"})
  void theIndexDeliversExactlyWhatEachFilterAccepts(String mode) throws Exception {
    SubscriptionIndex<Integer> index = new SubscriptionIndex<>(mode.equals("pattern-uncached") ? 0 : 1000);
    TopicSelector topic = mode.equals("exact") ? TopicSelector.exact("t1") : TopicSelector.regex("t.*");
    List<String> texts = filters();
    List<Filter> filters = new ArrayList<>();
    int indexed = 0;
    for (int i = 0; i < texts.size(); i++) {
      Filter f = Filter.compile(texts.get(i));
      filters.add(f);
      index.add(spec(topic, f, f), i);
      indexed += f.indexKey() != null ? 1 : 0;
    }
    assertThat(indexed).as("filters with a constraint").isGreaterThan(texts.size() - 10);

    SplittableRandom r = new SplittableRandom(20240611);
    int accepted = 0;
    for (int n = 0; n < 4000; n++) {
      String body = payload(r);
      Message m = Message.builder("t1").payload(body.getBytes(StandardCharsets.UTF_8)).build();
      JsonNode json = m.json();
      Set<Integer> expected = new HashSet<>();
      for (int i = 0; i < filters.size(); i++) {
        if (filters.get(i).test(json)) {
          expected.add(i);
        }
      }
      Set<Integer> actual = new HashSet<>(index.match(m));
      if (!actual.equals(expected)) {
        Set<Integer> missed = new HashSet<>(expected);
        missed.removeAll(actual);
        List<String> missedTexts = missed.stream().map(texts::get).toList();
        assertThat(actual).as("%s: missed %s", body, missedTexts).isEqualTo(expected);
      }
      accepted += expected.size();
    }
    assertThat(accepted).as("accepted (filter, payload) pairs: the payloads must exercise the filters")
        .isGreaterThan(4000);
  }

  /** Each filter, on its own, against every value of {@link #VALUES} in each field it names. */
  @Test
  void everyValueEqualToALiteralSharesOneOfItsKeys() throws Exception {
    int pairs = 0;
    for (String text : filters()) {
      Filter f = Filter.compile(text);
      FieldKeys.Constraint k = f.indexKey();
      if (k == null) {
        continue;
      }
      for (String v : VALUES) {
        for (String doc : List.of("{\"g\":" + v + ",\"h\":" + v + ",\"arr\":" + v + ",\"a\":{\"b\":" + v + "}}",
            "{\"g\":" + v + ",\"h\":\"x\",\"arr\":[" + v + ",7],\"a\":[{\"b\":" + v + "}]}")) {
          Message m = Message.builder("t").payload(doc.getBytes(StandardCharsets.UTF_8)).build();
          if (f.test(m)) {
            pairs++;
            assertThat(m.indexKey(k.name())).as("%s on %s", text, doc).containsAnyElementsOf(k.values());
          }
        }
      }
    }
    assertThat(pairs).isGreaterThan(100);
  }

  /**
   * 1,000 subscriptions on one topic, {@code /g = <i mod 100>}: a publish runs the filters of the 10
   * subscriptions under its own value of /g and no other.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"exact", "pattern"})
  void aPublishRunsOnlyTheFiltersUnderItsValue(String mode) throws Exception {
    SubscriptionIndex<Integer> index = new SubscriptionIndex<>();
    TopicSelector topic = mode.equals("exact") ? TopicSelector.exact("t1") : TopicSelector.regex("t.*");
    AtomicInteger runs = new AtomicInteger();
    for (int i = 0; i < 1000; i++) {
      Filter f = Filter.compile("/g = " + (i % 100));
      index.add(spec(topic, f, m -> {
        runs.incrementAndGet();
        return f.test(m);
      }), i);
    }
    Message m = Message.builder("t1").payload("{\"g\":42,\"ts\":1,\"v\":\"x\"}".getBytes(StandardCharsets.UTF_8)).build();
    List<Integer> matched = index.match(m);
    assertThat(matched).hasSize(10).allMatch(i -> i % 100 == 42);
    assertThat(runs.get()).isEqualTo(10);

    runs.set(0);
    Message noG = Message.builder("t1").payload("{\"h\":42}".getBytes(StandardCharsets.UTF_8)).build();
    assertThat(index.match(noG)).isEmpty();
    assertThat(runs.get()).isZero();
  }
}
