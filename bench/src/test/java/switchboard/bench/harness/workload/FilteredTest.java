package switchboard.bench.harness.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import switchboard.bench.harness.Payload;
import switchboard.core.filter.Filter;

/** The filter workload's body: JSON a content filter can select on, still carrying the send time. */
class FilteredTest {
  @Test
  void theBodyIsJsonOfTheSizeAskedCarryingItsGroupAndTheTime() throws Exception {
    long now = System.nanoTime();
    byte[] body = Filtered.body(100, 37, now);
    assertThat(body).hasSize(100);
    JsonNode json = new ObjectMapper().readTree(body);
    assertThat(json.path("g").asInt()).isEqualTo(37);
    assertThat(json.path("ts").isIntegralNumber()).isTrue();
    assertThat(Payload.sentAt(ByteBuffer.wrap(body), 0, body.length)).isEqualTo(now);
    assertThat(Filtered.body(100, 0, now)).hasSize(100);
    assertThatThrownBy(() -> Filtered.body(20, 1, now)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theGroupFilterMatchesItsGroupOnly() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    Filter three = Filter.compile("/g = 3");
    assertThat(three.test(mapper.readTree(Filtered.body(100, 3, System.nanoTime())))).isTrue();
    assertThat(three.test(mapper.readTree(Filtered.body(100, 30, System.nanoTime())))).isFalse();
    assertThat(three.test(mapper.readTree(Filtered.body(100, 0, System.nanoTime())))).isFalse();
  }
}
