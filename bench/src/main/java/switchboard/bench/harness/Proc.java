package switchboard.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Linux's {@code /proc} tells about a process and the machine: CPU time and resident set of a
 * pid, the load average, memory, kernel and CPU model. Every method answers -1 or "unknown" when the
 * information is not there; no run depends on it.
 */
public final class Proc {
  /** USER_HZ, the unit of {@code /proc/<pid>/stat} times: 100 on every Linux this runs on. */
  private static final long TICK_NANOS = 10_000_000L;
  private static final Pattern PID = Pattern.compile("pid=(\\d+)");

  private Proc() {}

  /**
   * The pid of the process listening on this TCP port of this machine, from {@code ss -ltnp} (which
   * needs the right to see other users' processes), or -1: for a server the harness did not start.
   */
  public static long pidListening(int port) {
    try {
      Process p = new ProcessBuilder("ss", "-ltnpH", "sport = :" + port).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      Matcher m = PID.matcher(out);
      return m.find() ? Long.parseLong(m.group(1)) : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** User + system CPU time of the process so far, in nanoseconds (10 ms resolution), or -1. */
  public static long cpuNanos(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after "pid (comm) " the fields start at 3 (state): utime is field 14, stime 15
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NANOS;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Resident set size in KiB, or -1. */
  public static long rssKib(long pid) {
    return field(Path.of("/proc/" + pid + "/status"), "VmRSS:");
  }

  /** This process's CPU time so far, in nanoseconds, or -1. */
  public static long selfCpuNanos() {
    return cpuNanos(ProcessHandle.current().pid());
  }

  /** The 1, 5 and 15 minute load averages, as {@code /proc/loadavg} writes them. */
  public static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** The machine's memory in MiB, or -1. */
  public static long memoryMib() {
    long kib = field(Path.of("/proc/meminfo"), "MemTotal:");
    return kib < 0 ? -1 : kib / 1024;
  }

  public static String kernel() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
    } catch (IOException e) {
      return System.getProperty("os.version", "unknown");
    }
  }

  public static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst().orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The number in a {@code Name: 123 kB} line of a /proc file, or -1. */
  private static long field(Path file, String name) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(name)) {
          return Long.parseLong(line.substring(name.length()).replaceAll("\\D", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not visible
    }
    return -1;
  }
}
