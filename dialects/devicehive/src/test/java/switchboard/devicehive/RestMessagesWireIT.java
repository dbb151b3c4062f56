package switchboard.devicehive;

import static org.assertj.core.api.Assertions.assertThat;
import static switchboard.devicehive.RestAuthWireIT.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** REST devices, commands (with the wait poll) and notifications, and their meeting with WebSocket subscribers (§3, §6). */
class RestMessagesWireIT {
  static DhHarness h;
  static DhRest admin;

  @BeforeAll
  static void start() throws Exception {
    h = new DhHarness();
    admin = h.restAdmin();
    assertThat(admin.put("/device/dev-r", Map.of("name", "rest device", "data", Map.of("k", 1))).status()).isEqualTo(204);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void deviceSaveGetListDelete() throws Exception {
    assertThat(admin.put("/device/short-lived", Map.of("name", "temp")).status()).isEqualTo(204);
    JsonNode dev = admin.get("/device/short-lived").body();
    assertThat(dev.get("name").asText()).isEqualTo("temp");
    assertThat(dev.get("networkId").asLong()).isEqualTo(h.seedNetwork());
    assertThat(admin.get("/device").body()).extracting(d -> d.get("id").asText()).contains("dev-r", "short-lived");
    assertThat(admin.get("/device/count").body().get("count").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(admin.delete("/device/short-lived").status()).isEqualTo(204);
    assertError(admin.get("/device/short-lived"), 404, "Device with such deviceId = short-lived not found");
    assertError(admin.delete("/device/short-lived"), 404, "Device with such deviceId = short-lived not found");
    assertError(admin.put("/device/bad_id!", Map.of("name", "x")), 400, "Device id is wrong or empty");
  }

  @Test
  void commandInsertGetUpdateList() throws Exception {
    DhRest.Answer ins = admin.post("/device/dev-r/command", Map.of("command", "on", "parameters", Map.of("v", 2)));
    assertThat(ins.status()).isEqualTo(201);
    assertThat(ins.body().fieldNames()).toIterable().containsExactly("id", "timestamp", "lastUpdated", "userId");
    long id = ins.body().get("id").asLong();
    JsonNode got = admin.get("/device/dev-r/command/" + id).body();
    assertThat(got.get("command").asText()).isEqualTo("on");
    assertThat(got.get("parameters").get("v").asInt()).isEqualTo(2);
    assertThat(admin.put("/device/dev-r/command/" + id, Map.of("status", "done", "result", Map.of("ok", true))).status())
        .isEqualTo(204);
    got = admin.get("/device/dev-r/command/" + id).body();
    assertThat(got.get("status").asText()).isEqualTo("done");
    assertThat(got.get("command").asText()).isEqualTo("on");
    assertThat(admin.get("/device/dev-r/command?command=on").body()).extracting(c -> c.get("id").asLong()).contains(id);
    assertError(admin.get("/device/dev-r/command/123456789"), 404, "Command with id = 123456789 not found");
    assertError(admin.post("/device/ghost/command", Map.of("command", "x")), 404, "Device with such deviceId = ghost not found");
    assertError(admin.get("/device/dev-r/command/abc"), 400, "Malformed Json received.");
  }

  @Test
  void aCommandInsertedOverRestReachesAWebSocketSubscriber() throws Exception {
    try (DhWsClient ws = h.admin()) {
      long sub = ws.ok("command/subscribe", "deviceId", "dev-r").get("subscriptionId").asLong();
      long id = admin.post("/device/dev-r/command", Map.of("command", "to-ws")).body().get("id").asLong();
      JsonNode push = ws.push("command/insert");
      assertThat(push.get("subscriptionId").asLong()).isEqualTo(sub);
      assertThat(push.get("command").get("id").asLong()).isEqualTo(id);
      assertThat(push.get("command").get("command").asText()).isEqualTo("to-ws");
    }
  }

  @Test
  void pollAnswersTheCommandOnceAWebSocketUpdateArrives() throws Exception {
    long id = admin.post("/device/dev-r/command", Map.of("command", "wait-for-me")).body().get("id").asLong();
    CompletableFuture<DhRest.Answer> poll = admin.sendAsync("GET", "/device/dev-r/command/" + id + "/poll?waitTimeout=20", null);
    // the update must reach the waiting poll, not a poll that reads the store after it
    org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> h.hub.subscriptionCount() == 1);
    assertThat(poll).isNotDone();
    try (DhWsClient ws = h.admin()) {
      ws.ok("command/update", "deviceId", "dev-r", "commandId", id, "command", Map.of("status", "done", "result", Map.of("r", 7)));
    }
    DhRest.Answer a = poll.get(5, TimeUnit.SECONDS);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().get("id").asLong()).isEqualTo(id);
    assertThat(a.body().get("status").asText()).isEqualTo("done");
    assertThat(a.body().get("result").get("r").asInt()).isEqualTo(7);
    DhRest.Answer again = admin.get("/device/dev-r/command/" + id + "/poll?waitTimeout=0");
    assertThat(again.status()).as("an updated command answers at once").isEqualTo(200);
  }

