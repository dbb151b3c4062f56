package switchboard.bench.harness.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import switchboard.bench.harness.Interest;
import switchboard.bench.harness.Protocol;

class DevicehiveTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Devicehive dh = new Devicehive("T0KEN");

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void requestsNameThemselvesAndPublishesNoReply() throws Exception {
    assertThat(text(dh.hello("x")[0])).isEqualTo("{\"action\":\"authenticate\",\"requestId\":\"a\",\"token\":\"T0KEN\"}");
    assertThat(text(dh.subscribe(Interest.topic("dev-1"), 5)))
        .isEqualTo("{\"action\":\"notification/subscribe\",\"requestId\":\"s5\",\"deviceId\":\"dev-1\"}");
    assertThat(text(dh.saveDevice("dev-1")))
        .isEqualTo("{\"action\":\"device/save\",\"requestId\":\"d\",\"deviceId\":\"dev-1\",\"device\":{\"name\":\"dev-1\"}}");
    byte[] publish = dh.publish("dev-1", "{\"ts\":1234567890123,\"v\":\"x0\"}".getBytes(StandardCharsets.UTF_8));
    JsonNode p = JSON.readTree(publish);
    assertThat(p.path("action").asText()).isEqualTo("notification/insert");
    assertThat(p.has("requestId")).isFalse();
    assertThat(p.path("deviceId").asText()).isEqualTo("dev-1");
    assertThat(p.path("notification").path("notification").asText()).isEqualTo("bench");
    assertThat(p.path("notification").path("parameters").toString()).isEqualTo("{\"ts\":1234567890123,\"v\":\"x0\"}");
  }

  @Test
  void unsubscribeNeedsTheIdTheServerGave() throws Exception {
    Protocol.Parser parser = dh.parser();
    assertThatThrownBy(() -> dh.unsubscribe(Interest.topic("dev-1"), 5)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> dh.unsubscribe(parser, Interest.topic("dev-1"), 5)).isInstanceOf(IllegalStateException.class);
    Recorder r = new Recorder(parser);
    r.feed(Recorder.message("{\"action\":\"authenticate\",\"requestId\":\"a\",\"status\":\"success\"}"));
    r.feed(Recorder.message("{\"action\":\"notification/subscribe\",\"requestId\":\"s5\",\"status\":\"success\",\"subscriptionId\":1732000000000123}"));
    assertThat(r.events).containsExactly("ok", "ok");
    assertThat(text(dh.unsubscribe(parser, Interest.topic("dev-1"), 5)))
        .isEqualTo("{\"action\":\"notification/unsubscribe\",\"requestId\":\"u5\",\"subscriptionId\":1732000000000123}");
    r.feed(Recorder.message("{\"action\":\"notification/unsubscribe\",\"requestId\":\"u5\",\"status\":\"success\"}"));
    assertThat(r.events).containsExactly("ok", "ok", "ok");
  }

  @Test
  void anErrorReplyFails() throws Exception {
    Recorder r = new Recorder(dh.parser());
    r.feed(Recorder.message("{\"action\":\"notification/subscribe\",\"requestId\":\"s6\",\"code\":404,\"status\":\"error\","
        + "\"error\":\"Device with such deviceId = nope not found\"}"));
    assertThat(r.events).containsExactly("failed 404 Device with such deviceId = nope not found");
  }

  @Test
  void aPushDeliversItsParametersAndPublishAnswersAreDrained() throws Exception {
    Recorder r = new Recorder(dh.parser());
    byte[] push = Recorder.message("{\"action\":\"notification/insert\",\"notification\":{\"id\":77,\"notification\":\"bench\","
        + "\"deviceId\":\"dev-1\",\"networkId\":1,\"deviceTypeId\":null,\"timestamp\":\"2026-01-01T00:00:00.000\","
        + "\"parameters\":{\"ts\":1234567890123,\"v\":\"a}\\\"b\"}},\"subscriptionId\":1732000000000123}");
    r.feed(java.util.Arrays.copyOf(push, 40));
    assertThat(r.events).isEmpty();
    r.feed(java.util.Arrays.copyOfRange(push, 40, push.length));
    r.feed(Recorder.message("{\"action\":\"notification/insert\",\"requestId\":null,\"status\":\"success\","
        + "\"notification\":{\"id\":78,\"timestamp\":\"2026-01-01T00:00:00.001\"}}"));
    r.feed(Recorder.message("{\"action\":\"notification/insert\",\"notification\":{\"id\":79,\"notification\":\"$device-update\","
        + "\"deviceId\":\"dev-1\",\"networkId\":1,\"deviceTypeId\":null,\"timestamp\":\"2026-01-01T00:00:00.000\","
        + "\"parameters\":{\"id\":\"dev-1\"}},\"subscriptionId\":1732000000000123}"));
    assertThat(r.events).containsExactly("delivery {\"ts\":1234567890123,\"v\":\"a}\\\"b\"}");
  }

  @Test
  void aRefusedPublishIsAnError() {
    Recorder r = new Recorder(dh.parser());
    assertThatThrownBy(() -> r.feed(Recorder.message("{\"action\":\"notification/insert\",\"requestId\":null,\"code\":404,"
        + "\"status\":\"error\",\"error\":\"Device with such deviceId = x not found\"}")))
        .isInstanceOf(Protocol.ProtocolException.class).hasMessageContaining("404");
  }
}
