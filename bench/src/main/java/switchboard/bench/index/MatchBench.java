package switchboard.bench.index;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import switchboard.core.Message;
import switchboard.core.SubscriptionSpec;
import switchboard.core.index.SubscriptionIndex;

/**
 * {@code SubscriptionIndex.match} for a keyed message, with N keyed subscriptions present on the same
 * topic. The design says a match costs in proportion to what it matches, not to N; these show how
 * close that holds when N grows from 1k to 1M (the hash lookups stay O(1), the cache misses do not).
 *
 * <p>The messages are prebuilt, {@link Fixtures#RING} of them, and published in turn: every op looks
 * up a different key, as a stream of device notifications would. {@code inPlay} says which keys they
 * carry. With "all", keys are drawn over the whole range, so the messages visit about 8,000 distinct
 * subscriptions when N is 100k or 1M, and only N when it is 1k: the working set grows with N along
 * with the index, and the figure measures the caches as much as the index. With "1000", the messages
 * visit 1,000 subscriptions chosen at random among the N whatever N is: the same traffic with more
 * subscriptions present, which is what "a match costs the same whatever the total" is about. Setup
 * checks that each message matches exactly what it should.
 */
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MatchBench {

  /** What each state holds: an index, and the prebuilt messages published in turn. */
  abstract static class Published {
    SubscriptionIndex<Integer> index;
    /** A power-of-two number of them. */
    Message[] messages;
    private int next;

    Message next() {
      return messages[next++ & (messages.length - 1)];
    }

    /** Setup's check: each message matches exactly {@code expected} subscriptions. */
    void expectMatches(int expected) {
      MatchBench.expectMatches(index, messages, expected);
    }
  }

  static void expectMatches(SubscriptionIndex<Integer> index, Message[] messages, int expected) {
    for (Message m : messages) {
      int got = index.match(m).size();
      if (got != expected) {
        throw new IllegalStateException(m + " matched " + got + ", expected " + expected);
      }
    }
  }

  /** N subscriptions on topic "t", each {@code deviceId -> {d<i>}}; messages carry one device id. */
  @State(Scope.Benchmark)
  public static class Devices extends Published {
    @Param({"1000", "100000", "1000000"})
    public int n;

    /** How many distinct keys the messages carry: "all" N, or a fixed count of them. */
    @Param({Fixtures.ALL, "1000"})
    public String inPlay;


    @Setup(Level.Trial)
    public void fill() {
      index = Fixtures.deviceIndex(n);
      int[] keys = Fixtures.keysInPlay(Fixtures.RING, n, inPlay, 42);
      messages = new Message[Fixtures.RING];
      for (int i = 0; i < messages.length; i++) {
        messages[i] = Fixtures.deviceMessage("d" + keys[i]);
      }
      expectMatches(1);
    }
  }

  /**
   * N subscriptions on topic "tx", each {@code account -> {a<i>}}; each message carries two distinct
   * accounts ({@code account -> [a<j>, a<k>]}, an XRPL payment between two subscribed accounts), both
   * among the keys in play, and so matches two subscriptions.
   */
  @State(Scope.Benchmark)
  public static class Accounts extends Published {
    @Param({"1000", "100000", "1000000"})
    public int n;

    /** How many distinct accounts the messages carry: "all" N, or a fixed count of them. */
    @Param({Fixtures.ALL, "1000"})
    public String inPlay;


    @Setup(Level.Trial)
    public void fill() {
      index = new SubscriptionIndex<>();
      for (int i = 0; i < n; i++) {
        index.add(SubscriptionSpec.onTopic("tx").key("account", "a" + i).build(), i);
      }
      int[] keys = Fixtures.keysInPlay(Fixtures.RING, n, inPlay, 43);
      messages = new Message[Fixtures.RING];
      for (int i = 0; i < messages.length; i++) {
        int j = keys[i];
        int at = i + 1;
        while (keys[at & (Fixtures.RING - 1)] == j) {
          at++;
        }
        int k = keys[at & (Fixtures.RING - 1)];
        messages[i] = Message.builder("tx").indexKey("account", "a" + j, "a" + k).build();
      }
      expectMatches(2);
    }
  }

  /**
   * 1,000 subscriptions on topic "tags", each {@code tag -> {<i>}}; each message carries {@code values}
   * distinct tags of which one is subscribed (a long JSON array under an indexed field, say), so it
   * matches one subscription whatever its length.
   */
  @State(Scope.Benchmark)
  public static class ManyValues extends Published {
    @Param({"8", "100", "10000"})
    public int values;


    @Setup(Level.Trial)
    public void fill() {
      index = new SubscriptionIndex<>();
      for (int i = 0; i < 1_000; i++) {
        index.add(SubscriptionSpec.onTopic("tags").key("tag", Integer.toString(i)).build(), i);
      }
      messages = new Message[16];
      for (int i = 0; i < messages.length; i++) {
        java.util.List<String> tags = new java.util.ArrayList<>(values);
        for (int v = 1; v < values; v++) {
          tags.add(Integer.toString(1_000 + i * values + v)); // subscribed by nobody
        }
        tags.add(values / 2, Integer.toString(i * 37));
        messages[i] = Message.builder("tags").indexKey("tag", tags).build();
      }
      expectMatches(1);
    }
  }

  /** Hands each match to the Blackhole; one per thread, built once so that no op allocates a lambda. */
  @State(Scope.Thread)
  public static class Sink implements Consumer<Integer> {
    private Blackhole bh;

    @Setup(Level.Trial)
    public void bind(Blackhole bh) {
      this.bh = bh;
    }

    @Override
    public void accept(Integer v) {
      bh.consume(v);
    }
  }



  /** A message for one device id, among N device subscriptions: one match. */
  @Benchmark
  public void oneKeyOfN(Devices s, Sink sink) {
    s.index.match(s.next(), sink);
  }

  /** A message carrying many values for one key, one of them subscribed: one match. */
  @Benchmark
  public void manyValuesOfOneKey(ManyValues s, Sink sink) {
    s.index.match(s.next(), sink);
  }

  /** A message carrying two accounts, among N account subscriptions: two matches. */
  @Benchmark
  public void twoAccountsOfN(Accounts s, Sink sink) {
    s.index.match(s.next(), sink);
  }
}
