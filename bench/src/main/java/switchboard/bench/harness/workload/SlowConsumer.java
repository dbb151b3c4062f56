package switchboard.bench.harness.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import switchboard.bench.harness.Conn;
import switchboard.bench.harness.Deliveries;
import switchboard.bench.harness.Interest;
import switchboard.bench.harness.Loop;
import switchboard.bench.harness.Meter;
import switchboard.bench.harness.Metric;
import switchboard.bench.harness.Profile;
import switchboard.bench.harness.Publishing;
import switchboard.bench.harness.Replies;
import switchboard.bench.harness.RunContext;
import switchboard.bench.harness.RunResult;
import switchboard.bench.harness.ServerProcess;
import switchboard.bench.harness.Subscribers;
import switchboard.bench.harness.Target;
import switchboard.bench.harness.Workload;

/**
 * {@code slow-consumer-1KB-rNk}: ten subscribers and one that stops reading, on one topic; one
 * publisher, open loop at N msgs/s of 1 KB for a fixed time, each message carrying its intended send
 * time. The slow one subscribes like the others, then its connection stops reading (the generator
 * takes its socket off the selector), so what the server sends it piles up in the kernel's buffers
 * (some 4 MB on this loopback), then in the server. Figures: the ten others' latency (as {@link
 * Latency} takes it), the growth of the server's resident memory (sampled every second), and when the
 * server cut the slow one, if it did: seen from the outside every {@value #WATCH_MILLIS} ms in
 * /proc/net/tcp, where the server's end of the connection leaves ESTABLISHED the moment it closes it,
 * even though its unsent data keeps the FIN from reaching a reader that does not read. After the run
 * the slow one reads again, which tells how it was cut (the end of the stream, a reset, a WebSocket
 * close) and how many messages it had been sent before. The payload is 1 KB so that at 10k msgs/s
 * (10 MB/s) the servers' own limits (Switchboard's outbox 16 MiB, Redis's pubsub output buffer
 * 32 MB, NATS's pending 64 MB) rather than the kernel's buffers decide within the run.
 *
 * <p>In the result, {@code sent} is the messages published, {@code expected} and {@code delivered} the
 * ten others' deliveries.
 */
public final class SlowConsumer implements Workload {
  private static final int SUBSCRIBERS = 10;
  static final int PAYLOAD = 1024;
  static final long WATCH_MILLIS = 100;
  private static final long DRAIN_SECONDS = 10;
  /** How long the slow one may take, reading again, to reach the end of a stream the server closed. */
  private static final Duration READ_OUT = Duration.ofSeconds(10);

  private final int rate;
  private final long seconds;

  private SlowConsumer(int rate, long seconds) {
    this.rate = rate;
    this.seconds = seconds;
  }

  /**
   * 5k msgs/s for 2 s (smoke: 10 MB, enough to pass small limits, not Switchboard's defaults), 10k
   * msgs/s for 10 s (quick) and 30 s (full).
   */
  public static List<Workload> cases(Profile p) {
    return List.of(new SlowConsumer(p.pick(5_000, 10_000, 10_000), p.pick(2L, 3L, 15L)));
  }

  @Override
  public String name() {
    return "slow-consumer-1KB-r" + (rate / 1000) + "k";
  }

  @Override
  public String method() {
    return "open loop at " + rate + " msgs/s of " + PAYLOAD + " B for " + seconds + " s, 1 publisher, " + SUBSCRIBERS
        + " subscribers and 1 that stops reading right after subscribing; the others' latency from the intended send time "
        + "(HdrHistogram); the server's RSS every second, its largest growth over the start (for Switchboard a JVM with its "
        + "heap sized up front, whose RSS grows as the heap is touched); when the server closed the slow one's connection "
        + "(its end leaving ESTABLISHED in /proc/net/tcp, polled every " + WATCH_MILLIS + " ms), n/a when it did not";
  }

  @Override
  public List<Metric> metrics() {
    return List.of(
        Metric.shown("p50_us", "others' p50 µs", false),
        Metric.compared("p99_us", "others' p99 µs", false),
        Metric.shown("rss_growth_mib", "server RSS growth MiB", false),
        Metric.shown("cut_after_s", "slow one cut after s", false),
        Metric.shown("slow_received", "msgs the slow one got", false));
  }

