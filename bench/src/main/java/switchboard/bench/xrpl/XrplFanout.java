package switchboard.bench.xrpl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end fan-out of the xrpl dialect: delivered messages per second to WebSocket subscribers.
 *
 * <p>Three parts, two JVMs. This JVM holds the load generator: a stand-in rippled ({@link Upstream})
 * that pushes validated transactions, and the subscribers ({@link Subscribers}). The server
 * ({@link XrplBenchServer}) runs in a child JVM and takes the transactions as it would from a real
 * upstream: parse, route by account, publish, render once, fan out. Both share the machine's cores.
 *
 * <p>Scenarios:
 * <ul>
 *   <li>{@code transactions N}: N connections subscribed to the {@code transactions} stream; every
 *       message goes to all N.
 *   <li>{@code accounts C K}: C connections, each subscribed to K distinct accounts (C*K account
 *       subscriptions); each transaction affects two subscribed accounts held by two different
 *       connections, so it is delivered twice.
 * </ul>
 *
 * <p>After a warm-up, it reports several consecutive windows: publishes and deliveries per second and
 * the CPU each process used. Then it stops the source and checks that every delivery arrived.
 *
 * <p>Usage: {@code XrplFanout transactions N [opt=value ...]} or {@code XrplFanout accounts C K
 * [opt=value ...]}. Options: {@code window} (messages in flight, default 500), {@code rate} (publish
 * ceiling per second, default 0: none), {@code warmup} (s, 10), {@code windows} (5), {@code seconds}
 * (per window, 10), {@code send-queue-limit} (10000), {@code pool} (distinct messages, 4096 for
 * transactions, 50000 for accounts), {@code server-jvm} (the server's JVM options, separated by spaces,
 * {@code -Xms2g -Xmx2g -XX:+AlwaysPreTouch}).
 */
public final class XrplFanout {
  /** Linux's USER_HZ, the unit of utime and stime in /proc/[pid]/stat. */
  private static final double TICKS_PER_SECOND = 100;

  private XrplFanout() {}

