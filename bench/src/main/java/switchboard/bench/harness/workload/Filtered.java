package switchboard.bench.harness.workload;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import switchboard.bench.harness.Deliveries;
import switchboard.bench.harness.Interest;
import switchboard.bench.harness.Meter;
import switchboard.bench.harness.Metric;
import switchboard.bench.harness.Payload;
import switchboard.bench.harness.Profile;
import switchboard.bench.harness.Protocol;
import switchboard.bench.harness.Publishing;
import switchboard.bench.harness.Replies;
import switchboard.bench.harness.RunContext;
import switchboard.bench.harness.RunResult;
import switchboard.bench.harness.Subscribers;
import switchboard.bench.harness.Target;
import switchboard.bench.harness.Workload;

/**
 * {@code filter-1xN-selSpct}: N content-filtered subscriptions on one topic, one publisher, each
 * message matching S% of them. The subscriptions fall into {@code G = 100 / S} groups, subscription i
 * in group {@code i % G}; message m carries {@code "g":m % G} in its body, so the messages cycle
 * through the groups and each matches exactly the N / G subscriptions of its group (with N a multiple
 * of G). At 100% there is one group: every subscription's filter is still evaluated on every message,
 * and matches.
 *
 * <p>On a target whose protocol {@link Protocol#filters() filters} (amps), subscription i is on the
 * one topic with the filter {@code /g = <group>}. A protocol that does not filter is given the same
 * selection the way its users would build it, one topic per filter key: subscription i is on topic
 * {@code <topic><group>} and message m is published to {@code <topic><g>} (on xrpl, one account per
 * group).
 *
 * <p>Each subscription has a connection of its own: subscriptions of one connection on one topic
 * would collapse into one on Redis and MQTT, and at 100% every subscription is on the same topic.
 * Closed loop as in {@link Fanout}.
 */
public final class Filtered implements Workload {
  private static final long WINDOW = 2_000;
  /** Deliveries in flight at most, as in {@link Fanout}. */
  private static final long MAX_IN_FLIGHT = 200_000;

  private final int subscriptions;
  private final int percent;
  private final long messages;
  private final long seconds;

  Filtered(int subscriptions, int percent, long messages, long seconds) {
    if (percent <= 0 || 100 % percent != 0) {
      throw new IllegalArgumentException("a selectivity that divides 100: " + percent);
    }
    this.subscriptions = subscriptions;
    this.percent = percent;
    this.messages = messages;
    this.seconds = seconds;
  }

  /**
   * Selectivity 1, 10 and 100% (quick: 10% only); N = 100 (smoke, the least for which 1% is a whole
   * subscription) and 1,000 (quick, 3 s; full, 5 s).
   */
  public static List<Workload> cases(Profile p) {
    int n = p.pick(100, 1_000, 1_000);
    long messages = p.pick(300L, 2_000_000L, 10_000_000L);
    long seconds = p.pick(60L, 3L, 5L);
    return p.pick(List.of(1, 10, 100), List.of(10), List.of(1, 10, 100)).stream().<Workload>map(s -> new Filtered(n, s, messages, seconds)).toList();
  }

  @Override
  public String name() {
    return "filter-1x" + subscriptions + "-sel" + percent + "pct";
  }

  private int groups() {
    return 100 / percent;
  }

  /** Messages in flight at most: {@value #WINDOW}, fewer when each has many deliveries. */
  private long window() {
    long perMessage = Math.max(1, (long) subscriptions * percent / 100);
    return Math.max(Fanout.BATCH, Math.min(WINDOW, MAX_IN_FLIGHT / perMessage));
  }

  @Override
  public String method() {
    return "1 publisher, " + subscriptions + " subscribers on connections of their own, each message matching " + percent + "% of them ("
        + groups() + " group(s), subscription i in group i mod " + groups() + ", messages cycling through the groups, their "
        + "body carrying \"g\":<group>): where the protocol filters (amps) every subscription is on one topic with the content "
        + "filter /g = <group>, elsewhere emulated with one topic per group; closed loop with at most " + window()
        + " messages in flight, batches of " + Fanout.BATCH + "; up to " + messages + " messages or " + seconds
        + " s; delivered messages per second and per server CPU-second";
  }