  /**
   * Watches, on a thread of its own, the slow one's connection in /proc/net/tcp and the server's
   * resident memory. Its fields are read after {@link #stop}.
   */
  private static final class Watch implements Runnable {
    private final ServerProcess server;
    private final int serverPort;
    private final int clientPort;
    private volatile boolean stop;
    private final Thread thread;
    long rss0 = -1;
    long rssMax = -1;
    boolean seen;
    long cutNanos;
    /** The two ends when the cut was seen: the server's and the client's, "gone" when not listed. */
    String cutStates;
    /** At the last look while established: bytes the server's end had not got acknowledged, bytes the client's end held unread. */
    long serverUnsent = -1;
    long clientUnread = -1;

    Watch(ServerProcess server, int serverPort, int clientPort) {
      this.server = server;
      this.serverPort = serverPort;
      this.clientPort = clientPort;
      this.rss0 = server.rssKib();
      this.rssMax = rss0;
      this.thread = new Thread(this, "slow-consumer-watch");
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void run() {
      long nextRss = System.nanoTime() + 1_000_000_000L;
      while (!stop) {
        if (cutNanos == 0 && clientPort > 0) {
          look();
        }
        long now = System.nanoTime();
        if (now >= nextRss) {
          long rss = server.rssKib();
          rssMax = Math.max(rssMax, rss);
          nextRss += 1_000_000_000L;
        }
        LockSupport.parkNanos(WATCH_MILLIS * 1_000_000);
      }
      rssMax = Math.max(rssMax, server.rssKib());
    }

    private void look() {
      List<TcpSockets.Entry> all = TcpSockets.read();
      TcpSockets.Entry theirs = TcpSockets.find(all, serverPort, clientPort);
      TcpSockets.Entry ours = TcpSockets.find(all, clientPort, serverPort);
      boolean up = theirs != null && ours != null && theirs.state() == TcpSockets.ESTABLISHED && ours.state() == TcpSockets.ESTABLISHED;
      if (up) {
        seen = true;
        serverUnsent = theirs.txQueue();
        clientUnread = ours.rxQueue();
      } else if (seen) {
        cutNanos = System.nanoTime();
        cutStates = "the server's end " + (theirs == null ? "gone" : theirs.stateName()) + ", the slow one's "
            + (ours == null ? "gone" : ours.stateName());
      }
    }

    void stop() throws InterruptedException {
      stop = true;
      thread.join();
    }
  }

