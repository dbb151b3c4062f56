package switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A message's index keys: those its publisher sets, and the field keys read from its payload. */
class MessageTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void derivesFieldKeysFromItsPayloadAndKeepsItsOwn() {
    Message m = Message.builder("t").payload("{\"g\":\"7.0\",\"deviceId\":\"x\"}".getBytes(StandardCharsets.UTF_8))
        .indexKey("deviceId", "d1").build();
    assertThat(m.indexKey("deviceId")).containsExactly("d1");
    assertThat(m.indexKey("json:/g")).containsExactly("7.0", "7");
    assertThat(m.indexKey("json:/deviceId")).containsExactly("x");
    assertThat(m.indexKey("account")).isEmpty();
    assertThat(m.indexKeys()).containsOnlyKeys("deviceId");
  }

  @Test
  void aPayloadThatIsNotJsonHasNoFieldValues() {
    Message m = Message.builder("t").payload("g=7".getBytes(StandardCharsets.UTF_8)).build();
    assertThat(m.indexKey("json:/g")).isEmpty();
    assertThat(Message.builder("t").build().indexKey("json:/g")).isEmpty();
  }

  @Test
  void aParsedPayloadGivenByThePublisherIsUsed() throws Exception {
    JsonNode json = JSON.readTree("{\"g\":8}");
    Message m = Message.builder("t").payload("{\"g\":7}".getBytes(StandardCharsets.UTF_8)).json(json).build();
    assertThat(m.indexKey("json:/g")).containsExactly("8");
  }

  @Test
  void publishersCannotSetFieldKeys() {
    assertThatThrownBy(() -> Message.builder("t").indexKey("json:/g", "7"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reserved");
  }
}
