package switchboard.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import switchboard.core.Message;
import switchboard.core.SubscriptionSpec;

/** A compiled filter at work: on messages, as a subscription's predicate, on many threads, without garbage. */
class FilterRuntimeTest {

  private static Message message(String payload) {
    return Message.builder("t").payload(payload.getBytes(StandardCharsets.UTF_8)).build();
  }

  @Test
  void testsAMessageByItsJsonPayload() throws Exception {
    Filter f = Filter.compile("/qty > 5");
    assertThat(f.test(message("{\"qty\":9}"))).isTrue();
    assertThat(f.test(message("{\"qty\":1}"))).isFalse();
    assertThat(f.text()).isEqualTo("/qty > 5");
    assertThat(f.toString()).isEqualTo("/qty > 5");
  }

  @Test
  void aPayloadThatIsNotJsonMatchesNoContentFilter() throws Exception {
    // Message.json(): such a payload is a MissingNode, "which no content filter matches"
    assertThat(Filter.compile("/qty > 5").test(message("not json"))).isFalse();
    assertThat(Filter.compile("/qty IS NULL").test(message("not json"))).isFalse();
    assertThat(Filter.compile("NOT (/qty = 1)").test(Message.builder("t").build())).isFalse();
    assertThat(Filter.compile("1 = 1").test(MissingNode.getInstance())).isFalse();
    assertThat(Filter.compile("1 = 1").test((JsonNode) null)).isFalse();
    // a JSON document that is a bare scalar is JSON: identifiers in it are NULL
    assertThat(Filter.compile("/qty IS NULL").test(message("42"))).isTrue();
  }

  @Test
  void emptyOrBlankFiltersMatchEverything() throws Exception {
    assertThat(Filter.compile("")).isSameAs(Filter.matchAll());
    assertThat(Filter.compile(" \t\n")).isSameAs(Filter.matchAll());
    assertThat(Filter.compile(null)).isSameAs(Filter.matchAll());
    assertThat(Filter.matchAll().test(message("not json"))).isTrue();
    assertThat(Filter.matchAll().test(Message.builder("t").build())).isTrue();
    assertThat(Filter.matchAll().test(MissingNode.getInstance())).isTrue();
    assertThat(Filter.matchAll().text()).isEmpty();
  }

  @Test
  void filtersWithTheSameTextAreEqual() throws Exception {
    assertThat(Filter.compile("/a = 1")).isEqualTo(Filter.compile("/a = 1")).hasSameHashCodeAs(Filter.compile("/a = 1"));
    assertThat(Filter.compile("/a = 1")).isNotEqualTo(Filter.compile("/a = 2"));
  }

  @Test
  void isASubscriptionsResidualPredicate() throws Exception {
    SubscriptionSpec spec = SubscriptionSpec.onTopic("orders").filter(Filter.compile("/side IN ('buy')")).build();
    assertThat(spec.accepts(message("{\"side\":\"buy\"}"))).isTrue();
    assertThat(spec.accepts(message("{\"side\":\"sell\"}"))).isFalse();
  }

  @Test
  void evaluationFromManyThreadsAgrees() throws Exception {
    Filter f = Filter.compile(
        "/name LIKE '^J' AND /qty BETWEEN 1 AND 20 AND /data IN (5) AND /qty / 4 = 2 AND UPPER(/name) = 'JANE'");
    JsonNode hit = FilterTest.JSON.readTree(FilterTest.DOC);
    JsonNode miss = FilterTest.JSON.readTree("{\"name\":\"Bob\",\"qty\":5,\"data\":[5]}");
    AtomicInteger wrong = new AtomicInteger();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        for (int i = 0; i < 20_000; i++) {
          if (!f.test(hit) || f.test(miss)) {
            wrong.incrementAndGet();
          }
        }
      });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(wrong.get()).isZero();
  }

  /**
   * The publish path runs every candidate message through every residual filter, so evaluation must not
   * allocate: numbers stay primitive, strings are the document's own, patterns are compiled once. The
   * bound is far below one object per evaluation (16 bytes and more), so one allocation fails it.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "/a = 1 AND /name = 'Jane' AND /price > 90.25",
      "/b = 47 AND /pxs < 91.0 AND /pxs = 90.25 AND 10 < 'Crank It Up'",
      "/qty / 4 = 2 AND /price * /qty BETWEEN 0 AND 100000 AND -/a = -1 AND /qty % 3 = 1 AND /big + 1 > /big",
      "/data != 'zebra' AND /other > 30 AND /withNull = 4 AND /data IN (3, 7) AND /tags IN ('red', 'blue')",
      "/name LIKE '^J.*e$' AND /client/country LIKE '(?i)^us$' AND /tags LIKE 'ee' AND /state LIKE '(.)\\1'",
      "/name BEGINS WITH ('Ja', 'Ge') AND /name NOT ENDS WITH ('x') AND /tags ENDS WITH ('een')",
      "INSTR(/eventLevels, 'critical') = 6 AND INSTR_I(/name, 'JA') = 1 AND STREQUAL_I(/name, 'JANE') = 1",
      "IF(/missing IS NULL, 0, /missing) = 0 AND /missing IS NULL AND /client IS NOT NULL AND NOT (/a = 2)",
      "/missing = 1 OR /flag = 1 OR [/Not Xpath Name] = 'spaced' OR /data[3] = 'zebra'",
      "/symbol IN ('IBM', 'MSFT', 'ORCL', 'AAPL', 'GOOG', 'AMZN', 'META', 'NVDA') OR /name IN ('Bob', 'Jane')",
  })
  void evaluationAllocatesNothing(String filter) throws Exception {
    assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled());
    Filter f = Filter.compile(filter);
    JsonNode doc = FilterTest.JSON.readTree(FilterTest.DOC);
    assertThat(f.test(doc)).as("the filter should match, so that every part of it runs").isTrue();
    long id = Thread.currentThread().getId();
    int runs = 20_000;
    int matched = 0;
    for (int i = 0; i < runs; i++) { // warm up: the thread's stack and matchers are created once
      matched += f.test(doc) ? 1 : 0;
    }
    long before = mx.getThreadAllocatedBytes(id);
    for (int i = 0; i < runs; i++) {
      matched += f.test(doc) ? 1 : 0;
    }
    long allocated = mx.getThreadAllocatedBytes(id) - before;
    assertThat(matched).isEqualTo(2 * runs);
    assertThat(allocated).as("bytes allocated by %d evaluations", runs).isLessThan(runs);
  }
}
