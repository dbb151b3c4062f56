package switchboard.bench.harness.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import switchboard.bench.harness.Conn;
import switchboard.bench.harness.Interest;
import switchboard.bench.harness.Loop;
import switchboard.bench.harness.Metric;
import switchboard.bench.harness.Profile;
import switchboard.bench.harness.Progress;
import switchboard.bench.harness.Publishing;
import switchboard.bench.harness.Replies;
import switchboard.bench.harness.RunContext;
import switchboard.bench.harness.RunResult;
import switchboard.bench.harness.ServerProcess;
import switchboard.bench.harness.Target;
import switchboard.bench.harness.Workload;

/**
 * {@code idle-conns-N}: N connections that each connect (and upgrade, over WebSocket), say their
 * hello and subscribe to a topic of their own, then sit idle: how fast the target takes them on, and
 * what each costs it in memory. All on one loop, {@value #IN_FLIGHT} in set-up at a time, each
 * subscribing the moment its hello is answered. Connects per second is N over the time from the first
 * connect to the last subscription's reply. Memory per connection is the server's growth from before
 * the first connect to {@link #SETTLE} after the last, divided by N, in the bytes the server says it
 * holds ({@link ServerMemory}: a JVM's live heap after a full GC, Redis's {@code used_memory},
 * mosquitto's {@code $SYS} heap; the resident set only for nats-server), since a resident set keeps
 * what an earlier run freed and stops growing after the first run. The resident set's growth is
 * shown for every target too. At the end every connection is closed and the run waits until the
 * server has let go of them (its ends of the connections gone from /proc/net/tcp), so that the next
 * run starts from the same count; a server that keeps them is noted.
 *
 * <p>In the result, {@code sent} is the connections begun, {@code expected} N and {@code delivered}
 * the connections that came up and subscribed.
 */
public final class IdleConns implements Workload {
  /** Connections being set up at once: under every server's accept backlog (Mosquitto's is 100). */
  static final int IN_FLIGHT = 64;
  /** The wait, after the last subscription, before the server's memory is read. */
  static final Duration SETTLE = Duration.ofSeconds(1);
  /** How long the server may take to let go of closed connections. */
  private static final Duration RELEASE = Duration.ofSeconds(15);

  private final int connections;

  private IdleConns(int connections) {
    this.connections = connections;
  }

  /** 200 connections (smoke), 5,000 (quick), 10,000 (full). */
  public static List<Workload> cases(Profile p) {
    return List.of(new IdleConns(p.pick(200, 2_000, 10_000)));
  }

  @Override
  public String name() {
    return "idle-conns-" + (connections % 1000 == 0 ? connections / 1000 + "k" : Integer.toString(connections));
  }

  @Override
  public String method() {
    return connections + " connections, each connect (WebSocket upgrade where there is one), hello and one subscription to a "
        + "topic of its own, " + IN_FLIGHT + " in set-up at a time on one loop; connects/s = connections up / time from the first "
        + "connect to the last subscription's reply; server KiB per connection = growth / connections, " + SETTLE.toSeconds()
        + " s after the last, of the bytes the server holds: Switchboard (a JVM) its live heap after a full GC (jcmd "
        + "GC.class_histogram), Redis used_memory, mosquitto $SYS/broker/heap/current, nats-server its resident set (true of "
        + "a fresh server only); the resident set's growth per connection is shown for every target";
  }

  /** Not on a protocol whose every topic must be created first: each connection has a topic of its own. */
  @Override
  public boolean supports(Target target) {
    return !target.protocol().preparesTopics();
  }

  @Override
  public List<Metric> metrics() {
    return List.of(
        Metric.compared("conns_per_s", "connects/s (with hello and subscribe)", true),
        Metric.compared("kib_per_conn", "server KiB per connection", false),
        Metric.shown("rss_kib_per_conn", "server RSS KiB per connection", false));
  }

