package switchboard.bench.peers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One publisher to N subscribers, the same workload on each system in one run: Switchboard's amps
 * dialect, NATS core, Redis pub/sub and Mosquitto (MQTT QoS 0). Per run: N subscriber connections read
 * by one selector thread that only counts deliveries, one publisher connection that writes batches of
 * 64 and keeps at most {@code window} messages in flight beyond what every subscriber has received
 * (closed loop, as {@code AmpsFanout}), so each system is measured at the rate it sustains without
 * queueing. Connections are opened anew for every run.
 *
 * <p>Each system gets one unmeasured warm-up run ({@code warmup} times the messages, default a half:
 * a fifth left Switchboard's JIT still compiling in the first measured run) per subscriber count, then
 * {@code repeats} measured runs; the order of systems rotates from one repeat to the next so that a
 * change in the machine's load does not always fall on the same system.
 *
 * <p>Usage: {@code Fanout [--subscribers 10,100] [--messages 200000,50000] [--payload 100]
 * [--window 2000] [--repeats 3] [--warmup 0.5] [--systems amps,nats,redis,mqtt] [--amps host:port]
 * [--nats host:port] [--redis host:port] [--mqtt host:port]}. The i-th message count goes with the
 * i-th subscriber count.
 */
public final class Fanout {
  private static final int BATCH = 64;
  private static final long STALL_NANOS = 10_000_000_000L;

  public static void main(String[] args) throws Exception {
    int[] subscriberCounts = {10, 100};
    long[] messageCounts = {200_000, 50_000};
    int payloadBytes = 100;
    long window = 2_000;
    int repeats = 3;
    double warmup = 0.5;
    List<String> names = List.of("amps", "nats", "redis", "mqtt");
    String amps = "127.0.0.1:9007";
    String nats = "127.0.0.1:4222";
    String redis = "127.0.0.1:6379";
    String mqtt = "127.0.0.1:1883";
    for (int i = 0; i + 1 < args.length; i += 2) {
      String v = args[i + 1];
      switch (args[i]) {
        case "--subscribers" -> subscriberCounts = Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
        case "--messages" -> messageCounts = Arrays.stream(v.split(",")).mapToLong(Long::parseLong).toArray();
        case "--payload" -> payloadBytes = Integer.parseInt(v);
        case "--window" -> window = Long.parseLong(v);
        case "--repeats" -> repeats = Integer.parseInt(v);
        case "--warmup" -> warmup = Double.parseDouble(v);
        case "--systems" -> names = List.of(v.split(","));
        case "--amps" -> amps = v;
        case "--nats" -> nats = v;
        case "--redis" -> redis = v;
        case "--mqtt" -> mqtt = v;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (messageCounts.length != subscriberCounts.length) {
      throw new IllegalArgumentException("one message count per subscriber count");
    }
    String tag = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    String topic = "sbbench" + tag; // a topic no one else on this machine uses
    List<Wire> systems = new ArrayList<>();
    for (String n : names) {
      systems.add(switch (n) {
        case "amps" -> new AmpsWire(address(amps));
        case "nats" -> new NatsWire(address(nats));
        case "redis" -> new RedisWire(address(redis));
        case "mqtt" -> new MqttWire(address(mqtt), "sbbench" + tag);
        default -> throw new IllegalArgumentException("unknown system " + n);
      });
    }
    byte[] payload = payload(payloadBytes);
    System.out.printf("fan-out: payload %d B, window %d, batch %d, warm-up %.2f of the messages, %d measured runs per case, topic %s%n",
        payloadBytes, window, BATCH, warmup, repeats, topic);
    for (Wire w : systems) {
      System.out.printf("  %-17s %s, server pid %s%n", w.name(), w.address(), ServerProcess.pidListening(w.address().getPort()));
    }
    List<String> table = new ArrayList<>();
    for (int c = 0; c < subscriberCounts.length; c++) {
      int subs = subscriberCounts[c];
      long messages = messageCounts[c];
      System.out.printf("%n== 1 -> %d subscribers, %,d messages (%,d deliveries per run) ==%n", subs, messages, messages * subs);
      Result[][] results = new Result[systems.size()][repeats];
      for (Wire w : systems) {
        Result r = run(w, topic, subs, Math.max(1, (long) (messages * warmup)), payload, window);
        System.out.printf("  warm-up   %s%n", r.describe(w.name()));
      }
      for (int rep = 0; rep < repeats; rep++) {
        for (int k = 0; k < systems.size(); k++) {
          int s = (k + rep) % systems.size();
          Wire w = systems.get(s);
          Result r = run(w, topic, subs, messages, payload, window);
          results[s][rep] = r;
          System.out.printf("  run %d     %s%n", rep + 1, r.describe(w.name()));
        }
      }
      for (int s = 0; s < systems.size(); s++) {
        table.add(Result.row(systems.get(s).name(), subs, messages, results[s]));
      }
    }
    System.out.println();
    System.out.println("| system | subscribers | messages | delivered msgs/s, median (min – max) | server CPU s per 1M deliveries, median | load generator CPU s per 1M deliveries, median | server RSS after the last run |");
    System.out.println("|---|---|---|---|---|---|---|");
    table.forEach(System.out::println);
  }

  private static InetSocketAddress address(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }

  /** A JSON object of exactly {@code bytes} bytes, the same body for every system. */
  static byte[] payload(int bytes) {
    String head = "{\"v\":\"";
    String tail = "\"}";
    return (head + "x".repeat(Math.max(0, bytes - head.length() - tail.length())) + tail).getBytes(StandardCharsets.US_ASCII);
  }

  /** One run: fresh connections, publish, wait for every delivery (or a stall), close. */
  static Result run(Wire w, String topic, int subscribers, long messages, byte[] payload, long window) throws Exception {
    Long pid = ServerProcess.pidListening(w.address().getPort());
    List<SocketChannel> subs = new ArrayList<>();
    for (int i = 0; i < subscribers; i++) {
      subs.add(w.subscriber(i, topic));
    }
    SocketChannel pub = w.publisher(topic);
    pub.configureBlocking(false);
    AtomicLong delivered = new AtomicLong();
    Selector sel = Selector.open();
    for (SocketChannel ch : subs) {
      ch.configureBlocking(false);
      ch.register(sel, SelectionKey.OP_READ, ByteBuffer.allocateDirect(256 * 1024));
    }
    Thread reader = new Thread(() -> readAll(w, sel, delivered), "fanout-reader");
    reader.setDaemon(true);
    reader.start();

    byte[] frame = w.publishFrame(topic, payload);
    ByteBuffer batch = ByteBuffer.allocateDirect(frame.length * BATCH);
    ByteBuffer replies = ByteBuffer.allocateDirect(256 * 1024);
    long expected = messages * subscribers;
    long serverCpu0 = ServerProcess.cpuNanos(pid);
    long selfCpu0 = ServerProcess.cpuNanos(ProcessHandle.current().pid());
    long start = System.nanoTime();
    long sent = 0;
    boolean stalled = false;
    long lastSeen = -1;
    long lastProgress = start;
    publishing:
    while (sent < messages) {
      while (sent * subscribers - delivered.get() > window * subscribers) {
        long d = delivered.get();
        if (d != lastSeen) {
          lastSeen = d;
          lastProgress = System.nanoTime();
        } else if (System.nanoTime() - lastProgress > STALL_NANOS) {
          stalled = true;
          break publishing;
        }
        drain(pub, replies);
        Thread.onSpinWait();
      }
      batch.clear();
      int n = (int) Math.min(BATCH, messages - sent);
      for (int i = 0; i < n; i++) {
        batch.put(frame);
      }
      batch.flip();
      while (batch.hasRemaining()) {
        if (pub.write(batch) == 0) {
          drain(pub, replies);
        }
      }
      sent += n;
    }
    lastProgress = System.nanoTime();
    lastSeen = delivered.get();
    while (!stalled && delivered.get() < expected) {
      drain(pub, replies);
      Thread.sleep(1);
      long d = delivered.get();
      if (d != lastSeen) {
        lastSeen = d;
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > STALL_NANOS) {
        stalled = true;
      }
    }
    long end = stalled ? lastProgress : System.nanoTime();
    long serverCpu = ServerProcess.cpuNanos(pid) - serverCpu0;
    long selfCpu = ServerProcess.cpuNanos(ProcessHandle.current().pid()) - selfCpu0;
    long got = delivered.get();
    sel.close();
    for (SocketChannel ch : subs) {
      ch.close();
    }
    pub.close();
    reader.join(5_000);
    long rssKib = ServerProcess.rssKib(pid);
    return new Result(subscribers, sent, got, expected, (end - start) / 1e9, serverCpu, selfCpu, rssKib, stalled);
  }

  /** Reads and discards what the server answers the publisher (Redis's PUBLISH counts). */
  private static void drain(SocketChannel pub, ByteBuffer replies) throws IOException {
    replies.clear();
    while (pub.read(replies) > 0) {
      replies.clear();
    }
  }

  /** Counts the deliveries arriving on every subscriber socket until the selector is closed. */
  private static void readAll(Wire w, Selector sel, AtomicLong delivered) {
    try {
      while (sel.isOpen()) {
        sel.select();
        long n = 0;
        for (SelectionKey key : sel.selectedKeys()) {
          SocketChannel ch = (SocketChannel) key.channel();
          ByteBuffer buf = (ByteBuffer) key.attachment();
          if (ch.read(buf) < 0) {
            key.cancel();
            continue;
          }
          buf.flip();
          n += w.deliveries(buf, ch);
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
}
