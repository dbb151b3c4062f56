package switchboard.bench.harness;

import java.util.List;

/**
 * One thing measured on every target, e.g. {@code fanout-1x10-100B-max}. A workload sets up its own
 * connections for each run (a {@link Subscribers} and a {@link Publishing}), bounds the run in messages
 * and in seconds, ends it when nothing has moved for {@link Publishing#STALL}, closes everything, and
 * reports its figures. Adding one takes a class with a {@code cases(Profile)} factory and one line in
 * {@link Workloads}.
 */
public interface Workload {
  /** The name in results: what it does and its size, e.g. {@code fanout-1x100-100B-max}. */
  String name();

  /** One line on how it is measured, for the report. */
  String method();

  /** The figures it reports, in the order of the table's columns. */
  List<Metric> metrics();

  /** Whether the target can run it (a filter workload needs a protocol that filters). */
  default boolean supports(Target target) {
    return true;
  }

  /**
   * One run. A problem of the target (a refused subscription, a lost connection, a stall) is reported
   * in the result's notes or thrown as a {@link BenchException}, which the runner records as a failed
   * run before going on with the next.
   */
  RunResult run(RunContext ctx) throws Exception;
}
