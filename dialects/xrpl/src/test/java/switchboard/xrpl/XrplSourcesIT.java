package switchboard.xrpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The upstream connector, admin url callbacks and the send-queue limit, over real sockets. */
class XrplSourcesIT {

  private static XrplConfig upstreamOf(XrplHarness source) {
    return XrplConfig.forTests().withUpstream(
        new XrplConfig.Upstream(source.url(), Duration.ofMillis(100), Duration.ofMillis(400)));
  }

  @Test
  void theUpstreamConnectorRepublishesAndReconnects() throws Exception {
    XrplHarness source = new XrplHarness(XrplHarness.replaying(200));
    int port = source.port();
    try (XrplHarness proxy = new XrplHarness(upstreamOf(source)); WsClient c = proxy.connect()) {
      c.request("{\"id\":1,\"command\":\"subscribe\",\"api_version\":2,\"streams\":[\"ledger\",\"transactions\"]}");
      assertThat(c.nextOfType("ledgerClosed").get("ledger_index").asLong()).isGreaterThanOrEqualTo(90_000_000L);
      JsonNode tx = c.nextOfType("transaction");
      assertThat(tx.get("validated").asBoolean()).isTrue();
      assertThat(proxy.dialect.health().get("source").toString()).endsWith("connected");
      // the upstream subscribes to transactions and transactions_proposed: each validated one still comes once
      String first = c.next(m -> m.path("validated").asBoolean()).get("hash").asText();
      assertThat(c.next(m -> m.path("validated").asBoolean()).get("hash").asText()).isNotEqualTo(first);

      source.close();
      await().atMost(Duration.ofSeconds(5)).until(() -> proxy.dialect.health().get("source").toString().contains("retrying"));
      source = new XrplHarness(XrplHarness.replaying(200).withPort(port));
      await().atMost(Duration.ofSeconds(10)).until(() -> proxy.dialect.health().get("source").toString().endsWith("connected"));
      c.received.clear();
      assertThat(c.nextOfType("ledgerClosed").get("type").asText()).isEqualTo("ledgerClosed");
    } finally {
      source.close();
    }
  }

  @Test
  void aBookSnapshotIsReadFromTheUpstreamsOffers() throws Exception {
    String usd = "{\"currency\":\"USD\",\"issuer\":\"" + Recording.ISSUER + "\"}";
    try (FakeRippled rippled = new FakeRippled();
        XrplHarness proxy = new XrplHarness(XrplConfig.forTests().withUpstream(
            new XrplConfig.Upstream(rippled.url(), Duration.ofMillis(100), Duration.ofMillis(400))));
        WsClient c = proxy.connect()) {
      await().atMost(Duration.ofSeconds(5)).until(() -> proxy.dialect.health().get("source").toString().endsWith("connected"));
      JsonNode one = c.request("{\"id\":1,\"command\":\"subscribe\",\"books\":[{\"taker_pays\":{\"currency\":\"XRP\"},"
          + "\"taker_gets\":" + usd + ",\"snapshot\":true,\"taker\":\"" + Recording.ALICE + "\"}]}");
      assertThat(one.get("status").asText()).isEqualTo("success");
      assertThat(one.get("result").get("offers")).hasSize(1);
      assertThat(one.get("result").get("offers").get(0).get("TakerGets").get("currency").asText()).isEqualTo("USD");
      ObjectNode asked = rippled.requests.stream().filter(r -> r.path("command").asText().equals("book_offers")).findFirst().orElseThrow();
      assertThat(asked.get("taker").asText()).isEqualTo(Recording.ALICE);
      assertThat(asked.get("ledger_index").asText()).isEqualTo("validated");

      // both: the book as given are the bids, the reversed book the asks
      JsonNode both = c.request("{\"id\":2,\"command\":\"subscribe\",\"books\":[{\"taker_pays\":{\"currency\":\"XRP\"},"
          + "\"taker_gets\":" + usd + ",\"snapshot\":true,\"both\":true}]}");
      assertThat(both.get("result").has("offers")).isFalse();
      assertThat(both.get("result").get("bids").get(0).get("TakerGets").get("currency").asText()).isEqualTo("USD");
      assertThat(both.get("result").get("asks").get(0).get("TakerGets").get("currency").asText()).isEqualTo("XRP");

      // a request sent behind one that waits for the upstream is answered after it
      c.send("{\"id\":3,\"command\":\"subscribe\",\"books\":[{\"taker_pays\":" + usd + ",\"taker_gets\":{\"currency\":\"XRP\"},\"snapshot\":true}]}");
      c.send("{\"id\":4,\"command\":\"ping\"}");
      assertThat(c.next(m -> m.has("id")).get("id").asInt()).isEqualTo(3);
      assertThat(c.next(m -> m.has("id")).get("id").asInt()).isEqualTo(4);

      // when the upstream cannot answer, nothing of the request stays
      int before = proxy.hub.subscriptionCount();
      rippled.refuseBookOffers = true;
      JsonNode refused = c.request("{\"id\":5,\"command\":\"subscribe\",\"streams\":[\"ledger\"],\"books\":[{\"taker_pays\":{\"currency\":\"XRP\"},"
          + "\"taker_gets\":{\"currency\":\"EUR\",\"issuer\":\"" + Recording.ISSUER + "\"},\"snapshot\":true}]}");
      assertThat(refused.get("error").asText()).isEqualTo("noNetwork");
      assertThat(refused.get("error_code").asInt()).isEqualTo(17);
      assertThat(proxy.hub.subscriptionCount()).isEqualTo(before);
    }
  }

