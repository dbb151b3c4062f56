package switchboard.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The payload's send time: written at a fixed place, found again wherever a dialect puts it. */
class PayloadTest {
  @Test
  void aPayloadIsJsonOfTheSizeAskedCarryingTheTime() {
    byte[] p = Payload.of(100, 42);
    String s = new String(p, StandardCharsets.US_ASCII);
    assertThat(p).hasSize(100);
    assertThat(s).startsWith("{\"ts\":0000000000000000042,\"v\":\"xxx").endsWith("x\"}");
    Payload.stamp(p, 1_234_567_890_123L);
    assertThat(Payload.sentAt(ByteBuffer.wrap(p), 0, p.length)).isEqualTo(1_234_567_890_123L);
    assertThatThrownBy(() -> Payload.of(Payload.MIN_SIZE - 1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theTimeIsFoundInsideALargerMessageEvenWithoutItsLeadingZeros() {
    String message = "{\"id\":7,\"ts\":\"2024-01-01\",\"parameters\":{\"ts\": 987654321,\"v\":\"x\"}}";
    ByteBuffer buf = ByteBuffer.wrap(message.getBytes(StandardCharsets.US_ASCII));
    assertThat(Payload.sentAt(buf, 0, buf.limit())).isEqualTo(987_654_321L);
    assertThat(Payload.sentAt(buf, 0, 20)).isEqualTo(-1);
  }
}
