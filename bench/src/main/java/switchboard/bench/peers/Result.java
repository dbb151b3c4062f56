package switchboard.bench.peers;

import java.util.Arrays;

/** One run's outcome. CPU times are nanoseconds of user + system time over the run, -1 when unknown. */
record Result(int subscribers, long sent, long delivered, long expected, double seconds,
    long serverCpuNanos, long selfCpuNanos, long serverRssKib, boolean stalled) {

  double rate() {
    return delivered / seconds;
  }

  /** CPU seconds per million deliveries. */
  static double perMillion(long cpuNanos, long deliveries) {
    return cpuNanos < 0 || deliveries == 0 ? Double.NaN : cpuNanos / 1e9 / (deliveries / 1e6);
  }

  String describe(String name) {
    return String.format("%-17s %,12.0f deliveries/s  (%,d of %,d in %.2f s; %,.0f publishes/s; server CPU %.2f s, load generator CPU %.2f s, server RSS %s)%s",
        name, rate(), delivered, expected, seconds, sent / seconds, serverCpuNanos / 1e9, selfCpuNanos / 1e9,
        ServerProcess.mib(serverRssKib), stalled ? "  STALLED: deliveries stopped arriving" : "");
  }

  /** A markdown table row over the repeats of one case. */
  static String row(String name, int subscribers, long messages, Result[] runs) {
    double[] rates = Arrays.stream(runs).mapToDouble(Result::rate).sorted().toArray();
    double[] server = Arrays.stream(runs).mapToDouble(r -> perMillion(r.serverCpuNanos, r.delivered)).sorted().toArray();
    double[] self = Arrays.stream(runs).mapToDouble(r -> perMillion(r.selfCpuNanos, r.delivered)).sorted().toArray();
    long stalled = Arrays.stream(runs).filter(Result::stalled).count();
    return String.format("| %s | %d | %,d | %s (%s – %s)%s | %.2f | %.2f | %s |", name, subscribers, messages,
        k(median(rates)), k(rates[0]), k(rates[rates.length - 1]),
        stalled > 0 ? " — " + stalled + " run(s) incomplete" : "",
        median(server), median(self), ServerProcess.mib(runs[runs.length - 1].serverRssKib));
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String k(double rate) {
    return rate >= 1e6 ? String.format("%.2fM", rate / 1e6) : String.format("%.0fk", rate / 1e3);
  }
}