  /** Not on a protocol whose every topic must be created first: this workload uses thousands. */
  @Override
  public boolean supports(Target target) {
    return !target.protocol().preparesTopics();
  }

  @Override
  public List<Metric> metrics() {
    return List.of(
        ClosedLoop.DELIVERED,
        ClosedLoop.PER_SERVER_CPU,
        Metric.shown("published_per_s", "published msgs/s", true),
        Metric.shown("generator_cpu_s_per_1m", "generator CPU s per 1M deliveries", false));
  }

  @Override
  public RunResult run(RunContext ctx) throws Exception {
    Target target = ctx.target();
    Protocol protocol = target.protocol();
    boolean filters = protocol.filters();
    String topic = ctx.topic("g");
    int groups = groups();
    long limit = ctx.scaled(messages);
    long nanosLimit = ctx.scaled(seconds) * 1_000_000_000L;
    long[] matching = new long[groups];
    for (int i = 0; i < subscriptions; i++) {
      matching[i % groups]++;
    }
    long perCycle = Arrays.stream(matching).sum();
    long windowDeliveries = Math.max(1, window() * perCycle / groups);
    Deliveries sink = Deliveries.counting();
    List<String> notes = new ArrayList<>();
    ClosedLoop.Outcome loop;
    Meter meter;
    try (Subscribers subs = Subscribers.connect(ctx, subscriptions, sink)) {
      Replies confirmed = new Replies(subscriptions);
      for (int i = 0; i < subscriptions; i++) {
        int group = i % groups;
        Interest interest = filters ? new Interest(topic, "/g = " + group) : Interest.topic(topic + group);
        subs.conns().get(i).subscribe(interest, 1, confirmed);
      }
      confirmed.await(Subscribers.SET_UP.plusSeconds(subscriptions / 50), target.name() + ": subscribing " + subscriptions + " filters");
      try (Publishing pub = target.publisher(ctx.client("p"), Subscribers.SET_UP)) {
        long stamp = Math.max(0, System.nanoTime());
        Publishing.Message[] messages = new Publishing.Message[groups];
        for (int g = 0; g < groups; g++) {
          messages[g] = pub.message(filters ? topic : topic + g, body(Fanout.PAYLOAD, g, stamp));
        }
        meter = Meter.start(target.server());
        loop = ClosedLoop.run(pub, sink, meter, limit, nanosLimit, windowDeliveries, (first, n) -> {
          long due = 0;
          for (int i = 0; i < n; i++) {
            int g = (int) ((first + i) % groups);
            messages[g].add();
            due += matching[g];
          }
          return due;
        });
      }
      notes.addAll(subs.failures());
    }
    long delivered = sink.count();
    Map<String, Double> own = new LinkedHashMap<>();
    own.put("published_per_s", loop.sent() / meter.seconds());
    own.put("generator_cpu_s_per_1m", Meter.perMillion(meter.generatorCpuSeconds(), delivered));
    return loop.result(name(), ctx, meter, delivered, own, notes);
  }

  /**
   * A JSON body of exactly {@code size} bytes, {@code {"g":<group>,"ts":…,"v":"xxx…"}}: the group a
   * content filter selects on, then {@link Payload#of}'s send time and filler.
   */
  static byte[] body(int size, int group, long nanos) {
    if (group < 0) {
      throw new IllegalArgumentException("a negative group");
    }
    byte[] head = ("{\"g\":" + group + ",").getBytes(StandardCharsets.US_ASCII);
    byte[] payload = Payload.of(size - head.length + 1, nanos); // its '{' is replaced by the head
    byte[] out = new byte[size];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(payload, 1, out, head.length, payload.length - 1);
    return out;
  }

}