  @Override
  public RunResult run(RunContext ctx) throws Exception {
    Target target = ctx.target();
    String topic = ctx.topic("c");
    Interest interest = Interest.topic(topic);
    // a warm-up is never longer than a measured run (the first workload's would be five times as long)
    long runSeconds = Math.min(seconds, ctx.scaled(seconds));
    long total = rate * runSeconds;
    Deliveries sink = Deliveries.timed();
    Deliveries slowSink = Deliveries.counting();
    List<String> notes = new ArrayList<>();
    long sent = 0;
    boolean stalled = false;
    Meter meter;
    Watch watch;
    String how = null;
    boolean readOut = false;
    try (Subscribers subs = Subscribers.connect(ctx, SUBSCRIBERS, sink); Loop slowLoop = new Loop("slow-" + target.name())) {
      subs.subscribeAll(interest);
      Replies ready = new Replies(1);
      Conn slow = slowLoop.connect(target, ctx.client("slow"), slowSink, ready);
      ready.await(Subscribers.SET_UP, target.name() + ": connecting the slow subscriber");
      Replies subscribed = new Replies(1);
      slow.subscribe(interest, 1, subscribed);
      subscribed.await(Subscribers.SET_UP, target.name() + ": subscribing the slow subscriber");
      slow.pauseReading();
      try (Publishing pub = target.publisher(ctx.client("p"), Subscribers.SET_UP)) {
        watch = new Watch(target.server(), target.address().getPort(), slow.localPort());
        meter = Meter.start(target.server());
        long start = meter.startNanos();
        try {
          Paced.Result r = Paced.publish(pub, topic, PAYLOAD, rate, total, start, () -> false);
          sent = r.sent();
          stalled = r.stalled();
          stalled = stalled || Paced.drain(pub, sink, sent * SUBSCRIBERS, Math.max(DRAIN_SECONDS, runSeconds), notes);
          meter.stop(sink.lastNanos() > start ? sink.lastNanos() : System.nanoTime());
        } finally {
          watch.stop();
        }
      }
      // the slow one reads again: what the kernel held, then the end of the stream if the server closed it
      slow.resumeReading();
      long deadline = System.nanoTime() + READ_OUT.toNanos();
      long lastCount = -1;
      long quietSince = System.nanoTime();
      while (slowLoop.failedCount() == 0 && System.nanoTime() < deadline) {
        long c = slowSink.count();
        if (c != lastCount) {
          lastCount = c;
          quietSince = System.nanoTime();
        } else if (watch.cutNanos == 0 && System.nanoTime() - quietSince > 500_000_000L) {
          break; // not cut: what it was sent has arrived, and nothing says it will end
        }
        LockSupport.parkNanos(1_000_000);
      }
      if (slowLoop.failedCount() > 0) {
        how = slowLoop.failures().get(0);
        readOut = true;
      }
      notes.addAll(subs.failures());
    }
    long expected = sent * SUBSCRIBERS;
    long delivered = sink.count();
    Histogram h = sink.histogram();
    double cutAfter = watch.cutNanos > 0 ? (watch.cutNanos - meter.startNanos()) / 1e9 : Double.NaN;
    long slowGot = slowSink.count();
    if (watch.cutNanos > 0) {
      notes.add(String.format("slow subscriber cut after %.1f s (%s; before, %s bytes unacknowledged on the server's end and %s unread on "
          + "the slow one's); reading again it got %,d of %,d messages and then %s", cutAfter, watch.cutStates,
          bytes(watch.serverUnsent), bytes(watch.clientUnread), slowGot, sent, readOut ? "\"" + how + "\"" : "no end of stream within "
          + READ_OUT.toSeconds() + " s"));
    } else if (readOut) {
      notes.add(String.format("slow subscriber cut, %s: it got %,d of %,d messages, then \"%s\"",
          watch.seen ? "after the measured stretch (its socket still established in /proc/net/tcp until then)"
              : "when is unknown (its socket not found in /proc/net/tcp)", slowGot, sent, how));
    } else {
      notes.add(String.format("slow subscriber not cut within the run (%d s); at the end %s bytes unacknowledged on the server's end; "
          + "reading again it got %,d of %,d messages%s", runSeconds, bytes(watch.serverUnsent), slowGot, sent,
          slowGot < sent ? String.format(" (%,d never came: dropped by the server)", sent - slowGot) : ""));
    }
    if (stalled) {
      notes.add("stalled: nothing moved for " + Publishing.STALL.toSeconds() + " s");
    }
    if (delivered != expected) {
      notes.add(String.format("incomplete: the others got %,d of %,d deliveries", delivered, expected));
    }
    if (sink.unstamped() > 0) {
      notes.add(sink.unstamped() + " deliveries carried no send time");
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("p50_us", micros(h, 50));
    figures.put("p99_us", micros(h, 99));
    figures.put("rss_growth_mib", watch.rss0 < 0 || watch.rssMax < 0 ? Double.NaN : (watch.rssMax - watch.rss0) / 1024.0);
    figures.put("cut_after_s", cutAfter);
    figures.put("slow_received", (double) slowGot);
    figures.put("cut", watch.cutNanos > 0 || readOut ? 1.0 : 0.0);
    figures.put("p999_us", micros(h, 99.9));
    figures.put("max_us", h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue() / 1e3);
    figures.put("recorded", (double) h.getTotalCount());
    figures.put("server_rss_max_mib", watch.rssMax < 0 ? Double.NaN : watch.rssMax / 1024.0);
    figures.put("server_cpu_s", meter.serverCpuSeconds());
    return new RunResult(name(), target.name(), ctx.repetition(), sent, delivered, expected, meter.seconds(), figures, notes);
  }

  private static String bytes(long n) {
    return n < 0 ? "?" : String.format("%,d", n);
  }

  private static double micros(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1e3;
  }
}