  public static void main(String[] args) throws Exception {
    String scenario = args[0];
    boolean accounts = scenario.equals("accounts");
    if (!accounts && !scenario.equals("transactions")) {
      throw new IllegalArgumentException("scenario is transactions or accounts, got " + scenario);
    }
    int connections = Integer.parseInt(args[1]);
    int perConnection = accounts ? Integer.parseInt(args[2]) : 0;
    Map<String, String> opt = new HashMap<>();
    for (String a : Arrays.copyOfRange(args, accounts ? 3 : 2, args.length)) {
      int eq = a.indexOf('=');
      opt.put(a.substring(0, eq), a.substring(eq + 1));
    }
    long window = Long.parseLong(opt.getOrDefault("window", "500"));
    double rate = Double.parseDouble(opt.getOrDefault("rate", "0"));
    int warmup = Integer.parseInt(opt.getOrDefault("warmup", "10"));
    int windows = Integer.parseInt(opt.getOrDefault("windows", "5"));
    int seconds = Integer.parseInt(opt.getOrDefault("seconds", "10"));
    int sendQueueLimit = Integer.parseInt(opt.getOrDefault("send-queue-limit", "10000"));
    int pool = Integer.parseInt(opt.getOrDefault("pool", accounts ? "50000" : "4096"));
    List<String> serverJvm = List.of(opt.getOrDefault("server-jvm", "-Xms2g -Xmx2g -XX:+AlwaysPreTouch").trim().split("\\s+"));

    // the messages, and for accounts the subscriptions that make each reach exactly two connections
    SplittableRandom random = new SplittableRandom(20261123);
    List<byte[]> frames = new ArrayList<>(pool);
    String[] subscribed = new String[connections * perConnection];
    long perMessage;
    String label;
    if (accounts) {
      for (int i = 0; i < subscribed.length; i++) {
        subscribed[i] = TxMessages.address(random); // account i is held by connection i / perConnection
      }
      int[] order = shuffled(subscribed.length, random);
      for (int k = 0; k < pool; k++) {
        int a = order[(2 * k) % order.length];
        int step = 1;
        int b = order[(2 * k + step) % order.length];
        while (b / perConnection == a / perConnection) {
          b = order[(2 * k + ++step) % order.length];
        }
        frames.add(Ws.serverFrame(TxMessages.payment(k, subscribed[a], subscribed[b])));
      }
      perMessage = 2;
      label = String.format("accounts connections=%d accounts-per-connection=%d subscriptions=%d",
          connections, perConnection, subscribed.length);
    } else {
      String[] others = new String[8_192];
      for (int i = 0; i < others.length; i++) {
        others[i] = TxMessages.address(random);
      }
      for (int k = 0; k < pool; k++) {
        frames.add(Ws.serverFrame(TxMessages.payment(k, others[random.nextInt(others.length)], others[random.nextInt(others.length)])));
      }
      perMessage = connections;
      label = String.format("transactions subscribers=%d", connections);
    }
    if (pool <= TxMessages.PER_LEDGER) {
      throw new IllegalArgumentException("pool must span two ledgers, or a loop would repeat hashes in one ledger");
    }
    int[] sizes = frames.stream().mapToInt(f -> f.length).sorted().toArray();

    try (Upstream upstream = new Upstream()) {
      List<String> cmd = new ArrayList<>();
      cmd.add(ProcessHandle.current().info().command().orElse("java"));
      cmd.addAll(serverJvm);
      cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), XrplBenchServer.class.getName(),
          upstream.url(), Integer.toString(sendQueueLimit)));
      Process server = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        int port = -1;
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.startsWith("xrpl-port ")) {
            port = Integer.parseInt(line.substring(10).trim());
            break;
          }
        }
        if (port < 0) {
          throw new IOException("the server did not start");
        }
        upstream.accept();
        InetSocketAddress addr = new InetSocketAddress("127.0.0.1", port);
        long setup = System.nanoTime();
        try (Subscribers subs = new Subscribers()) {
          for (int c = 0; c < connections; c++) {
            subs.add(addr, subscribeRequest(accounts, subscribed, c, perConnection));
          }
          double setupSeconds = (System.nanoTime() - setup) / 1e9;
          subs.start();
          upstream.start(frames, subs.delivered::get, perMessage, window, rate);

          System.out.printf("%s: message %d B median (%d - %d), window %d, rate ceiling %s, send-queue-limit %d, "
                  + "server JVM %s; set-up %.1f s%n",
              label, sizes[sizes.length / 2], sizes[0], sizes[sizes.length - 1], window,
              rate > 0 ? String.format("%.0f/s", rate) : "none", sendQueueLimit, String.join(" ", serverJvm), setupSeconds);
          Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
          double[] deliveredRates = new double[windows];
          double[] publishedRates = new double[windows];
          long t0 = System.nanoTime();
          long d0 = subs.delivered.get();
          long s0 = upstream.sent.get();
          long c0 = cpuTicks(server.pid());
          long g0 = cpuTicks(ProcessHandle.current().pid());
          for (int w = 0; w < windows; w++) {
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            long t1 = System.nanoTime();
            long d1 = subs.delivered.get();
            long s1 = upstream.sent.get();
            long c1 = cpuTicks(server.pid());
            long g1 = cpuTicks(ProcessHandle.current().pid());
            double dt = (t1 - t0) / 1e9;
            deliveredRates[w] = (d1 - d0) / dt;
            publishedRates[w] = (s1 - s0) / dt;
            double serverCores = (c1 - c0) / TICKS_PER_SECOND / dt;
            System.out.printf("  window %d: %.2f s, published %,.0f/s, delivered %,.0f/s, server CPU %.2f cores "
                    + "(%.1f us per publish), load generator CPU %.2f cores, closed connections %d%n",
                w + 1, dt, publishedRates[w], deliveredRates[w], serverCores,
                s1 > s0 ? (c1 - c0) / TICKS_PER_SECOND * 1e6 / (s1 - s0) : Double.NaN,
                (g1 - g0) / TICKS_PER_SECOND / dt, subs.closed.get());
            if (d1 == d0) {
              System.out.println("  stalled: nothing delivered in this window");
              break;
            }
            t0 = t1;
            d0 = d1;
            s0 = s1;
            c0 = c1;
            g0 = g1;
          }
          long sent = upstream.stop();
          long expected = sent * perMessage;
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
          while (subs.delivered.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
          }
          System.out.printf("RESULT %s: delivered %s msgs/s, published %s msgs/s (median (min - max) of %d windows of %d s); "
                  + "%,d published, %,d of %,d deliveries arrived, %d connections closed by the server%n",
              label, summary(deliveredRates), summary(publishedRates), windows, seconds,
              sent, subs.delivered.get(), expected, subs.closed.get());
        }
      } finally {
        server.getOutputStream().close(); // the server stops when its standard input closes
        byte[] rest = server.getInputStream().readAllBytes();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
          server.destroyForcibly();
        }
        String tail = new String(rest, StandardCharsets.UTF_8).trim();
        if (!tail.isEmpty()) {
          System.out.println("  server: " + tail);
        }
      }
    }
  }

  private static String subscribeRequest(boolean accounts, String[] subscribed, int c, int perConnection) {
    if (!accounts) {
      return "{\"id\":1,\"command\":\"subscribe\",\"api_version\":2,\"streams\":[\"transactions\"]}";
    }
    StringBuilder b = new StringBuilder("{\"id\":1,\"command\":\"subscribe\",\"api_version\":2,\"accounts\":[");
    for (int i = 0; i < perConnection; i++) {
      b.append(i == 0 ? "\"" : ",\"").append(subscribed[c * perConnection + i]).append('"');
    }
    return b.append("]}").toString();
  }

  private static int[] shuffled(int n, SplittableRandom random) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  private static String summary(double[] rates) {
    double[] s = rates.clone();
    Arrays.sort(s);
    return String.format("%,.0f (%,.0f - %,.0f)", s[s.length / 2], s[0], s[s.length - 1]);
  }

  /** User and system CPU of a process so far, in ticks. */
  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15: utime, stime
  }
}
