package switchboard.bench;

import java.util.concurrent.TimeUnit;
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
import switchboard.core.index.Entry;
import switchboard.core.index.SubscriptionIndex;

/**
 * The subscription index alone: the cost of a match with N keyed subscriptions present, each on its
 * own device id, for a message that hits exactly one; and the cost of a subscribe plus unsubscribe.
 * The design goal is a match cost independent of N.
 */
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class IndexBenchmark {
  private static final int RING = 4096;

  @Param({"1000", "100000", "1000000"})
  public int subscriptions;

  private SubscriptionIndex<Integer> index;
  private Message[] oneKey;
  private Message[] twoKeys;
  private SubscriptionSpec[] fresh;
  private int next;

  @Setup(Level.Trial)
  public void fill() {
    index = new SubscriptionIndex<>();
    for (int i = 0; i < subscriptions; i++) {
      index.add(SubscriptionSpec.onTopic("t").key("deviceId", "d" + i).build(), i);
    }
    for (int i = 0; i < subscriptions; i++) {
      index.add(SubscriptionSpec.onTopic("tx").key("account", "r" + i).build(), i);
    }
    // messages for keys spread over the whole range, so that lookups are not one hot key
    oneKey = new Message[RING];
    twoKeys = new Message[RING];
    long x = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < RING; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      int k = (int) Math.floorMod(x, (long) subscriptions);
      oneKey[i] = Message.builder("t").indexKey("deviceId", "d" + k).build();
      twoKeys[i] = Message.builder("tx").indexKey("account", "r" + k, "r" + ((k + 1) % subscriptions)).build();
    }
    fresh = new SubscriptionSpec[RING];
    for (int i = 0; i < RING; i++) {
      fresh[i] = SubscriptionSpec.onTopic("t").key("deviceId", "new-" + i).build();
    }
  }

  /** One keyed publish that matches one subscription among N. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public void matchOneOfN(Blackhole bh) {
    index.match(oneKey[next++ & (RING - 1)], bh::consume);
  }

  /** A transaction touching two accounts, each with its own subscription, among N account subscriptions. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public void matchTwoAccountsOfN(Blackhole bh) {
    index.match(twoKeys[next++ & (RING - 1)], bh::consume);
  }

  /** A keyed subscribe and its unsubscribe, with N subscriptions present. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public boolean subscribeUnsubscribe() {
    Entry<Integer> e = index.add(fresh[next++ & (RING - 1)], -1);
    return index.remove(e);
  }
}
