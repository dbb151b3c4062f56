package switchboard.bench.harness;

import java.util.concurrent.TimeUnit;

/**
 * A server the targets run on: its name and version for the report, and its process, for the CPU
 * time and resident memory each run costs it. Either started by {@link Servers} (and then stopped by
 * it, by pid) or found already running (an external server, or one in this JVM in the smoke test),
 * which the harness never stops.
 *
 * @param pid -1 when unknown: the figures that need it are then missing, the runs are not
 * @param process null when the harness did not start it
 */
public record ServerProcess(String name, String version, long pid, Process process) {
  /** A server the harness did not start. */
  public static ServerProcess external(String name, String version, long pid) {
    return new ServerProcess(name, version, pid, null);
  }

  /** User + system CPU time of the server so far, in nanoseconds, or -1. */
  public long cpuNanos() {
    return pid < 0 ? -1 : Proc.cpuNanos(pid);
  }

  /** Resident set in KiB, or -1. */
  public long rssKib() {
    return pid < 0 ? -1 : Proc.rssKib(pid);
  }

  /** False once a process the harness started has ended; a server it did not start is taken to be up. */
  public boolean alive() {
    return process == null || process.isAlive();
  }

  /** Stops the process if the harness started it: SIGTERM to its pid, then SIGKILL after 10 s. */
  void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return name + " " + version + (pid >= 0 ? " (pid " + pid + ")" : "");
  }
}
