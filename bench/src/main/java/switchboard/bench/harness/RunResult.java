package switchboard.bench.harness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of one workload on one target.
 *
 * @param repetition 1.. for measured runs, 0 for the warm-up
 * @param sent messages published
 * @param delivered deliveries that arrived
 * @param expected deliveries that should have arrived for what was sent
 * @param seconds the measured stretch of the run
 * @param figures the workload's {@link Metric} values by key (NaN when unknown)
 * @param notes what the reader should know: stalled, incomplete, fell behind the rate, failed
 */
public record RunResult(String workload, String target, int repetition, long sent, long delivered, long expected,
    double seconds, Map<String, Double> figures, List<String> notes) {

  public RunResult {
    figures = new LinkedHashMap<>(figures);
    notes = List.copyOf(notes);
  }

  /** A run that could not be carried out. */
  public static RunResult failed(String workload, String target, int repetition, String why) {
    return new RunResult(workload, target, repetition, 0, 0, 0, 0, Map.of(), List.of("failed: " + why));
  }

  public boolean warmup() {
    return repetition == 0;
  }

  /** Whether the run took place and every expected delivery arrived (the notes may still say more). */
  public boolean complete() {
    return expected > 0 && delivered == expected;
  }

  public double figure(String key) {
    return figures.getOrDefault(key, Double.NaN);
  }
}
