package switchboard.bench.harness;

import java.util.Locale;

/**
 * How much of everything a bench run does. {@code quick} takes about ten minutes on a 2-core machine
 * for the four default targets, warm-ups included (3 s runs, and fewer cases: fan-out to 10 only, one
 * latency rate, one filter selectivity, smaller subscription, unsubscribe and connection counts); {@code full} under an hour for
 * them (5 s runs, every case at the sizes); {@code smoke} is a few hundred messages per run,
 * for the test suite. Each workload picks its own sizes per profile with {@link #pick}.
 */
public enum Profile {
  SMOKE(1, false, 0),
  QUICK(3, true, 3),
  FULL(3, true, 2);

  /** Measured runs per target and workload. */
  public final int repetitions;
  /** Whether each target gets one unmeasured warm-up run per workload. */
  public final boolean warmup;
  /**
   * The size of the first workload's warm-up, in measured runs: the JVMs (Switchboard's, and the
   * generator's own) need some ten seconds of traffic before their code is compiled; later warm-ups
   * are half a run.
   */
  public final double firstWarmup;

  Profile(int repetitions, boolean warmup, double firstWarmup) {
    this.repetitions = repetitions;
    this.warmup = warmup;
    this.firstWarmup = firstWarmup;
  }

  /** The value for this profile. */
  public <T> T pick(T smoke, T quick, T full) {
    return switch (this) {
      case SMOKE -> smoke;
      case QUICK -> quick;
      case FULL -> full;
    };
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The profile named {@code quick}, {@code full} or {@code smoke}, or null. */
  public static Profile named(String name) {
    for (Profile p : values()) {
      if (p.label().equals(name)) {
        return p;
      }
    }
    return null;
  }
}
