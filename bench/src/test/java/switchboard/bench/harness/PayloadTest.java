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
    long now = System.nanoTime();
    byte[] p = Payload.of(100, now);
    String s = new String(p, StandardCharsets.US_ASCII);
    assertThat(p).hasSize(100);
    assertThat(s).matches("\\{\"ts\":1[0-9]{18},\"v\":\"x+\"}");
    assertThat(Payload.sentAt(ByteBuffer.wrap(p), 0, p.length)).isEqualTo(now);
    Payload.stamp(p, now + 1_234_567_890_123L);
    assertThat(Payload.sentAt(ByteBuffer.wrap(p), 0, p.length)).isEqualTo(now + 1_234_567_890_123L);
    assertThatThrownBy(() -> Payload.stamp(p, now - 100L * 86_400_000_000_000L)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Payload.of(Payload.MIN_SIZE - 1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theTimeIsFoundInsideALargerMessage() {
    long now = System.nanoTime();
    String body = new String(Payload.of(60, now), StandardCharsets.US_ASCII).replace("\"ts\":", "\"ts\": ");
    String message = "{\"id\":7,\"ts\":\"2024-01-01\",\"parameters\":" + body + "}";
    ByteBuffer buf = ByteBuffer.wrap(message.getBytes(StandardCharsets.US_ASCII));
    assertThat(Payload.sentAt(buf, 0, buf.limit())).isEqualTo(now);
    assertThat(Payload.sentAt(buf, 0, 20)).isEqualTo(-1);
  }
}
