package switchboard.xrpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The envelope and routing over a real WebSocket, fed directly through the dialect's feed. */
class XrplWireIT {
  private XrplHarness h;
  private WsClient c;

  @BeforeEach
  void start() throws Exception {
    h = new XrplHarness();
    c = h.connect();
  }

  @AfterEach
  void stop() {
    c.close();
    h.close();
  }

  /** Everything received up to the answer to a ping, which follows whatever was queued before it. */
  private List<JsonNode> drain() throws Exception {
    c.send("{\"id\":\"fence\",\"command\":\"ping\"}");
    List<JsonNode> got = new ArrayList<>();
    while (true) {
      JsonNode m = c.next(x -> true);
      if ("fence".equals(m.path("id").asText())) {
        return got;
      }
      got.add(m);
    }
  }

  private int fed;

  /**
   * Feeds the messages, then drains. A validated transaction gets a hash of its own each time, as
   * the feed passes on a hash it has just seen only once (an upstream sends it per stream).
   */
  private List<JsonNode> feedAndDrain(ObjectNode... messages) throws Exception {
    for (ObjectNode m : messages) {
      if (m.path("validated").asBoolean()) {
        m = m.deepCopy().put("hash", "FED" + fed++);
      }
      h.dialect.feed().accept(m);
    }
    // a publish reaches the connection's event loop as a task; the ping queued after it answers after it
    Thread.sleep(50);
    return drain();
  }

