package switchboard.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import switchboard.core.Message;
import switchboard.core.SubscriptionSpec;
import switchboard.core.TopicSelector;

/** Every matching mode, each run with the topic-pattern cache on (capacity 1000) and off (0). */
class SubscriptionIndexTest {

  private static Message msg(String topic) {
    return Message.builder(topic).build();
  }

  private static SubscriptionSpec exact(String topic) {
    return SubscriptionSpec.onTopic(topic).build();
  }

  @ParameterizedTest(name = "cache {0}")
  @ValueSource(ints = {1000, 0})
  void exactTopicMatchesOnlyThatTopic(int cache) {
    SubscriptionIndex<String> idx = new SubscriptionIndex<>(cache);
    idx.add(exact("orders"), "a");
    idx.add(exact("orders"), "b");
    idx.add(exact("trades"), "c");

    assertThat(idx.match(msg("orders"))).containsExactlyInAnyOrder("a", "b");
    assertThat(idx.match(msg("trades"))).containsExactly("c");
    assertThat(idx.match(msg("orders.eu"))).isEmpty();
    assertThat(idx.size()).isEqualTo(3);
    assertThat(idx.topicCount()).isEqualTo(2);
  }

  @ParameterizedTest(name = "cache {0}")
  @ValueSource(ints = {1000, 0})
  void regexTopicMatchesWholeTopic(int cache) {
    SubscriptionIndex<String> idx = new SubscriptionIndex<>(cache);
    idx.add(SubscriptionSpec.on(TopicSelector.regex("orders\\..*")).build(), "rx");
    idx.add(exact("orders.eu"), "ex");

    assertThat(idx.match(msg("orders.eu"))).containsExactlyInAnyOrder("rx", "ex");
    assertThat(idx.match(msg("orders.us"))).containsExactly("rx");
    assertThat(idx.match(msg("orders"))).isEmpty();
    assertThat(idx.match(msg("xorders.eu"))).isEmpty();
    // asked twice: the second answer comes from the cache when it is on
    assertThat(idx.match(msg("orders.us"))).containsExactly("rx");
    assertThat(idx.patternCacheEnabled()).isEqualTo(cache > 0);
  }

  @ParameterizedTest(name = "cache {0}")
  @ValueSource(ints = {1000, 0})
  void patternAddedAfterTopicWasSeenIsMatched(int cache) {
    SubscriptionIndex<String> idx = new SubscriptionIndex<>(cache);
    idx.add(SubscriptionSpec.on(TopicSelector.regex("a.*")).build(), "first");
    assertThat(idx.match(msg("abc"))).containsExactly("first"); // "abc" now cached with one pattern

    Entry<String> second = idx.add(SubscriptionSpec.on(TopicSelector.regex(".*c")).build(), "second");
    assertThat(idx.match(msg("abc"))).containsExactlyInAnyOrder("first", "second");

    idx.remove(second);
    assertThat(idx.match(msg("abc"))).containsExactly("first");
  }

  @ParameterizedTest(name = "cache {0}")
  @ValueSource(ints = {1000, 0})
  void twoSubscriptionsOnOnePatternShareItsNode(int cache) {
    SubscriptionIndex<String> idx = new SubscriptionIndex<>(cache);
    Entry<String> a = idx.add(SubscriptionSpec.on(TopicSelector.regex("t.*")).build(), "a");
    idx.add(SubscriptionSpec.on(TopicSelector.regex("t.*")).build(), "b");
    assertThat(idx.topicCount()).isEqualTo(1);
    idx.remove(a);
    assertThat(idx.match(msg("tx"))).containsExactly("b");
  }

  @ParameterizedTest(name = "cache {0}")
  @ValueSource(ints = {1000, 0})
  void keyConstraintNarrowsByValue(int cache) {
    SubscriptionIndex<String> idx = new SubscriptionIndex<>(cache);
    idx.add(SubscriptionSpec.onTopic("n").key("deviceId", "d1").build(), "d1");
    idx.add(SubscriptionSpec.onTopic("n").key("deviceId", "d2").build(), "d2");
    idx.add(SubscriptionSpec.onTopic("n").build(), "all");

    assertThat(idx.match(Message.builder("n").indexKey("deviceId", "d1").build())).containsExactlyInAnyOrder("d1", "all");
    assertThat(idx.match(Message.builder("n").indexKey("deviceId", "d3").build())).containsExactly("all");
    // a message without the key reaches only the unconstrained subscription
    assertThat(idx.match(msg("n"))).containsExactly("all");
  }