  @Test
  void notificationPollAnswersWhatIsNewerAtOnceOrWaitsForTheNext() throws Exception {
    admin.put("/device/dev-np", Map.of("name", "poll device"));
    String before = admin.post("/device/dev-np/notification", Map.of("notification", "first")).body().get("timestamp").asText();
    admin.post("/device/dev-np/notification", Map.of("notification", "second"));
    admin.post("/device/dev-np/notification", Map.of("notification", "third"));
    // strictly newer than the first, in order, at once
    DhRest.Answer newer = admin.get("/device/dev-np/notification/poll?waitTimeout=0&timestamp=" + before);
    assertThat(newer.status()).isEqualTo(200);
    assertThat(newer.body()).extracting(n -> n.get("notification").asText()).containsExactly("second", "third");
    assertThat(admin.get("/device/dev-np/notification/poll?waitTimeout=0&timestamp=" + before + "&names=third").body())
        .extracting(n -> n.get("notification").asText()).containsExactly("third");

    // without a timestamp: the next one, here inserted over the WebSocket
    CompletableFuture<DhRest.Answer> poll = admin.sendAsync("GET", "/device/dev-np/notification/poll?waitTimeout=20&names=wanted", null);
    org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> h.hub.subscriptionCount() == 1);
    try (DhWsClient ws = h.admin()) {
      // a name the poll does not ask for: the answer below holds only the wanted one
      ws.ok("notification/insert", "deviceId", "dev-np", "notification", Map.of("notification", "other"));
      ws.ok("notification/insert", "deviceId", "dev-np", "notification", Map.of("notification", "wanted", "parameters", Map.of("v", 1)));
    }
    DhRest.Answer got = poll.get(5, TimeUnit.SECONDS);
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.body()).hasSize(1);
    assertThat(got.body().get(0).get("notification").asText()).isEqualTo("wanted");
    assertThat(got.body().get(0).get("parameters").get("v").asInt()).isEqualTo(1);

    // nothing within the wait: an empty list
    DhRest.Answer none = admin.get("/device/dev-np/notification/poll?waitTimeout=1");
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.body()).isEmpty();
    assertError(h.rest().get("/device/dev-np/notification/poll"), 401, "Unauthorized");
    assertThat(h.hub.subscriptionCount()).as("waiters leave no subscription behind").isZero();
  }

  @Test
  void pollTimesOutWith204AndChecksItsArguments() throws Exception {
    long id = admin.post("/device/dev-r/command", Map.of("command", "nobody-answers")).body().get("id").asLong();
    CompletableFuture<DhRest.Answer> waiting = admin.sendAsync("GET", "/device/dev-r/command/" + id + "/poll?waitTimeout=3", null);
    // it waits as a subscriber of the device's updates, then gives up with 204
    org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> h.hub.subscriptionCount() == 1 || waiting.isDone());
    assertThat(waiting).as("an unanswered poll waits").isNotDone();
    DhRest.Answer a = waiting.get(5, TimeUnit.SECONDS);
    assertThat(a.status()).isEqualTo(204);
    assertThat(admin.get("/device/dev-r/command/" + id + "/poll?waitTimeout=0").status()).isEqualTo(204);
    assertThat(admin.get("/device/dev-r/command/" + id + "/poll?waitTimeout=61").status()).isEqualTo(400);
    assertError(admin.get("/device/dev-r/command/987654/poll?waitTimeout=1"), 404, "Command with id = 987654 not found");
    assertError(h.rest().get("/device/dev-r/command/" + id + "/poll"), 401, "Unauthorized");
    assertThat(h.hub.subscriptionCount()).as("waiters leave no subscription behind").isZero();
  }

  @Test
  void notificationInsertGetListAndReservedNames() throws Exception {
    try (DhWsClient ws = h.admin()) {
      ws.ok("notification/subscribe", "deviceId", "dev-r", "names", java.util.List.of("temp"));
      DhRest.Answer ins = admin.post("/device/dev-r/notification", Map.of("notification", "temp", "parameters", Map.of("c", 21)));
      assertThat(ins.status()).isEqualTo(201);
      assertThat(ins.body().fieldNames()).toIterable().containsExactly("id", "timestamp");
      long id = ins.body().get("id").asLong();
      assertThat(ws.push("notification/insert").get("notification").get("id").asLong()).isEqualTo(id);
      JsonNode got = admin.get("/device/dev-r/notification/" + id).body();
      assertThat(got.get("parameters").get("c").asInt()).isEqualTo(21);
      assertThat(admin.get("/device/dev-r/notification?notification=temp").body()).extracting(n -> n.get("id").asLong()).contains(id);
    }
    assertError(admin.post("/device/dev-r/notification", Map.of("notification", "$device-add")), 403, "Access is denied");
    assertError(admin.post("/device/dev-r/notification", Map.of("notification", "$device-update")), 403, "Access is denied");
    assertError(admin.post("/device/dev-r/notification", Map.of("parameters", Map.of())), 400, "Notification is required");
    assertError(admin.get("/device/dev-r/notification/x1"), 400, "Notification id should be an integer value.");
  }
}
