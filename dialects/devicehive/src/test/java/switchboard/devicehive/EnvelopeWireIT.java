package switchboard.devicehive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The envelope and the catch-all errors over a real WebSocket (protocols/devicehive.md §2, §3 "Other catch-all errors"). */
class EnvelopeWireIT {
  static DhHarness h;

  @BeforeAll
  static void start() {
    h = new DhHarness();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void unparseableJsonIsMalformedWithNothingEchoed() throws Exception {
    try (DhWsClient c = h.connect()) {
      c.send("{\"text\": }");
      String raw = c.raw.poll(5, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(raw).isEqualTo("{\"code\":400,\"status\":\"error\",\"error\":\"Malformed Json received.\"}");
    }
  }

  @Test
  void aJsonStringIsNotARequest() throws Exception {
    try (DhWsClient c = h.connect()) {
      c.send("\"not a Json\"");
      JsonNode r = c.next();
      assertThat(r.get("code").asInt()).isEqualTo(400);
      assertThat(r.get("error").asText()).isEqualTo("Malformed Json received.");
      assertThat(r.has("action")).isFalse();
    }
  }

  @Test
  void unknownActionEchoesActionAndObjectRequestId() throws Exception {
    try (DhWsClient c = h.connect()) {
      c.send("{\"action\":\"foo/bar\",\"requestId\":{\"n\":[1,2]}}");
      String raw = c.raw.poll(5, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(raw).isEqualTo("{\"action\":\"foo/bar\",\"requestId\":{\"n\":[1,2]},\"code\":400,"
          + "\"status\":\"error\",\"error\":\"Illegal argument: foo/bar\"}");
    }
  }

  @Test
  void missingActionIs500() throws Exception {
    try (DhWsClient c = h.connect()) {
      c.send("{\"requestId\":7}");
      JsonNode r = c.next();
      assertThat(r.get("code").asInt()).isEqualTo(500);
      assertThat(r.get("error").asText()).isEqualTo("'action' field could not be parsed to known endpoint");
      assertThat(r.get("requestId").asInt()).isEqualTo(7);
      assertThat(r.get("action").isNull()).isTrue();
    }
  }

  @Test
  void requestIdIsNullWhenAbsentAndKeysComeInDeviceHiveOrder() throws Exception {
    try (DhWsClient c = h.connect()) {
      c.send("{\"action\":\"server/info\"}");
      String raw = c.raw.poll(5, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(raw).startsWith("{\"action\":\"server/info\",\"requestId\":null,\"status\":\"success\",\"info\":{");
      JsonNode info = DhWsClient.JSON.readTree(raw).get("info");
      assertThat(info.get("apiVersion").asText()).isNotEmpty();
      assertThat(info.get("serverTimestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
      assertThat(info.get("restServerUrl").asText()).endsWith("/dh/rest");
    }
  }

  @Test
  void aWrongFieldTypeIsMalformedWithTheEcho() throws Exception {
    try (DhWsClient c = h.admin()) {
      JsonNode r = c.call("notification/subscribe", "names", "temperature");
      assertThat(r.get("code").asInt()).isEqualTo(400);
      assertThat(r.get("error").asText()).isEqualTo("Malformed Json received.");
      assertThat(r.get("action").asText()).isEqualTo("notification/subscribe");
    }
  }

  @Test
  void theAliasPathServesTheSameApi() throws Exception {
    try (DhWsClient c = new DhWsClient(h.url("/api/websocket"))) {
      assertThat(c.ok("server/info").get("info").has("apiVersion")).isTrue();
    }
  }

  @Test
  void protectedActionsNeedAuthentication() throws Exception {
    try (DhWsClient c = h.connect()) {
      for (String action : List.of("command/subscribe", "notification/insert", "subscription/list",
          "command/unsubscribe", "device/get", "token/create")) {
        JsonNode r = c.call(action, "deviceId", "d1");
        assertThat(r.get("code").asInt()).as(action).isEqualTo(401);
        assertThat(r.get("error").asText()).as(action).isEqualTo("Unauthorized");
      }
    }
  }

  @Test
  void badInputLeavesTheConnectionWorking() throws Exception {
    try (DhWsClient c = h.connect()) {
      c.send("{{{");
      c.next();
      c.send("[]");
      c.next();
      assertThat(c.ok("server/info").get("status").asText()).isEqualTo("success");
    }
  }
}
