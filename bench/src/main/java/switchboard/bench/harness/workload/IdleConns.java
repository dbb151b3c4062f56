package switchboard.bench.harness.workload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import switchboard.bench.harness.Conn;
import switchboard.bench.harness.Interest;
import switchboard.bench.harness.Loop;
import switchboard.bench.harness.Metric;
import switchboard.bench.harness.Profile;
import switchboard.bench.harness.Progress;
import switchboard.bench.harness.Publisher;
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
 * the first connect to {@link #SETTLE} after the last, divided by N: for a JVM (Switchboard) the heap
 * in use after a full GC ({@code jcmd <pid> GC.run}, then {@code GC.heap_info}), its resident set
 * being mostly a heap sized up front; for the others the resident set. The resident-set growth is
 * reported for every target too. At the end every connection is closed and the run waits until the
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
  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  private final int connections;

  private IdleConns(int connections) {
    this.connections = connections;
  }

  /** 200 connections (smoke), 5,000 (quick), 10,000 (full). */
  public static List<Workload> cases(Profile p) {
    return List.of(new IdleConns(p.pick(200, 5_000, 10_000)));
  }

  @Override
  public String name() {
    return "idle-conns-" + (connections % 1000 == 0 ? connections / 1000 + "k" : Integer.toString(connections));
  }

  @Override
  public String method() {
    return connections + " connections, each connect (WebSocket upgrade where there is one), hello and one subscription to a "
        + "topic of its own, " + IN_FLIGHT + " in set-up at a time on one loop; connects/s = connections up / time from the first "
        + "connect to the last subscription's reply; server KiB per connection = growth over the run / connections, " + SETTLE.toSeconds()
        + " s after the last: for Switchboard (a JVM) the heap in use after a full GC (jcmd GC.run, GC.heap_info), for the others "
        + "the resident set; the resident set's growth per connection is shown for every target";
  }

  @Override
  public List<Metric> metrics() {
    return List.of(
        Metric.compared("conns_per_s", "connects/s (with hello and subscribe)", true),
        Metric.compared("kib_per_conn", "server KiB per connection (JVM: live heap)", false),
        Metric.shown("rss_kib_per_conn", "server RSS KiB per connection", false));
  }

  /** The server's memory: heap in use after a full GC (KiB; -1 when not a JVM or unknown), resident set (KiB, or -1). */
  private record Memory(long heapKib, long rssKib) {}

  @Override
  public RunResult run(RunContext ctx) throws Exception {
    Target target = ctx.target();
    ServerProcess server = target.server();
    // a warm-up never opens more than a measured run (the first workload's would open five times as many)
    int n = (int) Math.min(connections, ctx.scaled(connections));
    int port = target.address().getPort();
    boolean jvm = isJvm(server.pid());
    List<String> notes = new ArrayList<>();
    int held0 = TcpSockets.held(port);
    Memory before = memory(server, jvm, notes);
    AtomicInteger up = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicLong lastUp = new AtomicLong();
    int started = 0;
    boolean stalled = false;
    long t0;
    long t1;
    Memory after;
    int lost;
    List<String> reasons;
    try (Loop loop = new Loop("idle-" + target.name())) {
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
      after = memory(server, jvm, notes);
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
          Publisher.STALL.toSeconds(), started, n, ok));
    }
    if (failed.get() > 0) {
      notes.add(String.format("incomplete: %d of %d connections failed, first: %s", failed.get(), n, reasons.isEmpty() ? "?" : reasons.get(0)));
    }
    if (lost > failed.get()) {
      notes.add(String.format("%d connection(s) lost after coming up, first: %s", lost - failed.get(), reasons.isEmpty() ? "?" : reasons.get(0)));
    }
    double seconds = (t1 - t0) / 1e9;
    double rssPer = before.rssKib() < 0 || after.rssKib() < 0 || ok == 0 ? Double.NaN : (after.rssKib() - before.rssKib()) / (double) ok;
    double heapPer = before.heapKib() < 0 || after.heapKib() < 0 || ok == 0 ? Double.NaN : (after.heapKib() - before.heapKib()) / (double) ok;
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("conns_per_s", ok == 0 || seconds <= 0 ? Double.NaN : ok / seconds);
    figures.put("kib_per_conn", jvm ? heapPer : rssPer);
    figures.put("rss_kib_per_conn", rssPer);
    figures.put("heap_kib_per_conn", heapPer);
    figures.put("connections_up", (double) ok);
    figures.put("server_rss_mib", after.rssKib() < 0 ? Double.NaN : after.rssKib() / 1024.0);
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

  /** Whether the process is a JVM (its command is {@code java}), whose heap jcmd can read. */
  static boolean isJvm(long pid) {
    return pid >= 0 && ProcessHandle.of(pid).flatMap(h -> h.info().command())
        .map(c -> Path.of(c).getFileName().toString().equals("java")).orElse(false);
  }

  private static Memory memory(ServerProcess server, boolean jvm, List<String> notes) throws InterruptedException {
    long heap = -1;
    if (jvm) {
      try {
        jcmd(server.pid(), "GC.run");
        Matcher m = USED.matcher(jcmd(server.pid(), "GC.heap_info"));
        if (m.find()) {
          heap = Long.parseLong(m.group(1));
        } else if (notes.isEmpty()) {
          notes.add("jcmd GC.heap_info said no \"used NK\": the heap is unknown");
        }
      } catch (IOException e) {
        if (notes.isEmpty()) {
          notes.add("jcmd failed: " + e.getMessage());
        }
      }
    }
    return new Memory(heap, server.rssKib());
  }

  /** What {@code jcmd <pid> <command>} prints; the JDK's own jcmd, else the one on the PATH. */
  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Path own = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    String bin = Files.isExecutable(own) ? own.toString() : "jcmd";
    Path log = Files.createTempFile("jcmd-", ".txt");
    try {
      Process p = new ProcessBuilder(bin, Long.toString(pid), command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("jcmd " + pid + " " + command + " took more than 30 s");
      }
      String out = Files.readString(log, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IOException("jcmd " + pid + " " + command + ": exit " + p.exitValue() + ": " + out.strip());
      }
      return out;
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
