package switchboard.bench.harness.workload;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import switchboard.bench.harness.Interest;
import switchboard.bench.harness.Protocol;
import switchboard.bench.harness.Target;
import switchboard.bench.harness.proto.Mqtt;
import switchboard.bench.harness.proto.Redis;

/**
 * The memory a server holds, in bytes, read the way that stays true from one run to the next. A
 * process's resident set does not: an allocator keeps what an earlier run freed (glibc's arenas,
 * jemalloc's dirty pages, Go's heap until its collector and scavenger get to it) and hands it out
 * again without the resident set growing, or returns it while a run is being measured, so after the
 * first run on a server the difference of two resident sets is noise (a fresh nats-server shows ~730
 * bytes per subscription, the same server's second run anywhere from -300 to +500). So each server is
 * asked for the bytes it has allocated, where it can tell:
 *
 * <ul>
 *   <li>a JVM (Switchboard): the bytes of the objects still live after a full collection, the total
 *       of {@code jcmd <pid> GC.class_histogram} (which collects first), whatever the collector;
 *   <li>redis-server: {@code used_memory} of {@code INFO memory}, the bytes it has allocated;
 *   <li>mosquitto: {@code $SYS/broker/heap/current}, the bytes it has allocated, which it publishes
 *       every {@code sys_interval} (10 s by default) when it changed: the first value after the
 *       moment asked, or the retained one when none comes within {@value #SYS_WAIT_SECONDS} s;
 *   <li>anything else (nats-server, which tells only its resident set): {@code VmRSS} of
 *       {@code /proc/<pid>/status}, after a {@value #SETTLE_MILLIS} ms settle, meaningful on a fresh
 *       server only.
 * </ul>
 */
final class ServerMemory implements AutoCloseable {
  /** What a server is asked. */
  enum Measure {
    LIVE_HEAP("live heap after a full GC (jcmd GC.class_histogram)"),
    REDIS_USED("used_memory of INFO memory"),
    MOSQUITTO_HEAP("$SYS/broker/heap/current"),
    RSS("resident set (VmRSS)");

    final String description;

    Measure(String description) {
      this.description = description;
    }
  }

  private static final long SETTLE_MILLIS = 300;
  private static final long JCMD_SECONDS = 60;
  /** Longer than mosquitto's default sys_interval of 10 s. */
  private static final int SYS_WAIT_SECONDS = 12;
  private static final int IO_TIMEOUT_MILLIS = 10_000;
  private static final String HEAP_TOPIC = "$SYS/broker/heap/current";
  private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");
  private static final Pattern USED_MEMORY = Pattern.compile("(?m)^used_memory:(\\d+)\\s*$");

  private final Target target;
  private final long pid;
  private final Measure measure;
  /** The MQTT connection subscribed to the heap topic, opened at the first mosquitto measure. */
  private Socket sys;
  private ByteBuffer sysIn;
  private Protocol.Parser sysParser;
  private long sysValue = -1;
  /** Values read from the heap topic so far. */
  private long sysCount;
  private String problem;

  ServerMemory(Target target) {
    this.target = target;
    this.pid = target.server().pid();
    this.measure = measureFor(target, pid);
  }

  private static Measure measureFor(Target target, long pid) {
    if (pid >= 0 && isJvm(pid)) {
      return Measure.LIVE_HEAP;
    }
    if (target.protocol() instanceof Redis) {
      return Measure.REDIS_USED;
    }
    if (target.protocol() instanceof Mqtt && target.server().name().startsWith("mosquitto")) {
      return Measure.MOSQUITTO_HEAP;
    }
    return Measure.RSS;
  }

  Measure measure() {
    return measure;
  }

  /** What went wrong with the first reading that failed, or null. */
  String problem() {
    return problem;
  }

  /** The server's memory now, in bytes, or -1 when it cannot be known ({@link #problem()} says why). */
  long bytes() throws InterruptedException {
    try {
      return switch (measure) {
        case LIVE_HEAP -> liveHeap();
        case REDIS_USED -> redisUsed();
        case MOSQUITTO_HEAP -> mosquittoHeap();
        case RSS -> rss();
      };
    } catch (IOException | Protocol.ProtocolException e) {
      problem(measure.description + ": " + e.getMessage());
      return -1;
    }
  }

  private long rss() throws InterruptedException {
    if (pid < 0) {
      problem("the server's pid is unknown");
      return -1;
    }
    Thread.sleep(SETTLE_MILLIS);
    long kib = target.server().rssKib();
    if (kib < 0) {
      problem("no VmRSS in /proc/" + pid + "/status");
      return -1;
    }
    return kib * 1024;
  }

