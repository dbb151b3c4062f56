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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import switchboard.core.Hub;
import switchboard.core.Message;

/**
 * {@code Hub.publish} of a keyed message that matches one subscription among N: what
 * {@link MatchBench#oneKeyOfN} measures, plus the hub's work around the index (sequence stamp, the
 * grouping by executor, the delivery task, the unsubscribe-barrier check, the owner call). The owners'
 * executor runs the delivery inline, so no thread hand-off is in the figure; their {@code deliver}
 * only counts.
 */
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class HubPublishBench {
  @Param({"1000", "1000000"})
  public int n;

  /** How many distinct keys the messages carry: "all" N, or a fixed count (see {@link MatchBench}). */
  @Param({Fixtures.ALL, "1000"})
  public String inPlay;

  private Hub hub;
  private Fixtures.CountingOwner[] owners;
  private Message[] messages;
  private int next;

  @Setup(Level.Trial)
  public void fill() {
    hub = Fixtures.hub();
    owners = Fixtures.fillHub(hub, n);
    int[] keys = Fixtures.keysInPlay(Fixtures.RING, n, inPlay, 44);
    messages = new Message[Fixtures.RING];
    for (int i = 0; i < messages.length; i++) {
      messages[i] = Fixtures.deviceMessage("d" + keys[i]);
      if (hub.publish(messages[i]) != 1) {
        throw new IllegalStateException(messages[i] + " did not match exactly one subscription");
      }
    }
  }

  @TearDown(Level.Trial)
  public void check() {
    long delivered = 0;
    for (Fixtures.CountingOwner o : owners) {
      delivered += o.deliveries;
    }
    if (delivered != hub.publishedCount()) {
      throw new IllegalStateException(delivered + " deliveries for " + hub.publishedCount() + " publishes");
    }
  }

  @Benchmark
  public int publishOneKeyOfN() {
    return hub.publish(messages[next++ & (Fixtures.RING - 1)]);
  }
}
