package switchboard.bench.index;

import java.nio.charset.StandardCharsets;
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
import switchboard.core.Message;
import switchboard.core.SubscriptionSpec;
import switchboard.core.filter.FieldKeys;
import switchboard.core.filter.Filter;
import switchboard.core.index.SubscriptionIndex;

/**
 * {@code SubscriptionIndex.match} of a publish on a topic with 1,000 content-filtered subscriptions,
 * {@code /g = <group>}, the harness's {@code filter-1x1000} case: subscription i is in group
 * {@code i mod groups}, and a payload {@code {"g":<group>,"ts":…,"v":"xxx…"}} of 128 bytes matches the
 * subscriptions of its group. {@code selectivity} is the share of the 1,000 a message matches: 1% is 100
 * groups (10 matches), 10% is 10 groups, 100% is one group.
 *
 * <p>{@code spec}: {@code residual} registers the filter alone, as the amps dialect did before field
 * keys; {@code indexed} adds the key constraint the filter implies, as it does now. Each op builds a new
 * message over prebuilt payload bytes, so that it pays the one JSON parse a real publish pays (a filter,
 * or the field key, parses it on first use). Setup checks the number of matches of every payload.
 */
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class FilteredMatchBench {
  static final int SUBSCRIPTIONS = 1_000;
  static final int PAYLOAD_BYTES = 128;

  @Param({"1", "10", "100"})
  public int selectivity;

  @Param({"residual", "indexed"})
  public String spec;

  private SubscriptionIndex<Integer> index;
  private byte[][] payloads;
  private int next;

  @Setup(Level.Trial)
  public void fill() throws Exception {
    int groups = 100 / selectivity;
    index = new SubscriptionIndex<>();
    for (int i = 0; i < SUBSCRIPTIONS; i++) {
      index.add(spec(Filter.compile("/g = " + (i % groups)), spec.equals("indexed")), i);
    }
    int[] group = Fixtures.randomInts(Fixtures.RING, groups, 45);
    payloads = new byte[Fixtures.RING][];
    for (int i = 0; i < payloads.length; i++) {
      payloads[i] = payload(group[i], 1_700_000_000_000_000_000L + i);
    }
    Message[] check = new Message[payloads.length];
    for (int i = 0; i < check.length; i++) {
      check[i] = message(payloads[i]);
    }
    MatchBench.expectMatches(index, check, SUBSCRIPTIONS / groups);
  }

  /** The spec a subscription with this filter becomes: the filter, and with {@code indexed} its key. */
  static SubscriptionSpec spec(Filter f, boolean indexed) {
    SubscriptionSpec.Builder b = SubscriptionSpec.onTopic(Fixtures.TOPIC).filter(f);
    FieldKeys.Constraint k = indexed ? f.indexKey() : null;
    if (k != null) {
      b.key(k.name(), k.values());
    }
    return b.build();
  }

  /** {@code {"g":<group>,"ts":<nanos>,"v":"xxx…"}}, {@link #PAYLOAD_BYTES} long. */
  static byte[] payload(int group, long nanos) {
    String head = "{\"g\":" + group + ",\"ts\":" + nanos + ",\"v\":\"";
    return (head + "x".repeat(PAYLOAD_BYTES - head.length() - 2) + "\"}").getBytes(StandardCharsets.US_ASCII);
  }

  static Message message(byte[] payload) {
    return Message.builder(Fixtures.TOPIC).payload(payload).build();
  }

  @Benchmark
  public void publish(MatchBench.Sink sink) {
    index.match(message(payloads[next++ & (Fixtures.RING - 1)]), sink);
  }
}
