package switchboard.devicehive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** device/save, device/get, command and notification insert/update/get/list and their errors (§3). */
class MessagesWireIT {
  static DhHarness h;
  static long other;

  @BeforeAll
  static void start() throws Exception {
    h = new DhHarness();
    other = h.network("other").id();
    h.client("bob", "bob-pw", h.seedNetwork());
    try (DhWsClient a = h.admin()) {
      a.ok("device/save", "deviceId", "dev-1", "device", Map.of("name", "first", "data", Map.of("k", 1)));
      a.ok("device/save", "deviceId", "dev-other", "device", Map.of("name", "elsewhere", "networkId", other));
    }
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static void assertError(JsonNode r, int code, String text) {
    assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("error");
    assertThat(r.get("code").asInt()).isEqualTo(code);
    assertThat(r.get("error").asText()).isEqualTo(text);
  }

  @Test
  void savedDeviceJoinsTheDefaultNetworkAndReadsBack() throws Exception {
    try (DhWsClient a = h.admin()) {
      JsonNode dev = a.ok("device/get", "deviceId", "dev-1").get("device");
      assertThat(dev.get("id").asText()).isEqualTo("dev-1");
      assertThat(dev.get("name").asText()).isEqualTo("first");
      assertThat(dev.get("data").get("k").asInt()).isEqualTo(1);
      assertThat(dev.get("networkId").asLong()).isEqualTo(h.seedNetwork());
      assertThat(dev.get("isBlocked").asBoolean()).isFalse();
      assertError(a.call("device/get", "deviceId", "nope"), 404, "Device with such deviceId = nope not found");
    }
  }

  @Test
  void commandInsertAnswersIdTimesAndUser() throws Exception {
    try (DhWsClient a = h.admin()) {
      JsonNode c = a.ok("command/insert", "deviceId", "dev-1", "command", Map.of("command", "on", "parameters", Map.of("v", 2))).get("command");
      assertThat(c.get("id").asLong()).isPositive();
      assertThat(c.get("userId").asLong()).isEqualTo(1);
      assertThat(c.get("timestamp").asText()).isEqualTo(c.get("lastUpdated").asText()).matches("\\d{4}-.*\\.\\d{3}");
      assertThat(c.size()).isEqualTo(4);
      JsonNode got = a.ok("command/get", "deviceId", "dev-1", "commandId", c.get("id").asLong()).get("command");
      assertThat(got.get("command").asText()).isEqualTo("on");
      assertThat(got.get("parameters").get("v").asInt()).isEqualTo(2);
      assertThat(got.has("status")).isTrue();
      assertThat(got.get("status").isNull()).isTrue();
      assertThat(got.size()).isEqualTo(12);
      JsonNode list = a.ok("command/list", "deviceId", "dev-1", "command", "on").get("commands");
      assertThat(list).anySatisfy(x -> assertThat(x.get("id").asLong()).isEqualTo(c.get("id").asLong()));
    }
  }

  @Test
  void commandInsertErrorsInDeviceHiveOrder() throws Exception {
    try (DhWsClient a = h.admin(); DhWsClient bob = h.login("bob", "bob-pw")) {
      assertError(a.call("command/insert", "command", Map.of("command", "x")), 400, "Device id is wrong or empty");
      assertError(a.call("command/insert", "deviceId", "ghost", "command", Map.of("command", "x")), 404,
          "Device with such deviceId = ghost not found");
      assertError(a.call("command/insert", "deviceId", "dev-1"), 400, "Command is required");
      assertError(bob.call("command/insert", "deviceId", "ghost", "command", Map.of("command", "x")), 403, "Access is denied");
      assertError(bob.call("command/insert", "deviceId", "dev-other", "command", Map.of("command", "x")), 403, "Access is denied");
      bob.ok("command/insert", "deviceId", "dev-1", "command", Map.of("command", "x"));
    }
  }

  @Test
  void commandUpdateChangesOnlyStatusAndResult() throws Exception {
    try (DhWsClient a = h.admin()) {
      long id = a.ok("command/insert", "deviceId", "dev-1", "command", Map.of("command", "blink")).get("command").get("id").asLong();
      a.ok("command/update", "deviceId", "dev-1", "commandId", id,
          "command", Map.of("command", "renamed", "status", "done", "result", Map.of("ok", true)));
      JsonNode got = a.ok("command/get", "deviceId", "dev-1", "commandId", id).get("command");
      assertThat(got.get("command").asText()).isEqualTo("blink");
      assertThat(got.get("status").asText()).isEqualTo("done");
      assertThat(got.get("result").get("ok").asBoolean()).isTrue();
      assertError(a.call("command/update", "deviceId", "dev-1", "command", Map.of()), 400, "Command id is wrong or empty");
      assertError(a.call("command/update", "commandId", id, "command", Map.of()), 400, "Device id is wrong or empty");
      assertError(a.call("command/update", "deviceId", "dev-1", "commandId", 123456789, "command", Map.of()), 404,
          "Command with id = 123456789 not found");
      assertError(a.call("command/get", "deviceId", "dev-1"), 400, "Command id is wrong or empty");
    }
  }

  @Test
  void notificationInsertGetList() throws Exception {
    try (DhWsClient a = h.admin()) {
      JsonNode n = a.ok("notification/insert", "deviceId", "dev-1",
          "notification", Map.of("notification", "temp", "parameters", Map.of("c", 21.5))).get("notification");
      assertThat(n.size()).isEqualTo(2);
      JsonNode got = a.ok("notification/get", "deviceId", "dev-1", "notificationId", n.get("id").asLong()).get("notification");
      assertThat(got.get("notification").asText()).isEqualTo("temp");
      assertThat(got.get("parameters").get("c").asDouble()).isEqualTo(21.5);
      assertThat(got.get("networkId").asLong()).isEqualTo(h.seedNetwork());
      assertThat(a.ok("notification/list", "deviceId", "dev-1", "notification", "temp").get("notifications"))
          .extracting(x -> x.get("id").asLong()).contains(n.get("id").asLong());
      assertError(a.call("notification/insert", "deviceId", "dev-1"), 400, "Notification is required");
      assertError(a.call("notification/insert", "notification", Map.of("notification", "x")), 400, "Device id is wrong or empty");
      assertError(a.call("notification/insert", "deviceId", "ghost", "notification", Map.of("notification", "x")), 404,
          "Device with such deviceId = ghost not found");
      assertError(a.call("notification/get", "deviceId", "dev-1", "notificationId", "abc"), 400,
          "Notification id should be an integer value.");
      assertError(a.call("notification/get", "deviceId", "dev-1", "notificationId", 987654321), 404,
          "Notification with id = 987654321 not found");
    }
  }

  @Test
  void aDeviceWithoutANetworkCannotNotify() throws Exception {
    try (DhWsClient a = h.admin()) {
      h.store.devices().put(new switchboard.core.spi.Device("loner", "loner", null, null, null, false));
      assertError(a.call("notification/insert", "deviceId", "loner", "notification", Map.of("notification", "x")), 403,
          "Device with deviceId = loner is not connected to any network");
    }
  }
}
