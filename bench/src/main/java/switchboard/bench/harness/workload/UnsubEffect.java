package switchboard.bench.harness.workload;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import switchboard.bench.harness.BenchException;
import switchboard.bench.harness.Conn;
import switchboard.bench.harness.DeliverySink;
import switchboard.bench.harness.Interest;
import switchboard.bench.harness.Loop;
import switchboard.bench.harness.Metric;
import switchboard.bench.harness.Profile;
import switchboard.bench.harness.Publishing;
import switchboard.bench.harness.Replies;
import switchboard.bench.harness.RunContext;
import switchboard.bench.harness.RunResult;
import switchboard.bench.harness.Subscribers;
import switchboard.bench.harness.Target;
import switchboard.bench.harness.Workload;

/**
 * {@code unsub-effect-rNk}: what an unsubscribe's reply promises. A publisher thread publishes to one
 * topic, open loop at N msgs/s, the whole run. One test connection, holding no other subscription,
 * repeats: subscribe (a new sid each time) and wait for the reply; wait for a delivery (up to
 * {@link #FIRST_DELIVERY}), so that messages are flowing; unsubscribe and wait for its reply; then wait
 * until nothing has arrived for {@link #QUIET} before the next subscribe. Figures: the time from the
 * unsubscribe to its reply, and the deliveries that arrived after that reply. Both are taken on the
 * connection's loop thread as it parses the stream, so a delivery after the reply in the same read
 * counts as after it, one before it does not: the count is exact with respect to the byte stream. A
 * delivery after the reply is one the server sent after saying the subscription was gone (a late one
 * arriving after the next subscribe went out would count for the next round; the quiet gap is there
 * so that none does). NATS's reply to {@code UNSUB} is the {@code PONG} of a {@code PING} sent after
 * it, Redis's the {@code unsubscribe} array, MQTT's the {@code UNSUBACK}, amps's the processed ack.
 *
 * <p>In the result, {@code sent} is the messages published, {@code expected} the unsubscribes asked
 * for and {@code delivered} those answered.
 */
public final class UnsubEffect implements Workload {
  private static final int PAYLOAD = Fanout.PAYLOAD;
  /** How long a new subscription may go without a delivery before it is unsubscribed anyway. */
  static final Duration FIRST_DELIVERY = Duration.ofSeconds(1);
  /** The silence, after the unsubscribe's reply, that ends the counting of late deliveries. */
  static final Duration QUIET = Duration.ofMillis(20);
  /** Deliveries still arriving this long after the reply: the round ends anyway, and says so. */
  private static final Duration MAX_QUIET_WAIT = Duration.ofSeconds(2);
  private static final long POLL_NANOS = 50_000;

  private final int rate;
  private final int unsubscribes;

  private UnsubEffect(int rate, int unsubscribes) {
    this.rate = rate;
    this.unsubscribes = unsubscribes;
  }

  /** 20 unsubscribes at 1k msgs/s (smoke), 300 (quick) and 1000 (full) at 10k msgs/s. */
  public static List<Workload> cases(Profile p) {
    return List.of(new UnsubEffect(p.pick(1_000, 10_000, 10_000), p.pick(20, 100, 1_000)));
  }

  @Override
  public String name() {
    return "unsub-effect-r" + (rate / 1000) + "k";
  }

  @Override
  public String method() {
    return "a publisher at " + rate + " msgs/s (open loop, " + PAYLOAD + " B) to one topic; one test connection, "
        + unsubscribes + " times: subscribe and wait for its reply, wait for a delivery, unsubscribe: the time from the "
        + "unsubscribe call to its reply being parsed (the generator's hand-off to its loop thread included), and the "
        + "deliveries parsed after that reply, in stream order, until the next subscribe after " + QUIET.toMillis()
        + " ms without any (NATS: the PONG of a PING after the UNSUB is the reply)";
  }

  @Override
  public List<Metric> metrics() {
    return List.of(
        Metric.compared("unsub_p50_us", "unsubscribe reply p50 µs", false),
        Metric.compared("unsub_p99_us", "unsubscribe reply p99 µs", false),
        Metric.shown("after_reply", "msgs after the reply", false),
        Metric.shown("rounds_with_late", "unsubscribes with msgs after the reply", false));
  }

  /** One round's deliveries, counted on the loop thread; the round's unsubscribe divides them. */
  private static final class Round {
    /** Set by the workload thread before the unsubscribe goes out. */
    volatile Replies unsub;
    volatile long before;
    volatile long lastNanos;
    /** Written and read on the loop thread; read by others after the loop is closed. */
    long after;
  }

  /**
   * The test connection's sink: each delivery counts for the current round, after its unsubscribe
   * when the reply to that has been parsed (which completes its {@link Replies} on this same thread,
   * before the parser goes on to what follows it).
   */
  private static final class Probe implements DeliverySink {
    volatile Round current = new Round();

    @Override
    public void delivery(ByteBuffer buf, int from, int to) {
      Round r = current;
      Replies u = r.unsub;
      if (u != null && u.isDone()) {
        r.after++;
      } else {
        r.before++; // one writer
      }
      r.lastNanos = System.nanoTime();
    }
  }

  /** The publisher's thread: open loop until told to stop; what went wrong is kept for the notes. */
  private static final class Background implements Runnable {
    private final Publishing pub;
    private final String topic;
    private final int rate;
    volatile boolean stop;
    volatile long sent;
    volatile String problem;

    Background(Publishing pub, String topic, int rate) {
      this.pub = pub;
      this.topic = topic;
      this.rate = rate;
    }

