package switchboard.bench.harness;

/**
 * The costs of the measured stretch of a run: wall time, the server's CPU time and this generator's
 * CPU time (both from /proc, 10 ms resolution; -1 when unknown). Started and stopped on the workload
 * thread.
 */
public final class Meter {
  private final ServerProcess server;
  private final long startNanos;
  private final long serverCpu0;
  private final long selfCpu0;
  private long endNanos;
  private long serverCpu = -1;
  private long selfCpu = -1;

  private Meter(ServerProcess server) {
    this.server = server;
    this.serverCpu0 = server.cpuNanos();
    this.selfCpu0 = Proc.selfCpuNanos();
    this.startNanos = System.nanoTime();
  }

  public static Meter start(ServerProcess server) {
    return new Meter(server);
  }

  /** Ends the stretch at {@code endNanos} (a {@link System#nanoTime()} already past). */
  public void stop(long endNanos) {
    long s = server.cpuNanos();
    long g = Proc.selfCpuNanos();
    this.endNanos = endNanos;
    this.serverCpu = serverCpu0 < 0 || s < 0 ? -1 : s - serverCpu0;
    this.selfCpu = selfCpu0 < 0 || g < 0 ? -1 : g - selfCpu0;
  }

  public long startNanos() {
    return startNanos;
  }

  public double seconds() {
    return (endNanos - startNanos) / 1e9;
  }

  public double serverCpuSeconds() {
    return serverCpu < 0 ? Double.NaN : serverCpu / 1e9;
  }

  public double generatorCpuSeconds() {
    return selfCpu < 0 ? Double.NaN : selfCpu / 1e9;
  }

  /** Deliveries per CPU-second of the server; NaN when its CPU time is unknown or nil. */
  public double perServerCpuSecond(long deliveries) {
    double cpu = serverCpuSeconds();
    return cpu > 0 ? deliveries / cpu : Double.NaN;
  }

  /** CPU seconds per million deliveries. */
  public static double perMillion(double cpuSeconds, long deliveries) {
    return deliveries == 0 ? Double.NaN : cpuSeconds / (deliveries / 1e6);
  }
}
