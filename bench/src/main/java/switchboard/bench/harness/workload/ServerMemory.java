package switchboard.bench.harness.workload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import switchboard.bench.harness.ServerProcess;

/**
 * The memory a server holds, measured the way that means something for it. A JVM's resident set says
 * little (its heap is committed up front, {@code -Xms}), so for a Java server it is the bytes of the
 * objects still live after a full collection: {@code jcmd <pid> GC.class_histogram}, which collects
 * first, and whose total is the live objects' size whatever the collector. For a native server
 * (nats-server, redis-server, mosquitto) it is the resident set, {@code VmRSS} of
 * {@code /proc/<pid>/status}, read after a short settle.
 */
final class ServerMemory {
  /** How long a native server is given to settle before its resident set is read. */
  private static final long SETTLE_MILLIS = 300;
  private static final long JCMD_SECONDS = 60;
  private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

  private final long pid;
  private final ServerProcess server;
  private final boolean jvm;
  private String problem;

  ServerMemory(ServerProcess server) {
    this.server = server;
    this.pid = server.pid();
    this.jvm = pid >= 0 && isJvm(pid);
  }

  /** Whether the live heap is measured (a JVM) rather than the resident set. */
  boolean heap() {
    return jvm;
  }

  /** What went wrong with the last measure, or null. */
  String problem() {
    return problem;
  }

  /** The server's memory now in bytes (see the class comment), or -1 when it cannot be known. */
  long bytes() throws InterruptedException {
    problem = null;
    if (pid < 0) {
      problem = "the server's pid is unknown";
      return -1;
    }
    if (jvm) {
      return liveHeap();
    }
    Thread.sleep(SETTLE_MILLIS);
    long kib = server.rssKib();
    if (kib < 0) {
      problem = "no VmRSS in /proc/" + pid + "/status";
      return -1;
    }
    return kib * 1024;
  }

  private long liveHeap() throws InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    String command = Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd";
    try {
      Process p = new ProcessBuilder(command, Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(JCMD_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        problem = "jcmd took more than " + JCMD_SECONDS + " s";
        return -1;
      }
      String text = new String(out, StandardCharsets.UTF_8);
      long total = p.exitValue() == 0 ? histogramTotal(text) : -1;
      if (total < 0) {
        problem = "jcmd " + pid + " GC.class_histogram: exit " + p.exitValue() + ", " + String.join(" ", text.lines().limit(3).toList());
      }
      return total;
    } catch (IOException e) {
      problem = "jcmd: " + e.getMessage();
      return -1;
    }
  }

  /** The bytes of the {@code Total} line of a class histogram as jcmd prints it, or -1 when there is none. */
  static long histogramTotal(String histogram) {
    Matcher m = TOTAL.matcher(histogram);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
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
}
