package switchboard.bench.harness;

import java.util.List;

/**
 * The figures of the measured runs (warm-ups left out) as the report shows them: per workload, target
 * and metric the median with min and max, and the ratio of a Switchboard target's median to a peer's.
 */
public final class Summary {
  /** Median, min and max over {@code runs} measured runs that had the figure. */
  public record Stat(double median, double min, double max, int runs) {
    static final Stat NONE = new Stat(Double.NaN, Double.NaN, Double.NaN, 0);
  }

  private final List<RunResult> results;

  public Summary(List<RunResult> results) {
    this.results = List.copyOf(results);
  }

  public List<RunResult> results() {
    return results;
  }

  /** The targets that ran the workload, in the order they first ran it. */
  public List<String> targets(Workload w) {
    return results.stream().filter(r -> r.workload().equals(w.name())).map(RunResult::target).distinct().toList();
  }

  /** The measured runs of the workload on the target. */
  public List<RunResult> measured(Workload w, String target) {
    return results.stream().filter(r -> !r.warmup() && r.workload().equals(w.name()) && r.target().equals(target)).toList();
  }

  public Stat stat(Workload w, String target, Metric m) {
    double[] v = measured(w, target).stream().mapToDouble(r -> r.figure(m.key())).filter(d -> !Double.isNaN(d)).sorted().toArray();
    if (v.length == 0) {
      return Stat.NONE;
    }
    int n = v.length;
    double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    return new Stat(median, v[0], v[n - 1], n);
  }

  /** Switchboard target {@code ours}'s median divided by {@code peer}'s; NaN when either is missing. */
  public double ratio(Workload w, Metric m, String ours, String peer) {
    double a = stat(w, ours, m).median();
    double b = stat(w, peer, m).median();
    return b == 0 ? Double.NaN : a / b;
  }

  /** The Switchboard targets among those that ran the workload. */
  public List<String> ours(Workload w) {
    return targets(w).stream().filter(t -> t.startsWith(Target.OURS)).toList();
  }

  /** The peers among those that ran the workload. */
  public List<String> peers(Workload w) {
    return targets(w).stream().filter(t -> !t.startsWith(Target.OURS)).toList();
  }
}
