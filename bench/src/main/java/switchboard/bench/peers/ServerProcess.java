package switchboard.bench.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Linux tells about the server process behind a port: its pid (from {@code ss -ltnp}, which
 * needs the right to see other users' processes), its CPU time and its resident set. Every method
 * answers null or -1 when the information is not available; a run does not depend on it.
 */
public final class ServerProcess {
  private static final Pattern PID = Pattern.compile("pid=(\\d+)");
  private static final long TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux

  private ServerProcess() {}

  /** The pid of the process listening on this TCP port on this machine, or null. */
  public static Long pidListening(int port) {
    try {
      Process p = new ProcessBuilder("ss", "-ltnpH", "sport = :" + port).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      Matcher m = PID.matcher(out);
      return m.find() ? Long.valueOf(m.group(1)) : null;
    } catch (IOException | InterruptedException e) {
      return null;
    }
  }

  /** User + system CPU time of the process so far, in nanoseconds (10 ms resolution), or -1. */
  public static long cpuNanos(Long pid) {
    if (pid == null) {
      return -1;
    }
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after "pid (comm) ": state is field 3, utime 14, stime 15
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NANOS;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Resident set size in KiB, or -1. */
  public static long rssKib(Long pid) {
    if (pid == null) {
      return -1;
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not visible
    }
    return -1;
  }

  public static String mib(long kib) {
    return kib < 0 ? "n/a" : String.format("%.0f MiB", kib / 1024.0);
  }
}
