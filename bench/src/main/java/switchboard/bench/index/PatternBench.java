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
import switchboard.bench.index.MatchBench.Sink;
import switchboard.core.Message;
import switchboard.core.SubscriptionSpec;
import switchboard.core.TopicSelector;
import switchboard.core.index.SubscriptionIndex;

/**
 * One topic-pattern subscription ({@code t\..*}) among N exact topics ({@code t.0 .. t.(N-1)}, one
 * subscription each); every message goes to one exact topic and so matches two subscriptions. With
 * the cache (the default, 10,000 topics) a publish looks its topic up in the cache; without it
 * ({@code new SubscriptionIndex<>(0)}) every publish runs the regular expression.
 *
 * <p>Messages visit all N topics, in a fixed shuffled order: with 1k topics every topic stays in the
 * cache, with 100k topics the distinct topics outnumber the cache's capacity, which is the case to
 * know about.
 */
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class PatternBench {
  @Param({"1000", "100000"})
  public int topics;

  @Param({"true", "false"})
  public boolean cache;

  private SubscriptionIndex<Integer> index;
  private Message[] messages;
  private int next;

  @Setup(Level.Trial)
  public void fill() {
    index = cache ? new SubscriptionIndex<>() : new SubscriptionIndex<>(0);
    for (int i = 0; i < topics; i++) {
      index.add(SubscriptionSpec.onTopic("t." + i).build(), i);
    }
    index.add(SubscriptionSpec.on(TopicSelector.regex("t\\..*")).build(), -1);
    int[] order = Fixtures.shuffled(topics, 45);
    messages = new Message[topics];
    for (int i = 0; i < topics; i++) {
      messages[i] = Message.builder("t." + order[i]).build();
    }
    MatchBench.expectMatches(index, messages, 2);
  }

  @Benchmark
  public void regexAmongExactTopics(Sink sink) {
    Message m = messages[next];
    next = next + 1 == messages.length ? 0 : next + 1;
    index.match(m, sink);
  }
}
