package switchboard.bench.index;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import switchboard.core.Hub;
import switchboard.core.Subscription;
import switchboard.core.SubscriptionSpec;
import switchboard.core.index.Entry;
import switchboard.core.index.SubscriptionIndex;

/**
 * One keyed subscribe followed by its unsubscribe (one op = the pair), with N keyed subscriptions
 * already present, on one thread. Each op uses a key no standing subscription has ({@code new<i>},
 * rotating over {@link #SPECS} prebuilt specs), so every add creates a key bucket and every remove
 * drops it: the full path, not a hot bucket. The specs are built in setup, as a dialect builds its spec
 * before it calls the hub.
 */
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SubscribeBench {
  static final int SPECS = 65_536;

  /** The bare index: {@code add} then {@code remove}. */
  @State(Scope.Benchmark)
  public static class OnIndex {
    @Param({"1000", "100000"})
    public int n;

    SubscriptionIndex<Integer> index;
    SubscriptionSpec[] specs;
    int next;

    @Setup(Level.Trial)
    public void fill() {
      index = Fixtures.deviceIndex(n);
      specs = freshSpecs();
    }
  }

  /**
   * The hub, which the server calls: the index plus a {@link Subscription}, its id, and the owner's
   * map of subscriptions. The measured owner holds 100 subscriptions of its own; the N standing ones
   * belong to other owners, 1000 each.
   */
  @State(Scope.Benchmark)
  public static class OnHub {
    @Param({"1000", "100000"})
    public int n;

    Hub hub;
    Fixtures.CountingOwner me;
    SubscriptionSpec[] specs;
    int next;

    @Setup(Level.Trial)
    public void fill() {
      hub = Fixtures.hub();
      Fixtures.fillHub(hub, n);
      me = new Fixtures.CountingOwner();
      for (int i = 0; i < 100; i++) {
        hub.subscribe(me, Fixtures.device("mine" + i));
      }
      specs = freshSpecs();
    }
  }

  static SubscriptionSpec[] freshSpecs() {
    SubscriptionSpec[] specs = new SubscriptionSpec[SPECS];
    for (int i = 0; i < SPECS; i++) {
      specs[i] = Fixtures.device("new" + i);
    }
    return specs;
  }

  @Benchmark
  public boolean indexAddRemove(OnIndex s) {
    Entry<Integer> e = s.index.add(s.specs[s.next++ & (SPECS - 1)], -1);
    return s.index.remove(e);
  }

  @Benchmark
  public boolean hubSubscribeUnsubscribe(OnHub s) {
    Subscription sub = s.hub.subscribe(s.me, s.specs[s.next++ & (SPECS - 1)]);
    return s.hub.unsubscribe(s.me, sub.id());
  }
}
