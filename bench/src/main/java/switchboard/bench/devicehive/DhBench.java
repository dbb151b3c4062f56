package switchboard.bench.devicehive;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import switchboard.bench.harness.Proc;

/**
 * The devicehive dialect over its WebSocket API, against a running server:
 *
 * <ul>
 *   <li>{@code fanout}: one device, {@code subscribers} connections each authenticated and subscribed
 *       with {@code notification/subscribe} to it, read by one selector thread that counts pushes; one
 *       publisher connection sends {@code notification/insert} and keeps at most {@code window}
 *       notifications in flight beyond what every subscriber has received (closed loop). Delivered
 *       pushes per second.
 *   <li>{@code inserts}: {@code connections} connections each keep {@code window} requests
 *       ({@code notification/insert} or {@code command/insert}) outstanding; acknowledged (persisted)
 *       inserts per second. No subscriber.
 * </ul>
 *
 * One unmeasured warm-up run ({@code warmup} times the messages, default 1: with a fifth the server's
 * JIT was still compiling through the measured runs) precedes {@code repeats} measured runs.
 *
 * <p>Usage: {@code DhBench fanout|inserts [--server host:port] [--path /dh/websocket]
 * [--login dhadmin] [--password P] [--subscribers 1000] [--connections 4] [--messages N]
 * [--window W] [--kind notification|command] [--repeats 3] [--warmup 1] [--label text]}
 */
public final class DhBench {
  private String mode;
  private InetSocketAddress server = new InetSocketAddress("127.0.0.1", 8080);
  private String path = "/dh/websocket";
  private String login = "dhadmin";
  private String password = "bench";
  private int subscribers = 1000;
  private int connections = 4;
  private long messages = -1;
  private long window = -1;
  private String kind = "notification";
  private int repeats = 3;
  private double warmup = 1;
  private String label = "";
  private final String parameters = "{\"v\":\"" + "x".repeat(92) + "\"}"; // 100 bytes

