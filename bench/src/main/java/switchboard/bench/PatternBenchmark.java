package switchboard.bench;

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
import org.openjdk.jmh.infra.Blackhole;
import switchboard.core.Message;
import switchboard.core.SubscriptionSpec;
import switchboard.core.TopicSelector;
import switchboard.core.index.SubscriptionIndex;

/** A publish while 100 topic patterns exist, with the per-topic pattern cache and without it. */
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
public class PatternBenchmark {
  @Param({"true", "false"})
  public boolean cache;

  private SubscriptionIndex<Integer> index;
  private Message[] messages;
  private int next;

  @Setup(Level.Trial)
  public void fill() {
    index = new SubscriptionIndex<>(cache ? 10_000 : 0);
    for (int i = 0; i < 100; i++) {
      index.add(SubscriptionSpec.on(TopicSelector.regex("orders\\.region" + i + "\\..*")).build(), i);
    }
    messages = new Message[64];
    for (int i = 0; i < messages.length; i++) {
      messages[i] = Message.builder("orders.region" + (i % 100) + ".desk" + i).build();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public void matchAmong100Patterns(Blackhole bh) {
    index.match(messages[next++ & 63], bh::consume);
  }
}
