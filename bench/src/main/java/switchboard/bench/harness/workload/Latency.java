package switchboard.bench.harness.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import switchboard.bench.harness.Deliveries;
import switchboard.bench.harness.Interest;
import switchboard.bench.harness.Meter;
import switchboard.bench.harness.Metric;
import switchboard.bench.harness.Profile;
import switchboard.bench.harness.Publishing;
import switchboard.bench.harness.RunContext;
import switchboard.bench.harness.RunResult;
import switchboard.bench.harness.Subscribers;
import switchboard.bench.harness.Target;
import switchboard.bench.harness.Workload;

/**
 * {@code fanout-1x10-100B-rNk}: one publisher at a fixed rate, 10 subscribers, latency from the
 * intended send time. Open loop: message i is due at start + i / rate, whatever happened to the ones
 * before, and carries that time in its payload; a subscriber records arrival minus it. So a target
 * that falls behind shows it in its latency instead of slowing the publisher down (no coordinated
 * omission). A rate the target cannot sustain is reported with what it achieved.
 */
public final class Latency implements Workload {
  private static final int SUBSCRIBERS = 10;
  /** A target still delivering this long after the last send (or the run's length, if longer) is cut off. */
  private static final long DRAIN_SECONDS = 10;

  private final int rate;
  private final long messages;
  private final long seconds;

  private Latency(int rate, long messages, long seconds) {
    this.rate = rate;
    this.messages = messages;
    this.seconds = seconds;
  }

  /** 1k/s (smoke, a few hundred messages), 1k and 10k/s (quick), 1k, 10k and 50k/s (full). */
  public static List<Workload> cases(Profile p) {
    List<Integer> rates = p.pick(List.of(1_000), List.of(10_000), List.of(1_000, 10_000, 50_000));
    long messages = p.pick(300L, 1_000_000L, 5_000_000L);
    long seconds = p.pick(60L, 3L, 5L);
    return rates.stream().<Workload>map(r -> new Latency(r, messages, seconds)).toList();
  }

  @Override
  public String name() {
    return "fanout-1x" + SUBSCRIBERS + "-" + Fanout.PAYLOAD + "B-r" + (rate / 1000) + "k";
  }

  @Override
  public String method() {
    return "open loop at " + rate + " msgs/s, 1 publisher, " + SUBSCRIBERS + " subscribers; each message's intended send time, "
        + "scheduled from the start, travels in its payload; latency = arrival - intended send (HdrHistogram, no coordinated "
        + "omission); up to " + messages + " messages or " + seconds + " s";
  }

  @Override
  public List<Metric> metrics() {
    return List.of(
        Metric.shown("p50_us", "p50 µs", false),
        Metric.compared("p99_us", "p99 µs", false),
        Metric.shown("p999_us", "p99.9 µs", false),
        Metric.shown("max_us", "max µs", false),
        Metric.shown("achieved_per_s", "achieved msgs/s", true),
        Metric.shown("deliveries_per_server_cpu_s", "deliveries per server CPU-s", true));
  }

  @Override
  public RunResult run(RunContext ctx) throws Exception {
    Target target = ctx.target();
    String topic = ctx.topic("l");
    long total = Math.min(ctx.scaled(messages), rate * ctx.scaled(seconds));
    Deliveries sink = Deliveries.timed();
    List<String> notes = new ArrayList<>();
    long sent = 0;
    boolean stalled = false;
    Meter meter;
    long start;
    try (Subscribers subs = Subscribers.connect(ctx, SUBSCRIBERS, sink)) {
      subs.subscribeAll(Interest.topic(topic));
      try (Publishing pub = target.publisher(ctx.client("p"), Subscribers.SET_UP)) {
        meter = Meter.start(target.server());
        start = meter.startNanos();
        Paced.Result r = Paced.publish(pub, topic, Fanout.PAYLOAD, rate, total, start, () -> false);
        sent = r.sent();
        stalled = r.stalled() || Paced.drain(pub, sink, sent * SUBSCRIBERS, Math.max(DRAIN_SECONDS, ctx.scaled(seconds)), notes);
        meter.stop(sink.lastNanos() > start ? sink.lastNanos() : System.nanoTime());
      }
      notes.addAll(subs.failures());
    }
    long expected = sent * SUBSCRIBERS;
    long delivered = sink.count();
    Histogram h = sink.histogram();
    if (stalled) {
      notes.add("stalled: nothing moved for " + Publishing.STALL.toSeconds() + " s");
    }
    if (delivered != expected) {
      notes.add(String.format("incomplete: %,d of %,d deliveries", delivered, expected));
    }
    if (sink.unstamped() > 0) {
      notes.add(sink.unstamped() + " deliveries carried no send time");
    }
    double achieved = sent == 0 ? 0 : delivered / (double) SUBSCRIBERS / meter.seconds();
    long lastDue = start + (long) ((sent - 1) * 1e9 / rate);
    double lateSeconds = (sink.lastNanos() - lastDue) / 1e9;
    if (sent > 0 && lateSeconds > 0.1 + 0.01 * (lastDue - start) / 1e9) {
      notes.add(String.format("could not sustain %,d msgs/s: %,.0f msgs/s delivered per subscriber; the last delivery came %.2f s after its intended send",
          rate, achieved, lateSeconds));
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("p50_us", micros(h, 50));
    figures.put("p99_us", micros(h, 99));
    figures.put("p999_us", micros(h, 99.9));
    figures.put("max_us", h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue() / 1e3);
    figures.put("achieved_per_s", achieved);
    figures.put("deliveries_per_server_cpu_s", meter.perServerCpuSecond(delivered));
    figures.put("recorded", (double) h.getTotalCount());
    figures.put("server_cpu_s", meter.serverCpuSeconds());
    figures.put("generator_cpu_s", meter.generatorCpuSeconds());
    return new RunResult(name(), target.name(), ctx.repetition(), sent, delivered, expected, meter.seconds(), figures, notes);
  }

  private static double micros(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1e3;
  }
}
