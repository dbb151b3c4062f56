package switchboard.devicehive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** REST /info, the token endpoints under all three roots, 401/403 in REST's error shape, and scoped tokens (§5, §6). */
class RestAuthWireIT {
  static DhHarness h;
  static long other;

  @BeforeAll
  static void start() throws Exception {
    h = new DhHarness();
    other = h.network("other").id();
    h.client("bob", "bob-pw", h.seedNetwork());
    DhRest admin = h.restAdmin();
    assertThat(admin.put("/device/mine", Map.of("name", "in seed network")).status()).isEqualTo(204);
    assertThat(admin.put("/device/theirs", Map.of("name", "elsewhere", "networkId", other)).status()).isEqualTo(204);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  static void assertError(DhRest.Answer a, int code, String message) {
    assertThat(a.status()).as(a.toString()).isEqualTo(code);
    assertThat(a.body().get("error").asInt()).isEqualTo(code);
    assertThat(a.message()).isEqualTo(message);
  }

  @Test
  void infoNamesTheWebSocketOnTheHostAskedFor() throws Exception {
    for (String root : List.of("/dh/rest", "/api/rest")) {
      DhRest.Answer a = h.rest(root).get("/info");
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.body().get("apiVersion").asText()).isNotEmpty();
      assertThat(a.body().get("serverTimestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*\\.\\d{3}");
      assertThat(a.body().get("webSocketServerUrl").asText()).isEqualTo(h.url("/dh/websocket"));
    }
  }

  @Test
  void tokenRefreshAndErrorsUnderEveryRoot() throws Exception {
    for (String root : List.of("/dh/rest", "/api/rest", "/auth/rest")) {
      DhRest anon = h.rest(root);
      DhRest.Answer t = anon.post("/token", Map.of("login", "bob", "password", "bob-pw"));
      assertThat(t.status()).as(root + " " + t).isEqualTo(201);
      assertThat(t.body().fieldNames()).toIterable().containsExactly("accessToken", "refreshToken");
      DhRest.Answer r = anon.post("/token/refresh", Map.of("refreshToken", t.body().get("refreshToken").asText()));
      assertThat(r.status()).isEqualTo(201);
      assertThat(r.body().fieldNames()).toIterable().containsExactly("accessToken");
      assertError(anon.post("/token", Map.of("login", "bob", "password", "wrong")), 401, "Invalid credentials");
      assertError(anon.post("/token", Map.of("login", "nobody", "password", "x")), 401,
          "User with login = nobody not found or bad password");
    }
    assertError(h.rest("/auth/rest").get("/device"), 404, "Not Found");
  }

  @Test
  void missingOrBadTokenIs401() throws Exception {
    assertError(h.rest().get("/device/mine"), 401, "Unauthorized");
    assertError(h.rest().as("not-a-jwt").get("/device/mine"), 401, "Invalid credentials");
    DhRest bob = h.restLogin("bob", "bob-pw");
    assertError(bob.post("/token/create", Map.of("userId", 1, "actions", List.of("*"))), 403, "Access is denied");
    assertError(h.rest().post("/token/create", Map.of("userId", 1)), 401, "Unauthorized");
    assertError(bob.post("/network", Map.of("name", "bob's")), 403, "Access is denied");
  }

  @Test
  void tokenCreateNeedsAnExistingUser() throws Exception {
    assertError(h.restAdmin().post("/token/create", Map.of("userId", -1, "actions", List.of("*"))), 404,
        "User with id = -1 not found");
  }

  /** A token scoped to one network cannot reach another network's device, and lists only its own. */
  @Test
  void aTokenScopedToOneNetworkSeesOnlyThatNetwork() throws Exception {
    DhRest admin = h.restAdmin();
    DhRest.Answer minted = admin.post("/token/create", Map.of("userId", 1,
        "actions", List.of("GetDevice", "CreateDeviceCommand", "GetDeviceCommand", "CreateDeviceNotification"),
        "networkIds", List.of(h.seedNetwork()), "deviceTypeIds", List.of("*")));
    assertThat(minted.status()).as(minted.toString()).isEqualTo(201);
    DhRest scoped = h.rest().as(minted.body().get("accessToken").asText());
    assertThat(scoped.get("/device/mine").status()).isEqualTo(200);
    assertError(scoped.get("/device/theirs"), 403, "Access is denied");
    assertError(scoped.post("/device/theirs/command", Map.of("command", "x")), 403, "Access is denied");
    assertError(scoped.post("/device/theirs/notification", Map.of("notification", "x")), 403, "Access is denied");
    assertError(scoped.get("/device/ghost"), 403, "Access is denied");
    assertThat(scoped.post("/device/mine/command", Map.of("command", "x")).status()).isEqualTo(201);
    assertThat(scoped.get("/device").body()).extracting(d -> d.get("id").asText()).contains("mine").doesNotContain("theirs");
    assertError(scoped.put("/device/new-one", Map.of("name", "n")), 403, "Access is denied");
    assertThat(admin.get("/device").body()).extracting(d -> d.get("id").asText()).contains("mine", "theirs");
    assertError(admin.get("/device/ghost"), 404, "Device with such deviceId = ghost not found");
  }

  @Test
  void unknownPathAndMethod() throws Exception {
    DhRest admin = h.restAdmin();
    assertError(admin.get("/nothing/here"), 404, "Not Found");
    assertError(admin.send("PATCH", "/device/mine", Map.of()), 405, "Method Not Allowed");
    assertError(admin.put("/device/mine", "{not json"), 400, "Malformed Json received.");
  }
}
