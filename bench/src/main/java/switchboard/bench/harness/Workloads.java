package switchboard.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import switchboard.bench.harness.workload.Fanout;
import switchboard.bench.harness.workload.Filtered;
import switchboard.bench.harness.workload.IdleConns;
import switchboard.bench.harness.workload.Keyed;
import switchboard.bench.harness.workload.Latency;
import switchboard.bench.harness.workload.SlowConsumer;
import switchboard.bench.harness.workload.SubscribeChurn;
import switchboard.bench.harness.workload.UnsubEffect;

/** The registry of workload families, one line each, in the order they run. */
public final class Workloads {
  private static final List<Function<Profile, List<Workload>>> FAMILIES = List.of(
      Fanout::cases,
      Latency::cases,
      Keyed::cases,
      Filtered::cases,
      SubscribeChurn::cases,
      UnsubEffect::cases,
      IdleConns::cases,
      SlowConsumer::cases);

  private Workloads() {}

  /** Every workload the profile runs. */
  public static List<Workload> of(Profile profile) {
    List<Workload> all = new ArrayList<>();
    for (Function<Profile, List<Workload>> family : FAMILIES) {
      all.addAll(family.apply(profile));
    }
    return all;
  }
}
