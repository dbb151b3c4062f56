package switchboard.bench.harness.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import switchboard.bench.harness.Deliveries;
import switchboard.bench.harness.Interest;
import switchboard.bench.harness.Meter;
import switchboard.bench.harness.Metric;
import switchboard.bench.harness.Payload;
import switchboard.bench.harness.Profile;
import switchboard.bench.harness.Publishing;
import switchboard.bench.harness.RunContext;
import switchboard.bench.harness.RunResult;
import switchboard.bench.harness.Subscribers;
import switchboard.bench.harness.Target;
import switchboard.bench.harness.Workload;

/**
 * {@code fanout-1xN-100B-max}: one publisher, N subscribers each on a connection of its own, all on
 * one topic, as fast as the target goes. Closed loop: the publisher writes batches of 64 and keeps at
 * most {@value #WINDOW} messages in flight beyond what every subscriber has received ({@value
 * #MAX_IN_FLIGHT} deliveries at most), so the target is measured at the rate it sustains without
 * queueing. Bounded by a message count and a time.
 */
public final class Fanout implements Workload {
  static final int PAYLOAD = 100;
  static final int BATCH = 64;
  private static final long WINDOW = 2_000;
  /**
   * Deliveries in flight at most, whatever N: with 1000 subscribers a window of 2000 messages would
   * leave two million deliveries to drain after the time is up, half a minute on a slow target.
   */
  private static final long MAX_IN_FLIGHT = 200_000;

  private final int subscribers;
  private final long messages;
  private final long seconds;
  /** Messages in flight at most. */
  private final long window;

  private Fanout(int subscribers, long messages, long seconds) {
    this.subscribers = subscribers;
    this.messages = messages;
    this.seconds = seconds;
    this.window = Math.max(BATCH, Math.min(WINDOW, MAX_IN_FLIGHT / subscribers));
  }

  /** N = 10 (smoke), 10 and 100 (quick), 10, 100 and 1000 (full). */
  public static List<Workload> cases(Profile p) {
    List<Integer> counts = p.pick(List.of(10), List.of(10), List.of(10, 100, 1000));
    long messages = p.pick(300L, 2_000_000L, 10_000_000L);
    long seconds = p.pick(60L, 3L, 5L);
    return counts.stream().<Workload>map(n -> new Fanout(n, messages, seconds)).toList();
  }

  @Override
  public String name() {
    return "fanout-1x" + subscribers + "-" + PAYLOAD + "B-max";
  }

  @Override
  public String method() {
    return "1 publisher, " + subscribers + " subscribers on connections of their own, one topic; closed loop with at most "
        + window + " messages in flight beyond what every subscriber has received, batches of " + BATCH + "; up to " + messages
        + " messages or " + seconds + " s; delivered messages per second and the server's CPU time (/proc) per delivery";
  }

  @Override
  public List<Metric> metrics() {
    return List.of(
        ClosedLoop.DELIVERED,
        ClosedLoop.PER_SERVER_CPU,
        Metric.shown("generator_cpu_s_per_1m", "generator CPU s per 1M deliveries", false),
        Metric.shown("server_rss_mib", "server RSS MiB", false));
  }

  @Override
  public RunResult run(RunContext ctx) throws Exception {
    Target target = ctx.target();
    String topic = ctx.topic("f");
    long limit = ctx.scaled(messages);
    long nanosLimit = ctx.scaled(seconds) * 1_000_000_000L;
    Deliveries sink = Deliveries.counting();
    List<String> notes = new ArrayList<>();
    ClosedLoop.Outcome loop;
    Meter meter;
    long rssKib;
    try (Subscribers subs = Subscribers.connect(ctx, subscribers, sink)) {
      subs.subscribeAll(Interest.topic(topic));
      try (Publishing pub = target.publisher(ctx.client("p"), Subscribers.SET_UP)) {
        Publishing.Message message = pub.message(topic, Payload.of(PAYLOAD, System.nanoTime()));
        meter = Meter.start(target.server());
        loop = ClosedLoop.run(pub, sink, meter, limit, nanosLimit, window * subscribers, (first, n) -> {
          for (int i = 0; i < n; i++) {
            message.add();
          }
          return (long) n * subscribers;
        });
        rssKib = target.server().rssKib();
      }
      notes.addAll(subs.failures());
    }
    long delivered = sink.count();
    Map<String, Double> own = new LinkedHashMap<>();
    own.put("generator_cpu_s_per_1m", Meter.perMillion(meter.generatorCpuSeconds(), delivered));
    own.put("server_rss_mib", rssKib < 0 ? Double.NaN : rssKib / 1024.0);
    return loop.result(name(), ctx, meter, delivered, own, notes);
  }
}