  @ParameterizedTest(name = "cache {0}")
  @ValueSource(ints = {1000, 0})
  void keyConstraintOnRegexTopic(int cache) {
    SubscriptionIndex<String> idx = new SubscriptionIndex<>(cache);
    idx.add(SubscriptionSpec.on(TopicSelector.regex("dev\\..*")).key("deviceId", "d1").build(), "rx-d1");
    assertThat(idx.match(Message.builder("dev.cmd").indexKey("deviceId", "d1").build())).containsExactly("rx-d1");
    assertThat(idx.match(Message.builder("dev.cmd").indexKey("deviceId", "d2").build())).isEmpty();
  }

  @ParameterizedTest(name = "cache {0}")
  @ValueSource(ints = {1000, 0})
  void subscriptionOnSeveralValuesIsMatchedOncePerMessage(int cache) {
    SubscriptionIndex<String> idx = new SubscriptionIndex<>(cache);
    idx.add(SubscriptionSpec.onTopic("tx").key("account", "rA", "rB", "rC").build(), "abc");
    idx.add(SubscriptionSpec.onTopic("tx").key("account", "rB").build(), "b");

    // a transaction touching rA and rB reaches "abc" once, not twice
    assertThat(idx.match(Message.builder("tx").indexKey("account", "rA", "rB").build())).containsExactlyInAnyOrder("abc", "b");
    assertThat(idx.match(Message.builder("tx").indexKey("account", "rB", "rA", "rC").build())).containsExactlyInAnyOrder("abc", "b");
    // the same value twice on the message counts once
    assertThat(idx.match(Message.builder("tx").indexKey("account", "rB", "rB").build())).containsExactlyInAnyOrder("abc", "b");
    assertThat(idx.match(Message.builder("tx").indexKey("account", "rZ").build())).isEmpty();
  }

