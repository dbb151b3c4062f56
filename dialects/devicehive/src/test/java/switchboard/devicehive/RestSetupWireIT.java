package switchboard.devicehive;

import static org.assertj.core.api.Assertions.assertThat;
import static switchboard.devicehive.RestAuthWireIT.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What DeviceHive's integration tests set up and clean up over REST (§8): networks, device types, users and their links. */
class RestSetupWireIT {
  static DhHarness h;
  static DhRest admin;

  @BeforeAll
  static void start() throws Exception {
    h = new DhHarness();
    admin = h.restAdmin();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void networkLifecycle() throws Exception {
    DhRest.Answer created = admin.post("/network", Map.of("name", "net-a", "description", "first"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().fieldNames()).toIterable().containsExactly("id");
    long id = created.body().get("id").asLong();
    JsonNode got = admin.get("/network/" + id).body();
    assertThat(got.get("name").asText()).isEqualTo("net-a");
    assertThat(got.get("description").asText()).isEqualTo("first");
    assertThat(got.get("devices").isArray()).isTrue();
    assertThat(admin.put("/network/" + id, Map.of("description", "changed")).status()).isEqualTo(204);
    assertThat(admin.get("/network/" + id).body().get("description").asText()).isEqualTo("changed");
    assertThat(admin.get("/network?name=net-a").body()).extracting(n -> n.get("id").asLong()).containsExactly(id);
    assertError(admin.post("/network", Map.of("name", "net-a")), 403,
        "Network cannot be created. Network with such name already exists");
    assertError(admin.post("/network", Map.of("description", "no name")), 400, "name field cannot be null.");
    assertThat(admin.delete("/network/" + id).status()).isEqualTo(204);
    assertError(admin.get("/network/" + id), 404, "Network with id = " + id + " not found");
    assertError(admin.delete("/network/" + id), 404, "Network with id = " + id + " not found");
  }

  @Test
  void deviceTypeLifecycle() throws Exception {
    DhRest.Answer created = admin.post("/devicetype", Map.of("name", "type-a"));
    assertThat(created.status()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    assertThat(admin.get("/devicetype/" + id).body().get("name").asText()).isEqualTo("type-a");
    assertThat(admin.put("/devicetype/" + id, Map.of("name", "type-b")).status()).isEqualTo(204);
    assertThat(admin.get("/devicetype").body()).extracting(t -> t.get("name").asText()).contains("type-b");
    assertThat(admin.delete("/devicetype/" + id).status()).isEqualTo(204);
    assertError(admin.get("/devicetype/" + id), 404, "Device type with id = " + id + " not found");
  }

  @Test
  void userLifecycleAndNetworkLinks() throws Exception {
    long net = admin.post("/network", Map.of("name", "carol-net")).body().get("id").asLong();
    DhRest.Answer created = admin.post("/user", Map.of("login", "carol", "password", "carol-pw", "role", 1, "status", 0));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    assertThat(admin.put("/user/" + id + "/network/" + net, null).status()).isEqualTo(204);
    assertThat(admin.get("/user/" + id + "/network/" + net).body().get("network").get("id").asLong()).isEqualTo(net);
    JsonNode user = admin.get("/user/" + id).body();
    assertThat(user.get("login").asText()).isEqualTo("carol");
    assertThat(user.get("role").asInt()).isEqualTo(1);
    assertThat(user.has("passwordHash")).isFalse();
    assertThat(user.get("networks")).extracting(n -> n.get("id").asLong()).containsExactly(net);

    DhRest carol = h.restLogin("carol", "carol-pw");
    assertThat(carol.get("/user/current").body().get("login").asText()).isEqualTo("carol");
    assertThat(carol.get("/network").body()).extracting(n -> n.get("id").asLong()).containsExactly(net);
    assertThat(carol.put("/device/carol-dev", Map.of("name", "c")).status()).isEqualTo(204);
    assertThat(carol.get("/device/carol-dev").body().get("networkId").asLong()).isEqualTo(net);
    assertError(carol.get("/user"), 403, "Access is denied");
    assertThat(carol.put("/user/current", Map.of("password", "new-pw", "role", 0)).status()).isEqualTo(204);
    assertThat(h.restLogin("carol", "new-pw").get("/user/current").body().get("role").asInt())
        .as("a client cannot make itself admin").isEqualTo(1);

    assertError(admin.post("/user", Map.of("login", "carol", "password", "x")), 403,
        "User with such login already exists. Please, select another one");
    assertThat(admin.delete("/user/" + id + "/network/" + net).status()).isEqualTo(204);
    assertError(admin.get("/user/" + id + "/network/" + net), 404, "Network with id = " + net + " not found");
    assertError(admin.put("/user/" + id + "/network/999999", null), 404, "Network with id = 999999 not found");
    assertThat(admin.get("/user").body()).extracting(u -> u.get("login").asText()).contains("dhadmin", "carol");
    assertThat(admin.delete("/device/carol-dev").status()).isEqualTo(204);
    assertThat(admin.delete("/user/" + id).status()).isEqualTo(204);
    assertError(admin.get("/user/" + id), 404, "User with id = " + id + " not found");
  }

  @Test
  void userDeviceTypeLinks() throws Exception {
    long type = admin.post("/devicetype", Map.of("name", "dave-type")).body().get("id").asLong();
    long id = admin.post("/user", Map.of("login", "dave", "password", "dave-pw")).body().get("id").asLong();
    assertThat(admin.delete("/user/" + id + "/devicetype/all").status()).isEqualTo(204);
    assertThat(admin.get("/user/" + id).body().get("allDeviceTypesAvailable").asBoolean()).isFalse();
    assertThat(admin.put("/user/" + id + "/devicetype/" + type, null).status()).isEqualTo(204);
    assertThat(admin.get("/user/" + id + "/devicetype").body()).extracting(t -> t.get("id").asLong()).containsExactly(type);
    assertThat(admin.get("/user/" + id + "/devicetype/" + type).body().get("deviceType").get("id").asLong()).isEqualTo(type);
    assertThat(admin.delete("/user/" + id + "/devicetype/" + type).status()).isEqualTo(204);
    assertThat(admin.get("/user/" + id + "/devicetype").body()).isEmpty();
  }
}
