package switchboard.xrpl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XrplEventTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aVersion2MessageGoesOutAsTheBytesItCameIn() {
    String text = "{ \"type\": \"transaction\", \"hash\": \"H\", \"tx_json\": {\"TransactionType\": \"Payment\", \"DeliverMax\": \"1\"} }";
    XrplEvent e = new XrplEvent(Feed.parse(text), text.getBytes(StandardCharsets.UTF_8));
    assertThat(new String(e.bytes(2), StandardCharsets.UTF_8)).isEqualTo(text);
    assertThat(new String(e.bytes(1), StandardCharsets.UTF_8)).contains("\"transaction\":{").contains("\"Amount\":\"1\"");
  }

  @Test
  void aVersion1MessageIsRenderedForVersion2() throws Exception {
    String text = "{\"type\":\"transaction\",\"transaction\":{\"TransactionType\":\"Payment\",\"Amount\":\"1\",\"hash\":\"H\"}}";
    XrplEvent e = new XrplEvent(Feed.parse(text), text.getBytes(StandardCharsets.UTF_8));
    assertThat(JSON.readTree(e.bytes(2)).has("tx_json")).isTrue();
    assertThat(JSON.readTree(e.bytes(2)).get("tx_json").get("DeliverMax").asText()).isEqualTo("1");
    assertThat(JSON.readTree(e.bytes(1))).isEqualTo(JSON.readTree(text));
  }

  @Test
  void aFrameHasTheLengthFormRfc6455GivesItsPayload() {
    for (int n : new int[] {0, 125, 126, 65_535, 65_536, 100_000}) {
      byte[] payload = new byte[n];
      java.util.Arrays.fill(payload, (byte) 'x');
      byte[] f = XrplEvent.textFrame(payload);
      assertThat(f[0]).isEqualTo((byte) 0x81);
      int header = n < 126 ? 2 : n <= 65_535 ? 4 : 10;
      assertThat(f).hasSize(header + n);
      long length = switch (header) {
        case 2 -> f[1];
        case 4 -> ((f[2] & 0xFF) << 8) | (f[3] & 0xFF);
        default -> java.nio.ByteBuffer.wrap(f, 2, 8).getLong();
      };
      assertThat(f[1] & 0x80).as("a server frame is not masked").isZero();
      assertThat(length).isEqualTo(n);
    }
  }
}
