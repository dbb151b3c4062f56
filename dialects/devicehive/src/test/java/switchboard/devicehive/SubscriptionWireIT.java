package switchboard.devicehive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** command/notification subscribe and unsubscribe (seed 000), subscription/list (seed 003), §4 semantics. */
class SubscriptionWireIT {
  static DhHarness h;
  static long other;

  @BeforeAll
  static void start() throws Exception {
    h = new DhHarness();
    other = h.network("far").id();
    h.client("carol", "carol-pw", h.seedNetwork());
    try (DhWsClient a = h.admin()) {
      a.ok("device/save", "deviceId", "s-1", "device", Map.of("name", "one"));
      a.ok("device/save", "deviceId", "s-2", "device", Map.of("name", "two"));
      a.ok("device/save", "deviceId", "s-far", "device", Map.of("name", "far", "networkId", other));
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

  private static JsonNode insertCommand(DhWsClient c, String device, String name) throws Exception {
    return c.ok("command/insert", "deviceId", device, "command", Map.of("command", name)).get("command");
  }

  @Test
  void deviceSubscriptionGetsItsDevicesCommandsOnly() throws Exception {
    try (DhWsClient sub = h.admin(); DhWsClient pub = h.admin()) {
      long id = sub.ok("command/subscribe", "deviceId", "s-1").get("subscriptionId").asLong();
      assertThat(id).isGreaterThan(1_000_000_000_000_000L).isLessThan(1L << 53);
      insertCommand(pub, "s-2", "ignored");
      long cmd = insertCommand(pub, "s-1", "go").get("id").asLong();
      JsonNode push = sub.push("command/insert");
      assertThat(push.get("subscriptionId").asLong()).isEqualTo(id);
      assertThat(push.get("command").get("id").asLong()).isEqualTo(cmd);
      assertThat(push.get("command").get("command").asText()).isEqualTo("go");
      assertThat(push.get("command").size()).isEqualTo(12);
      assertThat(push.has("requestId")).isFalse();
      sub.noPushWithin(200);
    }
  }

  @Test
  void networkSubscriptionCoversDevicesAddedLaterAndNotOtherNetworks() throws Exception {
    try (DhWsClient sub = h.admin(); DhWsClient pub = h.admin()) {
      sub.ok("notification/subscribe", "networkIds", List.of(h.seedNetwork()));
      pub.ok("device/save", "deviceId", "s-new", "device", Map.of("name", "new"));
      assertThat(sub.push("notification/insert").get("notification").get("notification").asText()).isEqualTo("$device-add");
      pub.ok("notification/insert", "deviceId", "s-far", "notification", Map.of("notification", "far-away"));
      pub.ok("notification/insert", "deviceId", "s-new", "notification", Map.of("notification", "hello"));
      JsonNode push = sub.push("notification/insert");
      assertThat(push.get("notification").get("notification").asText()).isEqualTo("hello");
      assertThat(push.get("notification").get("deviceId").asText()).isEqualTo("s-new");
      sub.noPushWithin(200);
    }
  }

  @Test
  void namesFilter() throws Exception {
    try (DhWsClient sub = h.admin(); DhWsClient pub = h.admin()) {
      sub.ok("command/subscribe", "names", List.of("wanted"));
      insertCommand(pub, "s-1", "unwanted");
      insertCommand(pub, "s-2", "wanted");
      assertThat(sub.push("command/insert").get("command").get("command").asText()).isEqualTo("wanted");
      sub.noPushWithin(200);
    }
  }

  @Test
  void timestampReplaysStrictlyNewerThenGoesLive() throws Exception {
    try (DhWsClient sub = h.admin(); DhWsClient pub = h.admin()) {
      JsonNode first = insertCommand(pub, "s-2", "r1");
      Thread.sleep(5);
      insertCommand(pub, "s-2", "r2");
      insertCommand(pub, "s-2", "r3");
      insertCommand(pub, "s-2", "r4");
      JsonNode reply = sub.ok("command/subscribe", "deviceId", "s-2", "timestamp", first.get("timestamp").asText(), "limit", 2);
      long id = reply.get("subscriptionId").asLong();
      JsonNode a = sub.push("command/insert");
      JsonNode b = sub.push("command/insert");
      assertThat(List.of(a.get("command").get("command").asText(), b.get("command").get("command").asText()))
          .containsExactly("r2", "r3");
      assertThat(a.get("subscriptionId").asLong()).isEqualTo(id);
      insertCommand(pub, "s-2", "live");
      assertThat(sub.push("command/insert").get("command").get("command").asText()).isEqualTo("live");
      sub.noPushWithin(200);
    }
  }

  @Test
  void returnUpdatedCommandsGetsUpdatesOnly() throws Exception {
    try (DhWsClient sub = h.admin(); DhWsClient pub = h.admin()) {
      long id = sub.ok("command/subscribe", "deviceId", "s-1", "returnUpdatedCommands", true).get("subscriptionId").asLong();
      long cmd = insertCommand(pub, "s-1", "work").get("id").asLong();
      pub.ok("command/update", "deviceId", "s-1", "commandId", cmd, "command", Map.of("status", "done", "result", Map.of("r", 1)));
      JsonNode push = sub.next(m -> !m.has("status"));
      assertThat(push.get("action").asText()).isEqualTo("command/update");
      assertThat(push.get("subscriptionId").asLong()).isEqualTo(id);
      assertThat(push.get("command").get("status").asText()).isEqualTo("done");
      assertThat(push.get("command").get("result").get("r").asInt()).isEqualTo(1);
      sub.noPushWithin(200);
    }
  }

  @Test
  void unsubscribeByIdIsABarrierAndUnknownIdsAre404() throws Exception {
    try (DhWsClient sub = h.admin(); DhWsClient pub = h.admin()) {
      long cmdSub = sub.ok("command/subscribe", "deviceId", "s-1").get("subscriptionId").asLong();
      long noteSub = sub.ok("notification/subscribe", "deviceId", "s-1").get("subscriptionId").asLong();
      assertError(sub.call("command/unsubscribe", "subscriptionId", noteSub), 404, "Subscription with id " + noteSub + " was not found");
      sub.ok("command/unsubscribe", "subscriptionId", cmdSub);
      assertError(sub.call("command/unsubscribe", "subscriptionId", cmdSub), 404, "Subscription with id " + cmdSub + " was not found");
      insertCommand(pub, "s-1", "after");
      pub.ok("notification/insert", "deviceId", "s-1", "notification", Map.of("notification", "still"));
      assertThat(sub.push("notification/insert").get("subscriptionId").asLong()).isEqualTo(noteSub);
      sub.noPushWithin(200);
    }
  }

  @Test
  void unsubscribeWithoutIdEndsEveryOneOfThatType() throws Exception {
    try (DhWsClient sub = h.admin(); DhWsClient pub = h.admin()) {
      sub.ok("command/subscribe", "deviceId", "s-1");
      sub.ok("command/subscribe");
      long keep = sub.ok("notification/subscribe").get("subscriptionId").asLong();
      sub.ok("command/unsubscribe");
      JsonNode list = sub.ok("subscription/list").get("subscriptions");
      assertThat(list).hasSize(1);
      assertThat(list.get(0).get("subscriptionId").asLong()).isEqualTo(keep);
      insertCommand(pub, "s-1", "nobody-hears");
      sub.noPushWithin(200);
    }
  }

  @Test
  void subscriptionListShowsWhatWasAskedFor() throws Exception {
    try (DhWsClient sub = h.admin()) {
      assertThat(sub.ok("subscription/list").get("subscriptions")).isEmpty();
      long c = sub.ok("command/subscribe", "deviceId", "s-1", "names", List.of("a", "b"),
          "timestamp", "2020-01-02T03:04:05.678Z").get("subscriptionId").asLong();
      long n = sub.ok("notification/subscribe", "networkIds", List.of(h.seedNetwork())).get("subscriptionId").asLong();
      JsonNode commands = sub.ok("subscription/list", "type", "command").get("subscriptions");
      assertThat(commands).hasSize(1);
      JsonNode e = commands.get(0);
      assertThat(e.get("subscriptionId").asLong()).isEqualTo(c);
      assertThat(e.get("type").asText()).isEqualTo("command");
      assertThat(e.get("deviceId").asText()).isEqualTo("s-1");
      assertThat(e.get("networkIds").isNull()).isTrue();
      assertThat(e.get("deviceTypeIds").isNull()).isTrue();
      assertThat(e.get("names")).extracting(JsonNode::asText).containsExactlyInAnyOrder("a", "b");
      assertThat(e.get("timestamp").asText()).isEqualTo("2020-01-02T03:04:05.678");
      JsonNode notes = sub.ok("subscription/list", "type", "notification").get("subscriptions");
      assertThat(notes).hasSize(1);
      assertThat(notes.get(0).get("subscriptionId").asLong()).isEqualTo(n);
      assertThat(notes.get(0).get("deviceId").isNull()).isTrue();
      assertThat(notes.get(0).get("networkIds").get(0).asLong()).isEqualTo(h.seedNetwork());
      assertThat(notes.get(0).get("timestamp").isNull()).isTrue();
      assertThat(sub.ok("subscription/list").get("subscriptions")).hasSize(2);
      assertThat(sub.ok("subscription/list", "type", "bogus").get("subscriptions")).isEmpty();
    }
  }

  @Test
  void subscriptionsAreScopedToTheirConnection() throws Exception {
    try (DhWsClient one = h.admin(); DhWsClient two = h.admin()) {
      long id = one.ok("command/subscribe").get("subscriptionId").asLong();
      assertThat(two.ok("subscription/list").get("subscriptions")).isEmpty();
      assertError(two.call("command/unsubscribe", "subscriptionId", id), 404, "Subscription with id " + id + " was not found");
    }
  }

  @Test
  void networkAndDeviceChecks() throws Exception {
    try (DhWsClient a = h.admin(); DhWsClient carol = h.login("carol", "carol-pw")) {
      assertError(a.call("command/subscribe", "networkIds", List.of(999999)), 404, "Networks with such networkIds wasn't found: {[999999]}");
      assertError(a.call("command/subscribe", "deviceTypeIds", List.of(999999)), 404,
          "Device types with such deviceTypeIds wasn't found: {[999999]}");
      assertError(carol.call("command/subscribe", "networkIds", List.of(999999)), 403, "Access is denied");
      assertError(carol.call("command/subscribe", "networkIds", List.of(other)), 403, "Access is denied");
      assertError(carol.call("command/subscribe", "deviceId", ""), 400, "Device id is wrong or empty");
      assertError(carol.call("command/subscribe", "deviceId", "ghost"), 403, "Access is denied");
      assertError(a.call("command/subscribe", "deviceId", "ghost"), 404, "Device with such deviceId = ghost not found");
    }
  }

  @Test
  void aClientsGlobalSubscriptionCoversOnlyItsNetworks() throws Exception {
    try (DhWsClient carol = h.login("carol", "carol-pw"); DhWsClient pub = h.admin()) {
      carol.ok("notification/subscribe");
      pub.ok("notification/insert", "deviceId", "s-far", "notification", Map.of("notification", "hidden"));
      pub.ok("notification/insert", "deviceId", "s-1", "notification", Map.of("notification", "visible"));
      assertThat(carol.push("notification/insert").get("notification").get("notification").asText()).isEqualTo("visible");
      carol.noPushWithin(200);
    }
  }

  @Test
  void subscriptionListNeedsAReadPermission() throws Exception {
    try (DhWsClient a = h.admin(); DhWsClient limited = h.connect()) {
      long carolId = h.store.users().findByLogin("carol").orElseThrow().id();
      String token = a.ok("token/create", "payload", Map.of("userId", carolId, "actions", List.of("CreateDeviceCommand"),
          "networkIds", List.of("*"), "deviceTypeIds", List.of("*"))).get("accessToken").asText();
      limited.ok("authenticate", "token", token);
      assertError(limited.call("subscription/list"), 403, "Access is denied");
    }
  }

  @Test
  void closingTheConnectionEndsItsSubscriptions() throws Exception {
    DhWsClient sub = h.admin();
    sub.ok("command/subscribe");
    int before = h.hub.subscriptionCount();
    sub.close();
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
        .until(() -> h.hub.subscriptionCount() == before - 1);
  }
}
