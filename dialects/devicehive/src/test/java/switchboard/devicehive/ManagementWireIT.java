package switchboard.devicehive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket management actions the npm client's ApiMap names: device/list|delete, network/*,
 * devicetype/*, user/*, user/getNetwork|assignNetwork|unassignNetwork, user/getCurrent|updateCurrent,
 * server/cacheInfo, cluster/info — the same operations REST runs.
 */
class ManagementWireIT {
  static DhHarness h;

  @BeforeAll
  static void start() {
    h = new DhHarness();
    h.client("bob", "bob-pw", h.seedNetwork());
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
  void networksAndDeviceTypes() throws Exception {
    try (DhWsClient a = h.admin()) {
      long net = a.ok("network/insert", "network", Map.of("name", "ws-net")).get("network").get("id").asLong();
      assertThat(a.ok("network/get", "networkId", net).get("network").get("name").asText()).isEqualTo("ws-net");
      a.ok("network/update", "networkId", net, "network", Map.of("description", "d"));
      assertThat(a.ok("network/list", "name", "ws-net").get("networks").get(0).get("description").asText()).isEqualTo("d");
      a.ok("network/delete", "networkId", net);
      assertError(a.call("network/get", "networkId", net), 404, "Network with id = " + net + " not found");

      long type = a.ok("devicetype/insert", "deviceType", Map.of("name", "ws-type")).get("deviceType").get("id").asLong();
      assertThat(a.ok("devicetype/get", "deviceTypeId", type).get("deviceType").get("name").asText()).isEqualTo("ws-type");
      a.ok("devicetype/update", "deviceTypeId", type, "deviceType", Map.of("name", "ws-type-2"));
      assertThat(a.ok("devicetype/list").get("deviceTypes")).extracting(t -> t.get("name").asText()).contains("ws-type-2");
      a.ok("devicetype/delete", "deviceTypeId", type);
    }
    try (DhWsClient bob = h.login("bob", "bob-pw")) {
      assertThat(bob.ok("network/list").get("networks")).extracting(n -> n.get("id").asLong()).containsExactly(h.seedNetwork());
      assertError(bob.call("network/insert", "network", Map.of("name", "mine")), 403, "Access is denied");
    }
    try (DhWsClient anon = h.connect()) {
      assertError(anon.call("network/list"), 401, "Unauthorized");
    }
  }

  @Test
  void usersAndTheirNetworks() throws Exception {
    try (DhWsClient a = h.admin()) {
      long net = a.ok("network/insert", "network", Map.of("name", "erin-net")).get("network").get("id").asLong();
      JsonNode u = a.ok("user/insert", "user", Map.of("login", "erin", "password", "erin-pw", "role", 1)).get("user");
      long id = u.get("id").asLong();
      assertThat(u.has("lastLogin")).isTrue();
      a.ok("user/assignNetwork", "userId", id, "networkId", net);
      assertThat(a.ok("user/getNetwork", "userId", id, "networkId", net).get("network").get("name").asText()).isEqualTo("erin-net");
      a.ok("user/update", "userId", id, "user", Map.of("data", Map.of("x", 1)));
      JsonNode got = a.ok("user/get", "userId", id).get("user");
      assertThat(got.get("data").get("x").asInt()).isEqualTo(1);
      assertThat(got.get("networks")).extracting(n -> n.get("id").asLong()).containsExactly(net);
      assertThat(a.ok("user/list").get("users")).extracting(x -> x.get("login").asText()).contains("erin");
      try (DhWsClient erin = h.login("erin", "erin-pw")) {
        assertThat(erin.ok("user/getCurrent").get("current").get("login").asText()).isEqualTo("erin");
        erin.ok("user/updateCurrent", "user", Map.of("introReviewed", true));
        assertThat(erin.ok("user/getCurrent").get("current").get("introReviewed").asBoolean()).isTrue();
        assertError(erin.call("user/list"), 403, "Access is denied");
      }
      a.ok("user/unassignNetwork", "userId", id, "networkId", net);
      assertError(a.call("user/getNetwork", "userId", id, "networkId", net), 404, "Network with id = " + net + " not found");
      a.ok("user/delete", "userId", id);
      assertError(a.call("user/get", "userId", id), 404, "User with id = " + id + " not found");
    }
  }

  @Test
  void deviceListAndDelete() throws Exception {
    try (DhWsClient a = h.admin(); DhWsClient bob = h.login("bob", "bob-pw")) {
      long other = a.ok("network/insert", "network", Map.of("name", "hidden")).get("network").get("id").asLong();
      a.ok("device/save", "deviceId", "ws-dev", "device", Map.of("name", "visible"));
      a.ok("device/save", "deviceId", "ws-hidden", "device", Map.of("name", "hidden", "networkId", other));
      assertThat(a.ok("device/list").get("devices")).extracting(d -> d.get("id").asText()).contains("ws-dev", "ws-hidden");
      assertThat(bob.ok("device/list").get("devices")).extracting(d -> d.get("id").asText()).contains("ws-dev").doesNotContain("ws-hidden");
      assertThat(a.ok("device/list", "networkId", other).get("devices")).extracting(d -> d.get("id").asText()).containsExactly("ws-hidden");
      assertError(bob.call("device/delete", "deviceId", "ws-hidden"), 403, "Access is denied");
      a.ok("device/delete", "deviceId", "ws-hidden");
      assertError(a.call("device/get", "deviceId", "ws-hidden"), 404, "Device with such deviceId = ws-hidden not found");
    }
  }

  @Test
  void serverAndClusterInfoNeedNoAuth() throws Exception {
    try (DhWsClient anon = h.connect()) {
      assertThat(anon.ok("server/cacheInfo").get("cacheInfo").get("serverTimestamp").asText()).isNotEmpty();
      assertThat(anon.ok("cluster/info").get("clusterInfo").isObject()).isTrue();
    }
  }
}