  @Test
  void aMessageWithManyValuesForOneKeyReachesEachEntryOnce() {
    SubscriptionIndex<String> idx = new SubscriptionIndex<>();
    idx.add(SubscriptionSpec.onTopic("t").key("tag", "7").build(), "one");
    idx.add(SubscriptionSpec.onTopic("t").key("tag", "3", "4", "5", "n").build(), "several");
    idx.add(SubscriptionSpec.onTopic("t").key("tag", "9").key("kind", "x").build(), "other key fails");
    idx.add(SubscriptionSpec.onTopic("t").key("tag", "absent").build(), "absent");
    for (int i = 0; i < 40; i++) { // one value's bucket past its array size, so a set
      idx.add(SubscriptionSpec.onTopic("t").key("tag", "5").build(), "crowd" + i);
    }
    List<String> tags = new ArrayList<>();
    for (int round = 0; round < 3; round++) { // 30,000 values, every one three times
      for (int i = 0; i < 10_000; i++) {
        tags.add(Integer.toString(i));
      }
    }
    Message m = Message.builder("t").indexKey("tag", tags).indexKey("kind", "y").build();

    List<String> expected = new ArrayList<>(List.of("one", "several"));
    for (int i = 0; i < 40; i++) {
      expected.add("crowd" + i);
    }
    assertThat(idx.match(m)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest(name = "cache {0}")
  @ValueSource(ints = {1000, 0})
  void everyKeyConstraintMustHold(int cache) {
    SubscriptionIndex<String> idx = new SubscriptionIndex<>(cache);
    // DeviceHive-shaped: networks x device types x names
    idx.add(SubscriptionSpec.onTopic("notification")
        .key("networkId", "1", "2").key("deviceTypeId", "7").key("name", "temp", "hum").build(), "s");

    Message hit = Message.builder("notification").indexKey("networkId", "2").indexKey("deviceTypeId", "7").indexKey("name", "hum").build();
    Message wrongType = Message.builder("notification").indexKey("networkId", "2").indexKey("deviceTypeId", "8").indexKey("name", "hum").build();
    Message wrongName = Message.builder("notification").indexKey("networkId", "1").indexKey("deviceTypeId", "7").indexKey("name", "x").build();
    Message noName = Message.builder("notification").indexKey("networkId", "1").indexKey("deviceTypeId", "7").build();

    assertThat(idx.match(hit)).containsExactly("s");
    assertThat(idx.match(wrongType)).isEmpty();
    assertThat(idx.match(wrongName)).isEmpty();
    assertThat(idx.match(noName)).isEmpty();
  }

  @ParameterizedTest(name = "cache {0}")
  @ValueSource(ints = {1000, 0})
  void residualPredicateRunsAfterTheIndex(int cache) {
    SubscriptionIndex<String> idx = new SubscriptionIndex<>(cache);
    AtomicLong calls = new AtomicLong();
    idx.add(SubscriptionSpec.onTopic("t").key("k", "1")
        .filter(m -> { calls.incrementAndGet(); return m.json().path("qty").asInt() > 5; }).build(), "big");

    assertThat(idx.match(Message.builder("t").indexKey("k", "1").payload("{\"qty\":9}".getBytes()).build())).containsExactly("big");
    assertThat(idx.match(Message.builder("t").indexKey("k", "1").payload("{\"qty\":2}".getBytes()).build())).isEmpty();
    assertThat(calls.get()).isEqualTo(2);
    // the index rejects on the key before the predicate is asked
    assertThat(idx.match(Message.builder("t").indexKey("k", "2").payload("{\"qty\":9}".getBytes()).build())).isEmpty();
    assertThat(calls.get()).isEqualTo(2);
  }

  @ParameterizedTest(name = "cache {0}")
  @ValueSource(ints = {1000, 0})
  void subscribeUnsubscribeResubscribe(int cache) {
    SubscriptionIndex<String> idx = new SubscriptionIndex<>(cache);
    SubscriptionSpec keyed = SubscriptionSpec.onTopic("t").key("k", "1", "2").build();
    Message m = Message.builder("t").indexKey("k", "2").build();

    Entry<String> e = idx.add(keyed, "x");
    assertThat(idx.match(m)).containsExactly("x");
    assertThat(idx.remove(e)).isTrue();
    assertThat(idx.remove(e)).isFalse();
    assertThat(idx.match(m)).isEmpty();
    assertThat(idx.size()).isZero();
    assertThat(idx.topicCount()).isZero();

    Entry<String> again = idx.add(keyed, "x");
    assertThat(idx.match(m)).containsExactly("x");
    assertThat(again).isNotSameAs(e);
  }

  @ParameterizedTest(name = "cache {0}")
  @ValueSource(ints = {1000, 0})
  void bucketsGrowPastTheSmallSizeAndShrinkBack(int cache) {
    SubscriptionIndex<Integer> idx = new SubscriptionIndex<>(cache);
    int n = Bucket.SMALL * 3;
    List<Entry<Integer>> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      entries.add(idx.add(exact("t"), i));
    }
    assertThat(idx.match(msg("t"))).hasSize(n);
    for (int i = 0; i < n; i += 2) {
      idx.remove(entries.get(i));
    }
    assertThat(idx.match(msg("t"))).hasSize(n / 2).allMatch(i -> i % 2 == 1);
  }

  @ParameterizedTest(name = "cache {0}")
  @ValueSource(ints = {1000, 0})
  void oneKeyValueGoesFromALoneEntryToASharedBucketAndBack(int cache) {
    SubscriptionIndex<Integer> idx = new SubscriptionIndex<>(cache);
    Message m = Message.builder("t").indexKey("deviceId", "d1").build();
    Entry<Integer> first = idx.add(SubscriptionSpec.onTopic("t").key("deviceId", "d1").build(), 1);
    assertThat(idx.match(m)).containsExactly(1);
    Entry<Integer> second = idx.add(SubscriptionSpec.onTopic("t").key("deviceId", "d1").build(), 2);
    assertThat(idx.match(m)).containsExactlyInAnyOrder(1, 2);
    idx.remove(first);
    assertThat(idx.match(m)).containsExactly(2);
    // past the small size on one value, then all the way down
    List<Entry<Integer>> many = new ArrayList<>();
    for (int i = 10; i < 10 + Bucket.SMALL * 2; i++) {
      many.add(idx.add(SubscriptionSpec.onTopic("t").key("deviceId", "d1").build(), i));
    }
    assertThat(idx.match(m)).hasSize(1 + Bucket.SMALL * 2);
    many.forEach(idx::remove);
    assertThat(idx.match(m)).containsExactly(2);
    idx.remove(second);
    assertThat(idx.match(m)).isEmpty();
    assertThat(idx.size()).isZero();
    assertThat(idx.topicCount()).isZero();
    assertThat(idx.add(SubscriptionSpec.onTopic("t").key("deviceId", "d1").build(), 3)).isNotNull();
    assertThat(idx.match(m)).containsExactly(3);
  }

  @ParameterizedTest(name = "cache {0}")
  @ValueSource(ints = {1000, 0})
  void anExactTopicGoesFromItsOnlyEntryToANodeAndBack(int cache) {
    SubscriptionIndex<String> idx = new SubscriptionIndex<>(cache);
    Message plain = msg("t");
    Message d1 = Message.builder("t").indexKey("deviceId", "d1").build();
    Entry<String> lone = idx.add(SubscriptionSpec.onTopic("t").filter(m -> !m.indexKey("deviceId").isEmpty()).build(), "lone");
    assertThat(idx.match(plain)).isEmpty(); // the lone entry's residual still runs
    assertThat(idx.match(d1)).containsExactly("lone");
    Entry<String> keyed = idx.add(SubscriptionSpec.onTopic("t").key("deviceId", "d1").build(), "keyed");
    assertThat(idx.match(d1)).containsExactlyInAnyOrder("lone", "keyed");
    Entry<String> second = idx.add(exact("t"), "second");
    assertThat(idx.match(plain)).containsExactly("second");
    assertThat(idx.remove(lone)).isTrue();
    assertThat(idx.remove(lone)).isFalse();
    assertThat(idx.match(d1)).containsExactlyInAnyOrder("keyed", "second");
    idx.remove(keyed);
    idx.remove(second);
    assertThat(idx.size()).isZero();
    assertThat(idx.topicCount()).isZero();
    Entry<String> again = idx.add(exact("t"), "again");
    assertThat(idx.match(plain)).containsExactly("again");
    assertThat(idx.topicCount()).isEqualTo(1);
    idx.remove(again);
    assertThat(idx.match(plain)).isEmpty();
    assertThat(idx.topicCount()).isZero();
  }

  @Test
  void anEntryIsAddedOnceAndReportsItsRemoval() {
    SubscriptionIndex<String> idx = new SubscriptionIndex<>();
    Entry<String> e = idx.add(exact("t"), "x");
    assertThat(e.isRemoved()).isFalse();
    org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> idx.add(e));
    idx.remove(e);
    assertThat(e.isRemoved()).isTrue();
    org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> idx.add(e));
    assertThat(idx.match(msg("t"))).isEmpty();
  }

  @Test
  void anEntryGivesBackTheSpecItWasMadeFrom() {
    SubscriptionIndex<String> idx = new SubscriptionIndex<>();
    java.util.function.Predicate<Message> residual = m -> true;
    SubscriptionSpec exactSpec = SubscriptionSpec.onTopic("t").type("notification").key("deviceId", "d1", "d2").filter(residual).build();
    SubscriptionSpec patternSpec = SubscriptionSpec.on(TopicSelector.regex("t\\..*")).build();
    assertThat(idx.add(exactSpec, "a").spec()).isEqualTo(exactSpec);
    Entry<String> p = idx.add(patternSpec, "b");
    assertThat(p.spec()).isEqualTo(patternSpec);
    assertThat(p.topicText()).isEqualTo("t\\..*");
    assertThat(p.type()).isEqualTo(SubscriptionSpec.DEFAULT_TYPE);
  }

  /**
   * Random adds and removes over a few topics, patterns and key values, each mode mixed with the
   * others on the same topics (lone entries becoming nodes and back, buckets growing and shrinking);
   * after every step, every probe message matches exactly what a scan of the live specs says.
   */
  @ParameterizedTest(name = "cache {0}")
  @ValueSource(ints = {1000, 0})
  void matchesWhatAScanOfTheLiveSpecsSays(int cache) {
    java.util.Random random = new java.util.Random(42);
    SubscriptionIndex<Integer> idx = new SubscriptionIndex<>(cache);
    java.util.Map<Integer, Entry<Integer>> live = new java.util.HashMap<>();
    String[] topics = {"a", "b", "c.x", "c.y"};
    String[] values = {"v1", "v2", "v3"};
    List<Message> probes = new ArrayList<>();
    for (String t : topics) {
      probes.add(msg(t));
      for (String v : values) {
        probes.add(Message.builder(t).indexKey("k", v).build());
        probes.add(Message.builder(t).indexKey("k", v, "v1").indexKey("j", v).build());
      }
      // more values than a match compares pairwise (TopicNode.FEW_VALUES), each several times
      probes.add(Message.builder(t).indexKey("k", "v3", "v1", "v2", "v1", "v3", "v2", "v1", "v2", "v3", "v1").build());
      probes.add(Message.builder(t).indexKey("k", "v2", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "v2")
          .indexKey("j", "v1").build());
    }
    for (int step = 0; step < 4_000; step++) {
      if (live.isEmpty() || random.nextInt(100) < 55) {
        SubscriptionSpec.Builder b = random.nextInt(5) == 0
            ? SubscriptionSpec.on(TopicSelector.regex(random.nextBoolean() ? "c\\..*" : "[ab]"))
            : SubscriptionSpec.onTopic(topics[random.nextInt(topics.length)]);
        int shape = random.nextInt(4);
        if (shape >= 1) {
          b.key("k", values[random.nextInt(values.length)]);
        }
        if (shape == 2) {
          int v = random.nextInt(values.length);
          b.key("k", values[v], values[(v + 1) % values.length]);
        }
        if (shape == 3) {
          b.key("j", values[random.nextInt(values.length)]);
        }
        live.put(step, idx.add(b.build(), step));
      } else {
        List<Integer> ids = new ArrayList<>(live.keySet());
        Integer victim = ids.get(random.nextInt(ids.size()));
        assertThat(idx.remove(live.remove(victim))).isTrue();
      }
      assertThat(idx.size()).isEqualTo(live.size());
      for (Message m : probes) {
        List<Integer> expected = new ArrayList<>();
        for (Entry<Integer> e : live.values()) {
          if (e.topicSelector().covers(m.topic()) && e.spec().accepts(m)) {
            expected.add(e.value());
          }
        }
        assertThat(idx.match(m)).as("step %d, %s", step, m).containsExactlyInAnyOrderElementsOf(expected);
      }
    }
  }

  /**
   * With a million keyed subscriptions on one topic, a message for one key visits exactly the one
   * subscription on that key: the residual predicate of every subscription counts its calls, and only
   * the matching one is called. Bounded by count, not by time.
   */
  @Test
  void millionKeyedSubscriptionsAMatchVisitsOnlyItsOwnKey() {
    SubscriptionIndex<Integer> idx = new SubscriptionIndex<>();
    AtomicLong evaluations = new AtomicLong();
    int n = 1_000_000;
    for (int i = 0; i < n; i++) {
      idx.add(SubscriptionSpec.onTopic("t").key("deviceId", "d" + i).filter(m -> { evaluations.incrementAndGet(); return true; }).build(), i);
    }
    assertThat(idx.size()).isEqualTo(n);

    for (int probe : new int[] {0, 1, 4242, 999_999}) {
      long before = evaluations.get();
      assertThat(idx.match(Message.builder("t").indexKey("deviceId", "d" + probe).build())).containsExactly(probe);
      assertThat(evaluations.get() - before).isEqualTo(1);
    }
    long before = evaluations.get();
    assertThat(idx.match(Message.builder("t").indexKey("deviceId", "nobody").build())).isEmpty();
    assertThat(evaluations.get()).isEqualTo(before);
  }
}