  public static void main(String[] args) throws Exception {
    DhBench b = new DhBench();
    b.mode = args.length > 0 ? args[0] : "fanout";
    for (int i = 1; i + 1 < args.length; i += 2) {
      String v = args[i + 1];
      switch (args[i]) {
        case "--server" -> {
          int colon = v.lastIndexOf(':');
          b.server = new InetSocketAddress(v.substring(0, colon), Integer.parseInt(v.substring(colon + 1)));
        }
        case "--path" -> b.path = v;
        case "--login" -> b.login = v;
        case "--password" -> b.password = v;
        case "--subscribers" -> b.subscribers = Integer.parseInt(v);
        case "--connections" -> b.connections = Integer.parseInt(v);
        case "--messages" -> b.messages = Long.parseLong(v);
        case "--window" -> b.window = Long.parseLong(v);
        case "--kind" -> b.kind = v;
        case "--repeats" -> b.repeats = Integer.parseInt(v);
        case "--warmup" -> b.warmup = Double.parseDouble(v);
        case "--label" -> b.label = v;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    switch (b.mode) {
      case "fanout" -> b.fanout();
      case "inserts" -> b.inserts();
      default -> throw new IllegalArgumentException("fanout or inserts, not " + b.mode);
    }
  }

  private String insertFrame(String deviceId, long requestId) {
    String body = kind.equals("command")
        ? "\"command\":{\"command\":\"c\",\"parameters\":" + parameters + "}"
        : "\"notification\":{\"notification\":\"n\",\"parameters\":" + parameters + "}";
    return "{\"action\":\"" + kind + "/insert\",\"requestId\":" + requestId + ",\"deviceId\":\"" + deviceId + "\"," + body + "}";
  }

  /** An authenticated admin session and a fresh device; returns the device id. */
  private String setUp(DhSession admin, String[] tokenOut) throws IOException {
    String token = admin.token(login, password);
    admin.authenticate(token);
    String deviceId = "bench-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    admin.createDevice(deviceId);
    tokenOut[0] = token;
    return deviceId;
  }

  private void fanout() throws Exception {
    long msgs = messages > 0 ? messages : 2_000;
    long win = window > 0 ? window : 50;
    long pid = Proc.pidListening(server.getPort());
    DhSession admin = DhSession.open(server, path);
    String[] token = new String[1];
    String deviceId = setUp(admin, token);
    long t0 = System.nanoTime();
    List<WsClient> subs = new ArrayList<>();
    for (int i = 0; i < subscribers; i++) {
      DhSession s = DhSession.open(server, path);
      s.authenticate(token[0]);
      s.subscribeNotifications(deviceId);
      subs.add(s.ws());
    }
    System.out.printf("devicehive fan-out %s: %d subscribers to device %s connected, authenticated and subscribed in %.1f s; server RSS %s%n",
        label, subscribers, deviceId, (System.nanoTime() - t0) / 1e9, mib(Proc.rssKib(pid)));
    AtomicLong delivered = new AtomicLong();
    Selector sel = Selector.open();
    for (WsClient c : subs) {
      c.channel().configureBlocking(false);
      c.channel().register(sel, SelectionKey.OP_READ, ByteBuffer.allocateDirect(64 * 1024));
    }
    Thread reader = new Thread(() -> countFrames(sel, delivered), "dh-reader");
    reader.setDaemon(true);
    reader.start();

    DhSession pub = DhSession.open(server, path);
    pub.authenticate(token[0]);
    AtomicLong replies = new AtomicLong();
    AtomicReference<String> failure = new AtomicReference<>();
    Thread replyReader = new Thread(() -> countReplies(pub.ws(), replies, failure), "dh-replies");
    replyReader.setDaemon(true);
    replyReader.start();

    double[] rates = new double[repeats];
    long[] requestId = {1000};
    fanoutRun(pub, deviceId, Math.max(1, (long) (msgs * warmup)), win, delivered, replies, failure, pid, requestId, "warm-up");
    for (int r = 0; r < repeats; r++) {
      rates[r] = fanoutRun(pub, deviceId, msgs, win, delivered, replies, failure, pid, requestId, "run " + (r + 1));
    }
    sel.close();
    for (WsClient c : subs) {
      c.channel().close();
    }
    pub.ws().channel().close();
    Arrays.sort(rates);
    System.out.printf("| %s | %d | %,d | %s (%s – %s) | %s |%n", label, subscribers, msgs,
        k(rates[repeats / 2]), k(rates[0]), k(rates[repeats - 1]), mib(Proc.rssKib(pid)));
  }

  private double fanoutRun(DhSession pub, String deviceId, long msgs, long win, AtomicLong delivered, AtomicLong replies,
      AtomicReference<String> failure, long pid, long[] requestId, String name) throws Exception {
    long base = delivered.get();
    long replyBase = replies.get();
    long expected = msgs * subscribers;
    long cpu0 = Proc.cpuNanos(pid);
    long start = System.nanoTime();
    long lastProgress = start;
    long lastSeen = -1;
    boolean stalled = false;
    long sent = 0;
    sending:
    while (sent < msgs) {
      while (sent * subscribers - (delivered.get() - base) > win * subscribers) {
        long d = delivered.get();
        if (d != lastSeen) {
          lastSeen = d;
          lastProgress = System.nanoTime();
        } else if (System.nanoTime() - lastProgress > 10_000_000_000L || failure.get() != null) {
          stalled = true;
          break sending;
        }
        Thread.onSpinWait();
      }
      pub.ws().send(insertFrame(deviceId, requestId[0]++));
      sent++;
    }
    lastProgress = System.nanoTime();
    while (!stalled && delivered.get() - base < expected) {
      Thread.sleep(1);
      long d = delivered.get();
      if (d != lastSeen) {
        lastSeen = d;
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > 10_000_000_000L) {
        stalled = true;
      }
    }
    long end = stalled ? lastProgress : System.nanoTime();
    double seconds = (end - start) / 1e9;
    long got = delivered.get() - base;
    long cpu = Proc.cpuNanos(pid) - cpu0;
    System.out.printf("  %-8s %,10.0f pushes/s (%,d of %,d in %.2f s; %,.0f inserts/s, %,d acknowledged; server CPU %.2f s; server RSS %s)%s%s%n",
        name, got / seconds, got, expected, seconds, sent / seconds, replies.get() - replyBase, cpu / 1e9,
        mib(Proc.rssKib(pid)), stalled ? "  STALLED" : "",
        failure.get() != null ? "  first failure: " + failure.get() : "");
    return got / seconds;
  }

  private static void countFrames(Selector sel, AtomicLong delivered) {
    try {
      while (sel.isOpen()) {
        sel.select();
        long n = 0;
        for (SelectionKey key : sel.selectedKeys()) {
          var ch = (java.nio.channels.SocketChannel) key.channel();
          ByteBuffer buf = (ByteBuffer) key.attachment();
          if (ch.read(buf) < 0) {
            key.cancel();
            continue;
          }
          buf.flip();
          n += WsClient.frames(buf);
          buf.compact();
        }
        sel.selectedKeys().clear();
        delivered.addAndGet(n);
      }
    } catch (ClosedSelectorException | ClosedChannelException e) {
      // the run is over
    } catch (IOException e) {
      System.err.println("reader stopped: " + e);
    }
  }

  /** Counts successful replies on a blocking connection; keeps the first failure. */
  private static void countReplies(WsClient ws, AtomicLong ok, AtomicReference<String> failure) {
    try {
      while (true) {
        String reply = ws.receive();
        if (reply.contains("\"status\":\"success\"")) {
          ok.incrementAndGet();
        } else {
          failure.compareAndSet(null, reply);
        }
      }
    } catch (IOException e) {
      // closed at the end of the run
    }
  }

  private void inserts() throws Exception {
    long perConnection = messages > 0 ? messages : 5_000;
    long win = window > 0 ? window : 16;
    long pid = Proc.pidListening(server.getPort());
    DhSession admin = DhSession.open(server, path);
    String[] token = new String[1];
    String deviceId = setUp(admin, token);
    List<WsClient> conns = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      DhSession s = DhSession.open(server, path);
      s.authenticate(token[0]);
      conns.add(s.ws());
    }
    System.out.printf("devicehive %s/insert %s: %d connections, %d outstanding each, device %s%n",
        kind, label, connections, win, deviceId);
    insertRun(conns, deviceId, Math.max(1, (long) (perConnection * warmup)), win, pid, "warm-up");
    double[] rates = new double[repeats];
    for (int r = 0; r < repeats; r++) {
      rates[r] = insertRun(conns, deviceId, perConnection, win, pid, "run " + (r + 1));
    }
    for (WsClient c : conns) {
      c.channel().close();
    }
    Arrays.sort(rates);
    System.out.printf("| %s | %s/insert | %d × %d | %,d | %s (%s – %s) | %s |%n", label, kind, connections, win,
        perConnection * connections, k(rates[repeats / 2]), k(rates[0]), k(rates[repeats - 1]),
        mib(Proc.rssKib(pid)));
  }

  private double insertRun(List<WsClient> conns, String deviceId, long perConnection, long win, long pid, String name)
      throws Exception {
    AtomicLong ok = new AtomicLong();
    AtomicReference<String> failure = new AtomicReference<>();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (WsClient c : conns) {
      Thread t = new Thread(() -> {
        try {
          go.await();
          long sent = 0;
          long id = 1;
          for (; sent < Math.min(win, perConnection); sent++) {
            c.send(insertFrame(deviceId, id++));
          }
          for (long got = 0; got < perConnection; got++) {
            String reply = c.receive();
            if (reply.contains("\"status\":\"success\"")) {
              ok.incrementAndGet();
            } else {
              failure.compareAndSet(null, reply);
            }
            if (sent < perConnection) {
              c.send(insertFrame(deviceId, id++));
              sent++;
            }
          }
        } catch (IOException | InterruptedException e) {
          failure.compareAndSet(null, e.toString());
        }
      }, "dh-insert");
      t.start();
      threads.add(t);
    }
    long cpu0 = Proc.cpuNanos(pid);
    long start = System.nanoTime();
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long cpu = Proc.cpuNanos(pid) - cpu0;
    System.out.printf("  %-8s %,8.0f acknowledged inserts/s (%,d of %,d in %.2f s; server CPU %.2f s; server RSS %s)%s%n",
        name, ok.get() / seconds, ok.get(), perConnection * conns.size(), seconds, cpu / 1e9,
        mib(Proc.rssKib(pid)), failure.get() != null ? "  first failure: " + failure.get() : "");
    return ok.get() / seconds;
  }

  private static String k(double rate) {
    return rate >= 1e6 ? String.format("%.2fM", rate / 1e6) : rate >= 1e4 ? String.format("%.0fk", rate / 1e3) : String.format("%,.0f", rate);
  }

  private static String mib(long kib) {
    return kib < 0 ? "n/a" : String.format("%.0f MiB", kib / 1024.0);
  }
}