  @Override
  public RunResult run(RunContext ctx) throws Exception {
    Target target = ctx.target();
    ServerProcess server = target.server();
    // a warm-up never opens more than a measured run (the first workload's would open five times as many)
    int n = (int) Math.min(connections, ctx.scaled(connections));
    int port = target.address().getPort();
    List<String> notes = new ArrayList<>();
    ServerMemory memory = new ServerMemory(target);
    long before;
    long after;
    long rss0;
    long rss1;
    int held0;
    AtomicInteger up = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicLong lastUp = new AtomicLong();
    int started = 0;
    boolean stalled = false;
    long t0;
    long t1;
    int lost;
    List<String> reasons;
    try (memory; Loop loop = new Loop("idle-" + target.name())) {
      before = memory.bytes();
      rss0 = server.rssKib();
      held0 = TcpSockets.held(port);
      Progress progress = new Progress();
      t0 = System.nanoTime();
      while (started < n || up.get() + failed.get() < started) {
        int finished = up.get() + failed.get();
        if (started < n && started - finished < IN_FLIGHT) {
          open(ctx, loop, started++, up, failed, lastUp);
          continue;
        }
        if (progress.stalled(finished)) {
          stalled = true;
          break;
        }
        LockSupport.parkNanos(100_000);
      }
      t1 = up.get() == 0 ? System.nanoTime() : lastUp.get();
      Thread.sleep(SETTLE.toMillis());
      after = memory.bytes();
      rss1 = server.rssKib();
      lost = loop.failedCount();
      reasons = loop.failures();
    }
    long deadline = System.nanoTime() + RELEASE.toNanos();
    int held = TcpSockets.held(port);
    while (held > held0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      held = TcpSockets.held(port);
    }
    if (held > held0) {
      notes.add(String.format("the server still held %d connection(s) %d s after they were closed", held - held0, RELEASE.toSeconds()));
    }
    int ok = up.get();
    if (stalled) {
      notes.add(String.format("stalled: no connection came up or failed for %d s; %d of %d begun, %d up",
          Publishing.STALL.toSeconds(), started, n, ok));
    }
    if (failed.get() > 0) {
      notes.add(String.format("incomplete: %d of %d connections failed, first: %s", failed.get(), n, reasons.isEmpty() ? "?" : reasons.get(0)));
    }
    if (lost > failed.get()) {
      notes.add(String.format("%d connection(s) lost after coming up, first: %s", lost - failed.get(), reasons.isEmpty() ? "?" : reasons.get(0)));
    }
    double seconds = (t1 - t0) / 1e9;
    if (memory.problem() != null) {
      notes.add("the server's memory is unknown: " + memory.problem());
    }
    double rssPer = rss0 < 0 || rss1 < 0 || ok == 0 ? Double.NaN : (rss1 - rss0) / (double) ok;
    double bytesPer = before < 0 || after < 0 || ok == 0 ? Double.NaN : (after - before) / (double) ok;
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("conns_per_s", ok == 0 || seconds <= 0 ? Double.NaN : ok / seconds);
    figures.put("kib_per_conn", bytesPer / 1024);
    figures.put("rss_kib_per_conn", rssPer);
    figures.put("memory_is_live_heap", memory.measure() == ServerMemory.Measure.LIVE_HEAP ? 1.0 : 0.0);
    figures.put("connections_up", (double) ok);
    figures.put("server_rss_mib", rss1 < 0 ? Double.NaN : rss1 / 1024.0);
    return new RunResult(name(), target.name(), ctx.repetition(), started, ok, n, seconds, figures, notes);
  }

  /** Opens connection {@code i}; its subscription goes out, from the loop, the moment its hello is answered. */
  private static void open(RunContext ctx, Loop loop, int i, AtomicInteger up, AtomicInteger failed, AtomicLong lastUp) {
    Replies ready = new Replies(1);
    Conn conn = loop.connect(ctx.target(), ctx.client("i" + i), (buf, from, to) -> { }, ready);
    Interest interest = Interest.topic(ctx.topic("i" + i));
    ready.whenDone(error -> {
      if (error != null) {
        failed.incrementAndGet();
        return;
      }
      Replies subscribed = new Replies(1);
      subscribed.whenDone(e -> {
        if (e != null) {
          failed.incrementAndGet();
        } else {
          lastUp.accumulateAndGet(System.nanoTime(), Math::max);
          up.incrementAndGet();
        }
      });
      conn.subscribe(interest, 1, subscribed);
    });
  }

}
