package switchboard.bench.harness;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs every workload on every target: per workload, one unmeasured warm-up per target when the
 * profile has them (the first workload's longer, see {@link Profile#firstWarmup}), then the
 * repetitions, the targets alternating within each and their order rotated from one to the next so
 * that a change in the machine's load does not always fall on the same target. Prints a line per run
 * as it ends. A run that fails is recorded as failed and the next one goes on.
 */
public final class Runner {
  /** A pause between runs, for the servers to let go of the last run's connections. */
  private static final long SETTLE_MILLIS = 300;

  private final Profile profile;
  private final int repetitions;
  private final PrintStream out;
  private final String tag = Integer.toString(ThreadLocalRandom.current().nextInt(10_000, 100_000));
  private int runs;

  public Runner(Profile profile, int repetitions, PrintStream out) {
    this.profile = profile;
    this.repetitions = repetitions;
    this.out = out;
  }

  public List<RunResult> run(List<Workload> workloads, List<Target> targets) throws InterruptedException {
    List<RunResult> results = new ArrayList<>();
    boolean first = true;
    for (Workload w : workloads) {
      List<Target> ts = targets.stream().filter(w::supports).toList();
      if (ts.isEmpty()) {
        continue;
      }
      out.printf("%n== %s: %s%n", w.name(), w.method());
      if (profile.warmup) {
        double scale = first ? profile.firstWarmup : 0.5;
        for (Target t : ts) {
          results.add(once(w, t, 0, scale));
        }
      }
      first = false;
      for (int rep = 1; rep <= repetitions; rep++) {
        for (int k = 0; k < ts.size(); k++) {
          results.add(once(w, ts.get((k + rep - 1) % ts.size()), rep, 1));
        }
      }
    }
    return results;
  }

  private RunResult once(Workload w, Target t, int repetition, double scale) throws InterruptedException {
    RunResult r;
    if (!t.server().alive()) {
      // whatever listens on its port now is not what this bench started
      r = RunResult.failed(w.name(), t.name(), repetition, t.server() + " has exited");
      out.println(describe(w, r));
      return r;
    }
    try {
      r = w.run(new RunContext(t, profile, repetition, scale, tag + "n" + runs++));
    } catch (InterruptedException e) {
      throw e;
    } catch (BenchException e) {
      r = RunResult.failed(w.name(), t.name(), repetition, e.getMessage());
    } catch (Exception e) {
      r = RunResult.failed(w.name(), t.name(), repetition, e.toString());
    }
    out.println(describe(w, r));
    Thread.sleep(SETTLE_MILLIS);
    return r;
  }

  private static String describe(Workload w, RunResult r) {
    StringJoiner figures = new StringJoiner(", ");
    for (Metric m : w.metrics()) {
      figures.add(m.label() + " " + Metric.format(r.figure(m.key())));
    }
    String runs = r.warmup() ? "warm-up" : "run " + r.repetition();
    String line = String.format("  %-7s %-20s %s  (%.2f s, %,d of %,d deliveries)", runs, r.target(), figures, r.seconds(), r.delivered(), r.expected());
    return r.notes().isEmpty() ? line : line + "  " + String.join("; ", r.notes());
  }
}