  @Test
  void theIdIsEchoedVerbatimWhateverItsType() throws Exception {
    for (String id : List.of("1", "\"one\"", "{\"a\":[1,2]}", "[true]", "null", "1.5")) {
      c.send("{\"id\":" + id + ",\"command\":\"ping\"}");
      JsonNode r = c.next(x -> true);
      assertThat(r.get("id")).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(id));
      assertThat(r.get("status").asText()).isEqualTo("success");
      assertThat(r.get("type").asText()).isEqualTo("response");
      assertThat(r.get("result").isEmpty()).isTrue();
    }
    c.send("{\"command\":\"ping\"}");
    assertThat(c.next(x -> true).has("id")).isFalse();
  }

  @Test
  void aFrameThatIsNotAJsonObjectIsJsonInvalidWithItsText() throws Exception {
    for (String bad : List.of("not json", "[1,2]", "\"text\"", "{\"id\":1,")) {
      c.send(bad);
      JsonNode r = c.next(x -> true);
      assertThat(r.get("type").asText()).isEqualTo("error");
      assertThat(r.get("error").asText()).isEqualTo("jsonInvalid");
      assertThat(r.get("value").asText()).isEqualTo(bad);
    }
    // and the connection still serves
    assertThat(c.request("{\"id\":2,\"command\":\"ping\"}").get("status").asText()).isEqualTo("success");
  }

  @Test
  void aBinaryMessageIsReadAsText() throws Exception {
    c.sendBinary("{\"id\":7,\"command\":\"ping\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(c.next(x -> true).get("id").asInt()).isEqualTo(7);
  }

  @Test
  void missingCommandAndInvalidApiVersionCarryTheTokenAndTheRequestOnly() throws Exception {
    for (String req : List.of("{\"id\":1}", "{\"id\":1,\"command\":5}", "{\"id\":1,\"command\":\"ping\",\"method\":\"subscribe\"}")) {
      JsonNode r = c.request(req);
      assertThat(r.get("error").asText()).isEqualTo("missingCommand");
      assertThat(r.has("error_code")).isFalse();
      assertThat(r.get("request")).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(req));
      assertThat(r.get("status").asText()).isEqualTo("error");
    }
    for (String v : List.of("3", "0", "\"2\"", "1.5")) {
      JsonNode r = c.request("{\"id\":1,\"command\":\"ping\",\"api_version\":" + v + "}");
      assertThat(r.get("error").asText()).isEqualTo("invalid_API_version");
      assertThat(r.get("api_version").toString()).isEqualTo(v);
    }
    // method is accepted instead of command, and api_version is echoed on success
    JsonNode ok = c.request("{\"id\":1,\"method\":\"ping\",\"api_version\":2}");
    assertThat(ok.get("status").asText()).isEqualTo("success");
    assertThat(ok.get("api_version").asInt()).isEqualTo(2);
  }

  @Test
  void errorsAreHoistedWithCodeMessageAndRequest() throws Exception {
    JsonNode r = c.request("{\"id\":\"x\",\"command\":\"nonesuch\"}");
    assertThat(r.get("error").asText()).isEqualTo("unknownCmd");
    assertThat(r.get("error_code").asInt()).isEqualTo(32);
    assertThat(r.get("error_message").asText()).isEqualTo("Unknown method.");
    assertThat(r.get("request").get("command").asText()).isEqualTo("nonesuch");
    assertThat(r.has("result")).isFalse();
    List<String> keys = new ArrayList<>();
    r.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).isSorted();
  }

  @Test
  void aFailedSubscribeAppliesNothing() throws Exception {
    JsonNode r = c.request("{\"id\":1,\"command\":\"subscribe\",\"streams\":[\"ledger\",\"bogus\"]}");
    assertThat(r.get("error").asText()).isEqualTo("malformedStream");
    assertThat(feedAndDrain(Recording.first(Recording.ofType("ledgerClosed")))).isEmpty();
    assertThat(h.hub.subscriptionCount()).isZero();
  }

  @Test
  void subscribingToTheLedgerAnswersTheLastValidatedLedger() throws Exception {
    assertThat(c.request("{\"id\":1,\"command\":\"subscribe\",\"streams\":[\"ledger\"]}").get("result").isEmpty()).isTrue();
    ObjectNode ledger = Recording.first(Recording.ofType("ledgerClosed"));
    List<JsonNode> pushed = feedAndDrain(ledger);
    assertThat(pushed).containsExactly(ledger);
    JsonNode again = c.request("{\"id\":2,\"command\":\"subscribe\",\"streams\":[\"ledger\",\"server\"]}").get("result");
    assertThat(again.get("ledger_index").asLong()).isEqualTo(ledger.get("ledger_index").asLong());
    assertThat(again.get("ledger_hash").asText()).isEqualTo(ledger.get("ledger_hash").asText());
    assertThat(again.get("validated_ledgers").asText()).isEqualTo(ledger.get("validated_ledgers").asText());
    assertThat(again.get("fee_base").asInt()).isEqualTo(10);
    assertThat(again.get("server_status").asText()).isEqualTo("full");
    assertThat(again.get("random").asText()).hasSize(64);
    // subscribed twice: still one copy
    assertThat(feedAndDrain(ledger)).hasSize(1);
  }

  @Test
  void accountSubscribersGetATransactionOncePerCategory() throws Exception {
    ObjectNode payment = Recording.first(Recording.validated("Payment", Recording.ALICE)); // alice pays bob
    c.request("{\"id\":1,\"command\":\"subscribe\",\"accounts\":[\"" + Recording.ALICE + "\",\"" + Recording.BOB + "\"],"
        + "\"accounts_proposed\":[\"" + Recording.ALICE + "\"]}");
    assertThat(feedAndDrain(payment)).hasSize(1);
    c.request("{\"id\":2,\"command\":\"subscribe\",\"streams\":[\"transactions\"]}");
    assertThat(feedAndDrain(payment)).hasSize(2);
    c.request("{\"id\":3,\"command\":\"subscribe\",\"streams\":[\"transactions_proposed\"]}");
    assertThat(feedAndDrain(payment)).hasSize(3);
    // carol and dave are not in this payment
    c.request("{\"id\":4,\"command\":\"unsubscribe\",\"streams\":[\"transactions\",\"transactions_proposed\"],"
        + "\"accounts\":[\"" + Recording.ALICE + "\",\"" + Recording.BOB + "\"],\"accounts_proposed\":[\"" + Recording.ALICE + "\"]}");
    c.request("{\"id\":5,\"command\":\"subscribe\",\"accounts\":[\"" + Recording.CAROL + "\"]}");
    assertThat(feedAndDrain(payment)).isEmpty();
  }

  @Test
  void proposedTransactionsReachAccountsProposedByTheAccountsTheyMention() throws Exception {
    ObjectNode proposed = Recording.first(Recording.proposed("Payment", Recording.ALICE));
    c.request("{\"id\":1,\"command\":\"subscribe\",\"accounts\":[\"" + Recording.BOB + "\"]}");
    assertThat(feedAndDrain(proposed)).isEmpty(); // accounts: validated only
    c.request("{\"id\":2,\"command\":\"subscribe\",\"accounts_proposed\":[\"" + Recording.BOB + "\"]}");
    List<JsonNode> got = feedAndDrain(proposed);
    assertThat(got).hasSize(1);
    assertThat(got.get(0).get("validated").asBoolean()).isFalse();
  }

  @Test
  void bookSubscribersSeeTheReversedBookAsRippledRoutesIt() throws Exception {
    ObjectNode offer = Recording.first(Recording.validated("OfferCreate", Recording.BOB)); // TakerGets USD, TakerPays XRP
    String usd = "{\"currency\":\"USD\",\"issuer\":\"" + Recording.ISSUER + "\"}";
    c.request("{\"id\":1,\"command\":\"subscribe\",\"books\":[{\"taker_pays\":" + usd + ",\"taker_gets\":{\"currency\":\"XRP\"}}]}");
    assertThat(feedAndDrain(offer)).hasSize(1);
    c.request("{\"id\":2,\"command\":\"unsubscribe\",\"books\":[{\"taker_pays\":" + usd + ",\"taker_gets\":{\"currency\":\"XRP\"}}]}");
    c.request("{\"id\":3,\"command\":\"subscribe\",\"books\":[{\"taker_pays\":{\"currency\":\"XRP\"},\"taker_gets\":" + usd + "}]}");
    assertThat(feedAndDrain(offer)).isEmpty();
    // both sides: one copy, however many of the connection's books the transaction touched
    c.request("{\"id\":4,\"command\":\"subscribe\",\"books\":[{\"taker_pays\":{\"currency\":\"XRP\"},\"taker_gets\":" + usd + ",\"both\":true}]}");
    assertThat(feedAndDrain(offer)).hasSize(1);
    // a transaction that touches both sides of the book comes once
    ObjectNode crossing = offer.deepCopy();
    com.fasterxml.jackson.databind.node.ArrayNode nodes = (com.fasterxml.jackson.databind.node.ArrayNode) crossing.get("meta").get("AffectedNodes");
    ObjectNode reversed = nodes.get(0).deepCopy();
    ObjectNode fields = (ObjectNode) reversed.get("CreatedNode").get("NewFields");
    JsonNode gets = fields.get("TakerGets");
    fields.set("TakerGets", fields.get("TakerPays"));
    fields.set("TakerPays", gets);
    nodes.add(reversed);
    assertThat(TxRouting.bookKeys(crossing.get("meta"))).hasSize(2);
    assertThat(feedAndDrain(crossing)).hasSize(1);
    // a failed transaction touches no book
    ObjectNode failed = Recording.first(m -> m.path("validated").asBoolean() && m.path("engine_result").asText().equals("tecUNFUNDED_OFFER"));
    assertThat(feedAndDrain(failed)).isEmpty();
  }

  @Test
  void correctedRoutingDeliversTheBookAsNamed() throws Exception {
    c.close();
    h.close();
    h = new XrplHarness(XrplConfig.forTests().withBookRouting(XrplConfig.BookRouting.CORRECTED));
    c = h.connect();
    ObjectNode offer = Recording.first(Recording.validated("OfferCreate", Recording.BOB)); // an offer in the book pays XRP, gets USD
    String usd = "{\"currency\":\"USD\",\"issuer\":\"" + Recording.ISSUER + "\"}";
    c.request("{\"id\":1,\"command\":\"subscribe\",\"books\":[{\"taker_pays\":{\"currency\":\"XRP\"},\"taker_gets\":" + usd + "}]}");
    assertThat(feedAndDrain(offer)).hasSize(1);
  }

  @Test
  void theLastSubscribesApiVersionRendersEveryPush() throws Exception {
    ObjectNode payment = Recording.first(Recording.validated("Payment", Recording.ALICE));
    c.request("{\"id\":1,\"command\":\"subscribe\",\"streams\":[\"transactions\"],\"api_version\":1}");
    JsonNode v1 = feedAndDrain(payment).get(0);
    assertThat(v1.has("transaction")).isTrue();
    assertThat(v1.get("transaction").get("Amount").asText()).isEqualTo(payment.get("tx_json").get("DeliverMax").asText());
    assertThat(v1.get("transaction").get("hash").asText()).startsWith("FED");
    c.request("{\"id\":2,\"command\":\"subscribe\",\"streams\":[\"ledger\"],\"api_version\":2}");
    JsonNode v2 = feedAndDrain(payment).get(0);
    assertThat(v2.has("tx_json")).isTrue();
    assertThat(v2.get("tx_json").has("Amount")).isFalse();
    assertThat(v2.get("hash").asText()).startsWith("FED");
  }

  @Test
  void afterUnsubscribeAnswersNothingMoreArrives() throws Exception {
    ObjectNode payment = Recording.first(Recording.validated("Payment", Recording.ALICE));
    c.request("{\"id\":1,\"command\":\"subscribe\",\"streams\":[\"transactions\"]}");
    // publishes race the unsubscribe from another thread; none may follow its response
    Thread publisher = new Thread(() -> {
      for (int i = 0; i < 2_000; i++) {
        h.dialect.feed().accept(payment.deepCopy().put("hash", "H" + i));
      }
    });
    publisher.start();
    c.next(m -> "transaction".equals(m.path("type").asText()));
    c.send("{\"id\":\"u\",\"command\":\"unsubscribe\",\"streams\":[\"transactions\"]}");
    c.next(m -> "u".equals(m.path("id").asText()));
    publisher.join();
    assertThat(drain()).noneMatch(m -> "transaction".equals(m.path("type").asText()));
  }

  @Test
  void unsubscribingWhatWasNeverSubscribedSucceedsButBookChangesCannotBeUnsubscribed() throws Exception {
    assertThat(c.request("{\"id\":1,\"command\":\"unsubscribe\",\"streams\":[\"ledger\"],\"accounts\":[\"" + Recording.ALICE + "\"]}")
        .get("status").asText()).isEqualTo("success");
    c.request("{\"id\":2,\"command\":\"subscribe\",\"streams\":[\"book_changes\"]}");
    JsonNode r = c.request("{\"id\":3,\"command\":\"unsubscribe\",\"streams\":[\"book_changes\"]}");
    assertThat(r.get("error").asText()).isEqualTo("malformedStream");
    assertThat(feedAndDrain(Recording.first(Recording.ofType("bookChanges")))).hasSize(1);
  }

  @Test
  void aValidatedTransactionSeenTwiceIsPublishedOnce() throws Exception {
    ObjectNode payment = Recording.first(Recording.validated("Payment", Recording.ALICE));
    c.request("{\"id\":1,\"command\":\"subscribe\",\"streams\":[\"transactions\"]}");
    h.dialect.feed().accept(payment);
    h.dialect.feed().accept(payment.deepCopy());
    Thread.sleep(50);
    assertThat(drain()).hasSize(1);
  }

  @Test
  void everyStreamCarriesItsOwnMessages() throws Exception {
    c.request("{\"id\":1,\"command\":\"subscribe\",\"streams\":[\"validations\",\"manifests\",\"consensus\",\"server\"]}");
    List<JsonNode> got = feedAndDrain(Recording.first(Recording.ofType("validationReceived")),
        Recording.first(Recording.ofType("manifestReceived")), Recording.first(Recording.ofType("consensusPhase")),
        Recording.first(Recording.ofType("serverStatus")), Recording.first(Recording.ofType("ledgerClosed")));
    assertThat(got).extracting(m -> m.get("type").asText())
        .containsExactly("validationReceived", "manifestReceived", "consensusPhase", "serverStatus");
  }

  @Test
  void serverInfoTellsWhatTheFeedHasSeen() throws Exception {
    JsonNode before = c.request("{\"id\":1,\"command\":\"server_info\"}").get("result").get("info");
    assertThat(before.get("server_state").asText()).isEqualTo("disconnected");
    assertThat(before.get("complete_ledgers").asText()).isEqualTo("empty");
    assertThat(before.get("build_version").asText()).isEqualTo("test");
    ObjectNode ledger = Recording.first(Recording.ofType("ledgerClosed"));
    h.dialect.feed().accept(ledger);
    JsonNode after = c.request("{\"id\":2,\"command\":\"server_info\"}").get("result").get("info");
    assertThat(after.get("server_state").asText()).isEqualTo("full");
    assertThat(after.get("network_id").asLong()).isEqualTo(21465);
    assertThat(after.get("validated_ledger").get("seq").asLong()).isEqualTo(ledger.get("ledger_index").asLong());
    assertThat(after.get("validated_ledger").get("reserve_base_xrp").asDouble()).isEqualTo(1.0);
  }

  @Test
  void peerStatusAndUrlNeedAnAdmin() throws Exception {
    assertThat(c.request("{\"id\":1,\"command\":\"subscribe\",\"streams\":[\"peer_status\"]}").get("error").asText()).isEqualTo("noPermission");
    JsonNode url = c.request("{\"id\":2,\"command\":\"subscribe\",\"url\":\"http://127.0.0.1:9/\",\"streams\":[\"ledger\"]}");
    assertThat(url.get("error").asText()).isEqualTo("noPermission");
    assertThat(url.get("error_code").asInt()).isEqualTo(6);
    assertThat(c.request("{\"id\":3,\"command\":\"ping\"}").get("result").has("role")).isFalse();
  }

  @Test
  void aConnectionsSubscriptionsEndWithIt() throws Exception {
    c.request("{\"id\":1,\"command\":\"subscribe\",\"streams\":[\"ledger\",\"transactions\"],\"accounts\":[\"" + Recording.ALICE + "\"]}");
    assertThat(h.hub.subscriptionCount()).isEqualTo(3);
    c.close();
    await().atMost(Duration.ofSeconds(5)).until(() -> h.hub.subscriptionCount() == 0);
  }
}