  private long liveHeap() throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    String command = Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd";
    Process p = new ProcessBuilder(command, Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(JCMD_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      problem("jcmd took more than " + JCMD_SECONDS + " s");
      return -1;
    }
    String text = new String(out, StandardCharsets.UTF_8);
    long total = p.exitValue() == 0 ? histogramTotal(text) : -1;
    if (total < 0) {
      problem("jcmd " + pid + " GC.class_histogram: exit " + p.exitValue() + ", " + String.join(" ", text.lines().limit(3).toList()));
    }
    return total;
  }

  /** The bytes of the {@code Total} line of a class histogram as jcmd prints it, or -1 when there is none. */
  static long histogramTotal(String histogram) {
    Matcher m = TOTAL.matcher(histogram);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  /** {@code INFO memory} on a connection of its own, which costs the server a few KiB at most. */
  private long redisUsed() throws IOException {
    try (Socket s = connect()) {
      s.getOutputStream().write("*2\r\n$4\r\nINFO\r\n$6\r\nmemory\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = s.getInputStream();
      String head = line(in);
      if (!head.startsWith("$")) {
        throw new IOException("INFO memory answered " + head);
      }
      byte[] body = in.readNBytes(Integer.parseInt(head.substring(1)));
      long used = usedMemory(new String(body, StandardCharsets.US_ASCII));
      if (used < 0) {
        throw new IOException("no used_memory in INFO memory");
      }
      return used;
    }
  }

  /** {@code used_memory} of what {@code INFO memory} answers, or -1. */
  static long usedMemory(String info) {
    Matcher m = USED_MEMORY.matcher(info);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }

  /**
   * The heap mosquitto last published after this call began: on the first call, subscribing gives the
   * retained value, and the next publication (if any within the wait) replaces it.
   */
  private long mosquittoHeap() throws IOException, Protocol.ProtocolException {
    if (sys == null) {
      Mqtt mqtt = new Mqtt();
      sys = connect();
      sysIn = ByteBuffer.allocate(4096);
      sysParser = mqtt.parser();
      sys.getOutputStream().write(mqtt.hello("sbmem" + pid + "x" + System.nanoTime())[0]);
      sys.getOutputStream().write(mqtt.subscribe(Interest.topic(HEAP_TOPIC), 1));
      int[] replies = {0};
      while (replies[0] < 2) { // CONNACK, SUBACK
        readSys(replies, IO_TIMEOUT_MILLIS);
      }
    }
    while (sys.getInputStream().available() > 0) {
      readSys(null, 1); // values published before this call
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SYS_WAIT_SECONDS);
    long before = sysCount;
    while (sysCount == before) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        break; // nothing changed since the last value: it still holds
      }
      readSys(null, (int) left);
    }
    if (sysValue < 0) {
      problem("mosquitto published no " + HEAP_TOPIC + " (built without memory tracking?)");
    }
    return sysValue;
  }

  /** Reads what the $SYS connection has, waiting up to {@code millis}; counts replies into {@code replies[0]}. */
  private void readSys(int[] replies, int millis) throws IOException, Protocol.ProtocolException {
    sys.setSoTimeout(Math.max(1, millis));
    int n;
    try {
      n = sys.getInputStream().read(sysIn.array(), sysIn.position(), sysIn.remaining());
    } catch (SocketTimeoutException e) {
      if (replies != null) {
        throw new IOException("no answer to the " + HEAP_TOPIC + " subscription");
      }
      return;
    }
    if (n < 0) {
      throw new IOException("mosquitto closed the " + HEAP_TOPIC + " connection");
    }
    sysIn.position(sysIn.position() + n).flip();
    sysParser.parse(sysIn, new Protocol.Events() {
      @Override
      public void delivery(ByteBuffer buf, int from, int to) {
        long v = 0;
        int digits = 0;
        for (int i = from; i < to && buf.get(i) >= '0' && buf.get(i) <= '9'; i++, digits++) {
          v = v * 10 + (buf.get(i) - '0');
        }
        if (digits > 0) {
          sysValue = v;
          sysCount++;
        }
      }

      @Override
      public void reply(boolean ok, String detail) {
        if (replies != null) {
          replies[0]++;
        }
      }

      @Override
      public void send(byte[] message) {
        // nothing to answer at QoS 0 with keep-alive off
      }
    });
    sysIn.compact();
  }

  private Socket connect() throws IOException {
    InetSocketAddress a = target.address();
    Socket s = new Socket();
    s.connect(a, IO_TIMEOUT_MILLIS);
    s.setSoTimeout(IO_TIMEOUT_MILLIS);
    return s;
  }

  private void problem(String why) {
    if (problem == null) {
      problem = why;
    }
  }

  /** Whether the process's executable is a {@code java} launcher. */
  private static boolean isJvm(long pid) {
    try {
      Path exe = Files.readSymbolicLink(Path.of("/proc/" + pid + "/exe"));
      return exe.getFileName() != null && exe.getFileName().toString().equals("java");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    if (sys != null) {
      sys.close();
    }
  }
}