    @Override
    public void run() {
      try {
        Paced.Result r = Paced.publish(pub, topic, PAYLOAD, rate, Long.MAX_VALUE, System.nanoTime(), () -> stop);
        sent = r.sent();
        if (r.stalled()) {
          problem = "stalled: the publisher took nothing for " + Publishing.STALL.toSeconds() + " s";
        }
      } catch (Exception e) {
        problem = "the publisher stopped: " + (e.getMessage() == null ? e.toString() : e.getMessage());
      }
    }
  }

  @Override
  public RunResult run(RunContext ctx) throws Exception {
    Target target = ctx.target();
    String topic = ctx.topic("u");
    Interest interest = Interest.topic(topic);
    // a warm-up is never longer than a measured run (the first workload's would be five times as long)
    int rounds = (int) Math.min(unsubscribes, ctx.scaled(unsubscribes));
    Probe probe = new Probe();
    List<Round> done = new ArrayList<>();
    long[] replyNanos = new long[rounds];
    List<String> notes = new ArrayList<>();
    int silent = 0;
    int stillDelivering = 0;
    long start = System.nanoTime();
    long end;
    Background background;
    try (Loop loop = new Loop("unsub-" + target.name())) {
      Replies ready = new Replies(1);
      Conn conn = loop.connect(target, ctx.client("u"), probe, ready);
      ready.await(Subscribers.SET_UP, target.name() + ": connecting the test connection");
      byte[] prepare = target.protocol().prepare(topic);
      if (prepare != null) {
        Replies prepared = new Replies(1);
        conn.request(prepare, prepared);
        prepared.await(Subscribers.SET_UP, target.name() + ": preparing " + topic);
      }
      try (Publishing pub = target.publisher(ctx.client("p"), Subscribers.SET_UP)) {
        background = new Background(pub, topic, rate);
        Thread publisher = new Thread(background, "unsub-publisher-" + target.name());
        publisher.setDaemon(true);
        start = System.nanoTime();
        publisher.start();
        try {
          for (int sid = 1; sid <= rounds && background.problem == null; sid++) {
            Round round = new Round();
            probe.current = round;
            Replies subscribed = new Replies(1);
            conn.subscribe(interest, sid, subscribed);
            subscribed.await(Publishing.STALL, target.name() + ": subscribe " + sid);
            long deadline = System.nanoTime() + FIRST_DELIVERY.toNanos();
            while (round.before == 0 && System.nanoTime() < deadline && background.problem == null) {
              LockSupport.parkNanos(POLL_NANOS);
            }
            if (round.before == 0) {
              silent++;
            }
            Replies unsubscribed = new Replies(1);
            round.unsub = unsubscribed;
            long t0 = System.nanoTime();
            conn.unsubscribe(interest, sid, unsubscribed);
            unsubscribed.await(Publishing.STALL, target.name() + ": unsubscribe " + sid);
            long replied = unsubscribed.doneNanos();
            replyNanos[done.size()] = replied - t0;
            done.add(round);
            while (true) {
              long now = System.nanoTime();
              long quietSince = Math.max(replied, round.lastNanos);
              if (now - quietSince >= QUIET.toNanos()) {
                break;
              }
              if (now - replied > MAX_QUIET_WAIT.toNanos()) {
                stillDelivering++;
                break;
              }
              LockSupport.parkNanos(Math.min(QUIET.toNanos() - (now - quietSince), 1_000_000));
            }
          }
        } catch (BenchException e) {
          notes.add("stalled: " + e.getMessage());
        } finally {
          background.stop = true;
          publisher.join(Publishing.STALL.toMillis() + 5_000);
          end = System.nanoTime();
        }
      }
      if (loop.failedCount() > 0) {
        notes.add("the test connection was lost: " + loop.failures().get(0));
      }
    }
    // the loop is closed: every round's count is final and visible
    long after = 0;
    int late = 0;
    long maxAfter = 0;
    for (Round r : done) {
      after += r.after;
      late += r.after > 0 ? 1 : 0;
      maxAfter = Math.max(maxAfter, r.after);
    }
    if (background.problem != null) {
      notes.add(background.problem);
    }
    notes.add(String.format("after-reply deliveries: %d in %d unsubscribes%s", after, done.size(),
        after == 0 ? "" : " (" + late + " with some, at most " + maxAfter + " in one)"));
    if (silent > 0) {
      notes.add(silent + " subscription(s) had no delivery within " + FIRST_DELIVERY.toMillis() + " ms before the unsubscribe");
    }
    if (stillDelivering > 0) {
      notes.add(stillDelivering + " unsubscribe(s) still followed by deliveries " + MAX_QUIET_WAIT.toSeconds() + " s after the reply");
    }
    if (done.size() < rounds) {
      notes.add(String.format("incomplete: %d of %d unsubscribes", done.size(), rounds));
    }
    long[] times = Arrays.copyOf(replyNanos, done.size());
    Arrays.sort(times);
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("unsub_p50_us", percentile(times, 50) / 1e3);
    figures.put("unsub_p99_us", percentile(times, 99) / 1e3);
    figures.put("after_reply", done.isEmpty() ? Double.NaN : (double) after);
    figures.put("rounds_with_late", done.isEmpty() ? Double.NaN : (double) late);
    figures.put("unsub_max_us", times.length == 0 ? Double.NaN : times[times.length - 1] / 1e3);
    figures.put("unsubscribes", (double) done.size());
    return new RunResult(name(), target.name(), ctx.repetition(), background.sent, done.size(), rounds, (end - start) / 1e9,
        figures, notes);
  }

  /** The nearest-rank percentile of sorted values; NaN when there are none. */
  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }
}
