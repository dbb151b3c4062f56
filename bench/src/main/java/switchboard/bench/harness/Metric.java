package switchboard.bench.harness;

/**
 * One figure a workload reports per run, e.g. delivered messages per second.
 *
 * @param key the figure's key in {@link RunResult#figures()} and in results.json
 * @param label the column heading in tables
 * @param higherIsBetter whether more is better (throughput) or less (latency, CPU per message)
 * @param ratio whether the report shows Switchboard's median divided by each peer's, and charts it
 */
public record Metric(String key, String label, boolean higherIsBetter, boolean ratio) {
  /** A figure for the report only. */
  public static Metric shown(String key, String label, boolean higherIsBetter) {
    return new Metric(key, label, higherIsBetter, false);
  }

  /** A figure whose ratio of Switchboard to each peer the report shows. */
  public static Metric compared(String key, String label, boolean higherIsBetter) {
    return new Metric(key, label, higherIsBetter, true);
  }

  /** The figure as a table shows it: 1.72M, 545k, 12.3, 0.52. */
  public static String format(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    double a = Math.abs(v);
    if (a >= 10e6) {
      return String.format("%.1fM", v / 1e6);
    }
    if (a >= 1e6) {
      return String.format("%.2fM", v / 1e6);
    }
    if (a >= 100e3) {
      return String.format("%.0fk", v / 1e3);
    }
    if (a >= 10e3) {
      return String.format("%.1fk", v / 1e3);
    }
    if (a >= 100) {
      return String.format("%.0f", v);
    }
    if (a >= 10) {
      return String.format("%.1f", v);
    }
    return String.format("%.2f", v);
  }
}
