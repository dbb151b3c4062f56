package switchboard.devicehive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import switchboard.devicehive.auth.TokenPayload;
import switchboard.devicehive.auth.TokenType;

/** authenticate, token, token/refresh, token/create over a real WebSocket (§3, §5; T ws-auth.js). */
class AuthWireIT {
  static DhHarness h;

  @BeforeAll
  static void start() {
    h = new DhHarness();
    h.client("alice", "alice-pw", h.seedNetwork());
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static void assertError(JsonNode r, int code, String text) {
    assertThat(r.get("status").asText()).isEqualTo("error");
    assertThat(r.get("code").asInt()).isEqualTo(code);
    assertThat(r.get("error").asText()).isEqualTo(text);
  }

  @Test
  void firstStartCreatesTheAdministratorAsUserOne() {
    assertThat(h.store.users().findByLogin(DhHarness.ADMIN).orElseThrow().id()).isEqualTo(1);
  }

  @Test
  void loginGivesTokensThatAuthenticate() throws Exception {
    try (DhWsClient c = h.connect()) {
      JsonNode t = c.ok("token", "login", "dhadmin", "password", "dhadmin_#911");
      assertThat(t.get("accessToken").asText()).contains(".");
      assertThat(t.get("refreshToken").asText()).isNotEqualTo(t.get("accessToken").asText());
      c.ok("authenticate", "token", t.get("accessToken").asText());
      assertThat(c.ok("subscription/list").get("subscriptions").size()).isZero();
    }
  }

  @Test
  void loginErrors() throws Exception {
    try (DhWsClient c = h.connect()) {
      assertError(c.call("token", "login", "nobody", "password", "x"), 401, "User with login = nobody not found or bad password");
      assertError(c.call("token", "login", "dhadmin", "password", "wrong"), 401, "Invalid credentials");
    }
  }

  @Test
  void authenticateErrors() throws Exception {
    try (DhWsClient c = h.connect()) {
      assertError(c.call("authenticate"), 401, "Unauthorized");
      assertError(c.call("authenticate", "token", "not.a.token"), 401, "Invalid credentials");
      JsonNode t = c.ok("token", "login", "dhadmin", "password", "dhadmin_#911");
      assertError(c.call("authenticate", "token", t.get("refreshToken").asText()), 401, "Invalid credentials");
      TokenPayload expired = new TokenPayload(1L, Set.of(0), Set.of("*"), Set.of("*"), 1_000L, TokenType.ACCESS);
      assertError(c.call("authenticate", "token", h.dialect.tokens().sign(expired)), 401, "Token expired");
      TokenPayload ghost = new TokenPayload(999L, Set.of(0), Set.of("*"), Set.of("*"), null, TokenType.ACCESS);
      assertError(c.call("authenticate", "token", h.dialect.tokens().sign(ghost)), 401, "Invalid credentials");
    }
  }

  @Test
  void refreshGivesAWorkingAccessToken() throws Exception {
    try (DhWsClient c = h.connect()) {
      JsonNode t = c.ok("token", "login", "dhadmin", "password", "dhadmin_#911");
      JsonNode r = c.ok("token/refresh", "refreshToken", t.get("refreshToken").asText());
      c.ok("authenticate", "token", r.get("accessToken").asText());
      assertError(c.call("token/refresh", "refreshToken", t.get("accessToken").asText()), 400, "Token is not valid");
    }
  }

  @Test
  void bearerHeaderOnTheUpgradeAuthenticates() throws Exception {
    String access;
    try (DhWsClient c = h.connect()) {
      access = c.ok("token", "login", "dhadmin", "password", "dhadmin_#911").get("accessToken").asText();
    }
    try (DhWsClient c = h.connect(Map.of("Authorization", "Bearer " + access))) {
      assertThat(c.ok("subscription/list").get("subscriptions").isArray()).isTrue();
    }
    try (DhWsClient c = h.connect(Map.of("Authorization", "Bearer nonsense"))) {
      assertError(c.call("subscription/list"), 401, "Unauthorized");
    }
  }

  @Test
  void tokenCreate() throws Exception {
    try (DhWsClient admin = h.admin(); DhWsClient alice = h.login("alice", "alice-pw")) {
      long aliceId = h.store.users().findByLogin("alice").orElseThrow().id();
      JsonNode made = admin.ok("token/create", "payload", Map.of("userId", aliceId, "actions", List.of("GetDeviceCommand"),
          "networkIds", List.of(String.valueOf(h.seedNetwork())), "deviceTypeIds", List.of("*")));
      try (DhWsClient c = h.connect()) {
        c.ok("authenticate", "token", made.get("accessToken").asText());
        assertError(c.call("notification/subscribe"), 403, "Access is denied");
        c.ok("command/subscribe");
      }
      assertError(admin.call("token/create", "payload", Map.of("userId", -1, "actions", List.of())), 404, "User with id = -1 not found");
      assertError(alice.call("token/create", "payload", Map.of("userId", 1, "actions", List.of(0))), 403, "Access is denied");
      // what the npm client's autoUpdateSession sends: its own claims back
      alice.ok("token/create", "payload", Map.of("userId", aliceId, "actions", List.of(),
          "networkIds", List.of(String.valueOf(h.seedNetwork())), "deviceTypeIds", List.of("*")));
    }
  }
}
