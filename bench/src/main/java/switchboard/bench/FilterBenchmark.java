package switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import switchboard.core.filter.Filter;

/** Content-filter evaluations per second on an already parsed message (parsing is paid once per message, not per filter). */
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FilterBenchmark {
  private Filter threePredicates;
  private Filter like;
  private JsonNode order;

  @Setup
  public void setup() throws Exception {
    threePredicates = Filter.compile("/symbol = 'IBM' AND /qty > 100 AND /side IN ('buy', 'sell')");
    like = Filter.compile("/trader LIKE '^j.*smith$'");
    order = new ObjectMapper().readTree("{\"symbol\":\"IBM\",\"qty\":250,\"side\":\"buy\",\"price\":91.5,\"trader\":\"jane smith\"}");
  }

  @Benchmark
  public boolean threePredicateFilter() {
    return threePredicates.test(order);
  }

  @Benchmark
  public boolean likeFilter() {
    return like.test(order);
  }
}