  @Test
  void withoutAnUpstreamASnapshotIsNoNetworkAndNothingIsApplied() throws Exception {
    try (XrplHarness h = new XrplHarness(XrplHarness.replaying(50)); WsClient c = h.connect()) {
      JsonNode r = c.request("{\"id\":1,\"command\":\"subscribe\",\"streams\":[\"ledger\"],\"books\":[{\"taker_pays\":{\"currency\":\"XRP\"},"
          + "\"taker_gets\":{\"currency\":\"USD\",\"issuer\":\"" + Recording.ISSUER + "\"},\"snapshot\":true}]}");
      assertThat(r.get("error").asText()).isEqualTo("noNetwork");
      assertThat(h.hub.subscriptionCount()).isZero();
    }
  }

  @Test
  void anAdminsUrlCallbackReceivesEachMessageAsAPost() throws Exception {
    BlockingQueue<String> posts = new LinkedBlockingQueue<>();
    BlockingQueue<String> auth = new LinkedBlockingQueue<>();
    HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    sink.createContext("/feed", x -> {
      posts.add(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      auth.add(String.valueOf(x.getRequestHeaders().getFirst("Authorization")));
      x.sendResponseHeaders(200, -1);
      x.close();
    });
    sink.start();
    String url = "http://127.0.0.1:" + sink.getAddress().getPort() + "/feed";
    try (XrplHarness h = new XrplHarness(XrplConfig.forTests().withAdmin(List.of("127.0.0.1"))); WsClient c = h.connect()) {
      assertThat(c.request("{\"id\":0,\"command\":\"ping\"}").get("result").get("role").asText()).isEqualTo("admin");
      JsonNode r = c.request("{\"id\":1,\"command\":\"subscribe\",\"url\":\"" + url + "\",\"url_username\":\"u\",\"url_password\":\"p\","
          + "\"streams\":[\"ledger\",\"peer_status\"]}");
      assertThat(r.get("status").asText()).isEqualTo("success");
      h.dialect.feed().accept(Recording.first(Recording.ofType("ledgerClosed")));
      assertThat(posts.poll(5, TimeUnit.SECONDS)).contains("\"type\":\"ledgerClosed\"");
      assertThat(auth.poll(1, TimeUnit.SECONDS)).isEqualTo("Basic dTpw");
      // the callback outlives the connection that registered it, until an unsubscribe empties it
      c.request("{\"id\":2,\"command\":\"unsubscribe\",\"url\":\"" + url + "\",\"streams\":[\"ledger\",\"peer_status\"]}");
      assertThat(h.hub.subscriptionCount()).isZero();
      h.dialect.feed().accept(Recording.first(Recording.ofType("ledgerClosed")));
      assertThat(posts.poll(500, TimeUnit.MILLISECONDS)).isNull();
    } finally {
      sink.stop(0);
    }
  }

  @Test
  void aClientThatFallsBehindTheSendQueueLimitIsClosedAndOthersGoOn() throws Exception {
    XrplConfig config = XrplConfig.forTests().withSendQueueLimit(5);
    try (XrplHarness h = new XrplHarness(config, switchboard.transport.TransportConfig.forTests().withOutbox(
        new switchboard.core.delivery.Outbox.Limits(5, 1 << 20), 1024))) {
      try (StalledWsClient slow = new StalledWsClient(h.port()); WsClient fine = h.connect()) {
        slow.subscribe("{\"id\":1,\"command\":\"subscribe\",\"streams\":[\"validations\"]}");
        fine.request("{\"id\":1,\"command\":\"subscribe\",\"streams\":[\"ledger\"]}");
        com.fasterxml.jackson.databind.node.ObjectNode validation = Recording.first(Recording.ofType("validationReceived"));
        validation.put("padding", "x".repeat(16 * 1024));
        for (int i = 0; i < 400 && h.stats.of(XrplDialect.NAME).slowConsumerDisconnects() == 0; i++) {
          h.dialect.feed().accept(validation);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> h.stats.of(XrplDialect.NAME).slowConsumerDisconnects() == 1);
        // rippled's close: 1008, after what the socket already held
        assertThat(slow.readUntilClose()).isEqualTo(XrplConnection.POLICY_ERROR);
        await().atMost(Duration.ofSeconds(5)).until(() -> h.hub.ownerCount() == 1);
        h.dialect.feed().accept(Recording.first(Recording.ofType("ledgerClosed")));
        assertThat(fine.nextOfType("ledgerClosed").get("type").asText()).isEqualTo("ledgerClosed");
      }
    }
  }
}
