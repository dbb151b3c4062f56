package switchboard.amps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import switchboard.amps.RawClient.Received;

/** The amps dialect over real sockets, by raw frames, each case on TCP and on WebSocket. */
class AmpsWireIT {
  private AmpsHarness server;
  private final List<RawClient> clients = new ArrayList<>();

  @BeforeEach
  void start() {
    server = new AmpsHarness();
  }

  @AfterEach
  void stop() throws Exception {
    for (RawClient c : clients) {
      c.close();
    }
    server.close();
  }

  private RawClient client(String kind) throws Exception {
    RawClient c = server.connect(kind);
    clients.add(c);
    return c;
  }

  private RawClient loggedOn(String kind, String name) throws Exception {
    RawClient c = client(kind);
    c.send("{\"c\":\"logon\",\"cid\":\"L\",\"client_name\":\"" + name + "\",\"user_id\":\"\",\"a\":\"processed\",\"v\":\"1.0:test\",\"mt\":\"json\"}");
    assertThat(c.next().get("status")).isEqualTo("success");
    return c;
  }

  private static void subscribe(RawClient c, String subId, String topic, String filter) throws Exception {
    c.send("{\"c\":\"subscribe\",\"cid\":\"" + subId + "\",\"sub_id\":\"" + subId + "\",\"t\":\"" + topic + "\""
        + (filter == null ? "" : ",\"filter\":\"" + filter + "\"") + ",\"a\":\"processed\"}");
    Received ack = c.nextNonHeartbeat();
    assertThat(ack.get("status")).as(ack.rawHeader()).isEqualTo("success");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void logonAckCarriesWhatClientsNeed(String kind) throws Exception {
    RawClient c = client(kind);
    c.send("{\"c\":\"logon\",\"cid\":\"auto0\",\"a\":\"processed\",\"version\":\"5.3.4.0:javascript\",\"client_name\":\"me\",\"user_id\":\"\",\"pw\":\"\"}");
    Received ack = c.next();
    assertThat(ack.c()).isEqualTo("ack");
    assertThat(ack.get("a")).isEqualTo("processed");
    assertThat(ack.get("cid")).isEqualTo("auto0");
    assertThat(ack.get("status")).isEqualTo("success");
    assertThat(ack.get("client_name")).isEqualTo("me");
    assertThat(ack.get("version")).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    assertThat(ack.get("bm")).matches("\\d+\\|\\d+\\|");
    // compact JSON: no whitespace between tokens
    assertThat(ack.rawHeader()).doesNotContain(" ").startsWith("{\"c\":\"ack\"");

    c.send("{\"c\":\"logon\",\"cid\":\"again\",\"a\":\"processed\",\"client_name\":\"me\"}");
    Received second = c.next();
    assertThat(second.get("status")).isEqualTo("failure");
    assertThat(second.get("reason")).isEqualTo("duplicate logon attempt");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void publishReachesSubscriberWithSidsAndSequenceNotLast(String kind) throws Exception {
    RawClient sub = loggedOn(kind, "sub");
    RawClient pub = loggedOn(kind, "pub");
    subscribe(sub, "s1", "orders", null);
    pub.send("{\"c\":\"p\",\"t\":\"orders\"}", "{\"id\":1}");
    pub.send("{\"c\":\"publish\",\"t\":\"trades\"}", "{\"id\":2}");
    pub.send("{\"c\":\"publish\",\"t\":\"orders\",\"k\":\"key-3\"}", "{\"id\":3}");

    Received m1 = sub.next();
    assertThat(m1.c()).isEqualTo("p");
    assertThat(m1.get("t")).isEqualTo("orders");
    assertThat(m1.get("sids")).isEqualTo("s1");
    assertThat(m1.body()).isEqualTo("{\"id\":1}");
    assertThat(m1.rawHeader()).matches(".*\"s\":\\d+,.*").doesNotContain("-");
    Received m3 = sub.next();
    assertThat(m3.body()).isEqualTo("{\"id\":3}");
    assertThat(m3.get("k")).isEqualTo("key-3");
    assertThat(m3.header().get("s").asLong()).isGreaterThan(m1.header().get("s").asLong());
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void severalMatchingSubscriptionsArriveAsOneMessage(String kind) throws Exception {
    RawClient sub = loggedOn(kind, "sub");
    subscribe(sub, "a", "orders", null);
    subscribe(sub, "b", "ord.*", null);
    subscribe(sub, "c", "other", null);
    loggedOn(kind, "pub").send("{\"c\":\"p\",\"t\":\"orders\"}", "{}");
    Received m = sub.next();
    assertThat(List.of(m.get("sids").split(","))).containsExactlyInAnyOrder("a", "b");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void contentFilterNarrowsDeliveries(String kind) throws Exception {
    RawClient sub = loggedOn(kind, "sub");
    subscribe(sub, "big", "orders", "/qty > 5");
    RawClient pub = loggedOn(kind, "pub");
    pub.send("{\"c\":\"p\",\"t\":\"orders\"}", "{\"qty\":2}");
    pub.send("{\"c\":\"p\",\"t\":\"orders\"}", "{\"qty\":9}");
    assertThat(sub.next().body()).isEqualTo("{\"qty\":9}");
  }

  /**
   * Filters with an equality at the top level are indexed by that field; each still gets exactly what
   * its filter accepts under amps.md §4's typing: a string that reads as a number equals that number,
   * two strings compare as strings, and an array matches when an element does. "all" has no filter,
   * so every publish arrives once, listing the subscriptions it matched.
   */
  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void indexedEqualityFiltersDeliverExactlyWhatTheyAccept(String kind) throws Exception {
    RawClient sub = loggedOn(kind, "sub");
    subscribe(sub, "all", "orders", null);
    subscribe(sub, "n7", "orders", "/g = 7");
    subscribe(sub, "s7", "orders", "/g = '7'");
    subscribe(sub, "in", "orders", "/g IN (8, 'x')");
    subscribe(sub, "and", "orders", "/g = 7 AND /v > 1");
    subscribe(sub, "or", "orders", "/g = 8 OR /g = 7");
    subscribe(sub, "pat", "ord.*", "/g = 7.0");
    RawClient pub = loggedOn(kind, "pub");
    String[][] cases = {
        {"{\"g\":\"7.0\",\"v\":2}", "all,n7,and,or,pat"},
        {"{\"g\":[1,7],\"v\":0}", "all,n7,s7,or,pat"},
        {"{\"g\":\"x\"}", "all,in"},
        {"{\"g\":8}", "all,in,or"},
        {"{\"g\":\"07\",\"v\":5}", "all,n7,and,or,pat"},
        {"{\"g\":{\"v\":7}}", "all"},
    };
    for (String[] c : cases) {
      pub.send("{\"c\":\"p\",\"t\":\"orders\"}", c[0]);
    }
    for (String[] c : cases) {
      Received m = sub.next();
      assertThat(m.body()).isEqualTo(c[0]);
      assertThat(List.of(m.get("sids").split(","))).as(c[0]).containsExactlyInAnyOrder(c[1].split(","));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void badFilterAndBadRegexTopicFail(String kind) throws Exception {
    RawClient c = loggedOn(kind, "c");
    c.send("{\"c\":\"subscribe\",\"cid\":\"x\",\"sub_id\":\"x\",\"t\":\"orders\",\"filter\":\"/qty >>> 5\",\"a\":\"processed\"}");
    Received ack = c.next();
    assertThat(ack.get("status")).isEqualTo("failure");
    assertThat(ack.get("reason")).isEqualTo("bad filter");
    assertThat(ack.get("cid")).isEqualTo("x");
    assertThat(ack.get("sub_id")).isEqualTo("x");

    c.send("{\"c\":\"subscribe\",\"cid\":\"y\",\"t\":\"orders(\",\"a\":\"processed\"}");
    assertThat(c.next().get("reason")).isEqualTo("bad regex topic");
    // a failed subscribe leaves nothing behind
    assertThat(server.hub.subscriptionCount()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void reusedSubIdFailsUnlessReplace(String kind) throws Exception {
    RawClient c = loggedOn(kind, "c");
    subscribe(c, "s", "orders", "/qty > 5");
    c.send("{\"c\":\"subscribe\",\"cid\":\"2\",\"sub_id\":\"s\",\"t\":\"orders\",\"a\":\"processed\"}");
    assertThat(c.next().get("reason")).isEqualTo("subid in use");

    c.send("{\"c\":\"subscribe\",\"cid\":\"3\",\"sub_id\":\"s\",\"t\":\"orders\",\"filter\":\"/qty < 5\",\"o\":\"replace\",\"a\":\"processed\"}");
    assertThat(c.next().get("status")).isEqualTo("success");
    assertThat(server.hub.subscriptionCount()).isEqualTo(1);
    RawClient pub = loggedOn(kind, "pub");
    pub.send("{\"c\":\"p\",\"t\":\"orders\"}", "{\"qty\":9}");
    pub.send("{\"c\":\"p\",\"t\":\"orders\"}", "{\"qty\":1}");
    assertThat(c.next().body()).isEqualTo("{\"qty\":1}");
  }

  // ---- seed 001: unsubscribe ----

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void unsubscribeOneIdWithReceivedAndProcessedAcks(String kind) throws Exception {
    RawClient c = loggedOn(kind, "c");
    subscribe(c, "a", "t", null);
    subscribe(c, "b", "t", null);
    c.send("{\"c\":\"unsubscribe\",\"cid\":\"u1\",\"sub_id\":\"a\",\"a\":\"received,processed\"}");
    Received received = c.next();
    Received processed = c.next();
    assertThat(received.get("a")).isEqualTo("received");
    assertThat(processed.get("a")).isEqualTo("processed");
    for (Received r : List.of(received, processed)) {
      assertThat(r.get("cid")).isEqualTo("u1");
      assertThat(r.get("sub_id")).isEqualTo("a");
      assertThat(r.get("status")).isEqualTo("success");
    }
    loggedOn(kind, "pub").send("{\"c\":\"p\",\"t\":\"t\"}", "{}");
    assertThat(c.next().get("sids")).isEqualTo("b");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void unsubscribeCommaDelimitedListSkippingUnknownIds(String kind) throws Exception {
    RawClient c = loggedOn(kind, "c");
    subscribe(c, "a", "t", null);
    subscribe(c, "b", "t", null);
    subscribe(c, "c", "t", null);
    c.send("{\"c\":\"unsubscribe\",\"cid\":\"u\",\"sub_id\":\"a, c,nope\",\"a\":\"processed\"}");
    Received ack = c.next();
    assertThat(ack.get("status")).isEqualTo("success");
    assertThat(ack.get("sub_id")).isEqualTo("a, c,nope");
    loggedOn(kind, "pub").send("{\"c\":\"p\",\"t\":\"t\"}", "{}");
    assertThat(c.next().get("sids")).isEqualTo("b");
    assertThat(server.hub.subscriptionCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void unsubscribeAll(String kind) throws Exception {
    RawClient c = loggedOn(kind, "c");
    RawClient other = loggedOn(kind, "other");
    subscribe(c, "a", "t", null);
    subscribe(c, "b", "u.*", null);
    subscribe(other, "a", "t", null);
    c.send("{\"c\":\"unsubscribe\",\"cid\":\"u\",\"sub_id\":\"all\",\"a\":\"processed\"}");
    assertThat(c.next().get("status")).isEqualTo("success");
    // only this connection's subscriptions went
    assertThat(server.hub.subscriptionCount()).isEqualTo(1);
    RawClient pub = loggedOn(kind, "pub");
    pub.send("{\"c\":\"p\",\"t\":\"t\"}", "{}");
    assertThat(other.next().get("sids")).isEqualTo("a");
    // c may subscribe again with the same ids
    subscribe(c, "a", "t", null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void unsubscribeByQueryIdAndByBoth(String kind) throws Exception {
    RawClient c = loggedOn(kind, "c");
    subscribe(c, "a", "t", null);
    c.send("{\"c\":\"unsubscribe\",\"cid\":\"q\",\"query_id\":\"q1,q2\",\"a\":\"processed\"}");
    Received onlyQuery = c.next();
    assertThat(onlyQuery.get("status")).isEqualTo("success");
    assertThat(onlyQuery.get("query_id")).isEqualTo("q1,q2");
    assertThat(server.hub.subscriptionCount()).isEqualTo(1); // a query id does not end a subscription

    c.send("{\"c\":\"unsubscribe\",\"cid\":\"both\",\"sub_id\":\"a\",\"query_id\":\"q1\",\"a\":\"processed\"}");
    Received both = c.next();
    assertThat(both.get("status")).isEqualTo("success");
    assertThat(both.get("sub_id")).isEqualTo("a");
    assertThat(both.get("query_id")).isEqualTo("q1");
    assertThat(server.hub.subscriptionCount()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void unsubscribeWithNeitherIdFails(String kind) throws Exception {
    RawClient c = loggedOn(kind, "c");
    subscribe(c, "a", "t", null);
    c.send("{\"c\":\"unsubscribe\",\"cid\":\"n\",\"a\":\"processed\"}");
    Received ack = c.next();
    assertThat(ack.get("status")).isEqualTo("failure");
    assertThat(ack.get("reason")).isEqualTo("invalid subId");
    assertThat(ack.get("cid")).isEqualTo("n");
    // even when no ack was asked for, the failure is answered
    c.send("{\"c\":\"unsubscribe\",\"cid\":\"n2\"}");
    assertThat(c.next().get("status")).isEqualTo("failure");
    assertThat(server.hub.subscriptionCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void unsubscribeWithoutAckAsksForNothingBack(String kind) throws Exception {
    RawClient c = loggedOn(kind, "c");
    subscribe(c, "a", "t", null);
    c.send("{\"c\":\"unsubscribe\",\"sub_id\":\"a\"}");
    c.send("{\"c\":\"flush\",\"cid\":\"f\",\"a\":\"processed\"}");
    Received r = c.next();
    assertThat(r.get("cid")).isEqualTo("f"); // nothing came between: no ack for the unsubscribe
    assertThat(server.hub.subscriptionCount()).isZero();
  }

  /**
   * The barrier: while another connection publishes without pause, the subscriber unsubscribes; after
   * the processed ack nothing more arrives for that subscription. Repeated, each round on a fresh id.
   */
  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void nothingArrivesAfterTheProcessedAck(String kind) throws Exception {
    RawClient sub = loggedOn(kind, "sub");
    RawClient.Tcp pub = (RawClient.Tcp) loggedOn("tcp", "pub");
    AtomicBoolean running = new AtomicBoolean(true);
    java.util.concurrent.atomic.AtomicReference<Exception> publishFailure = new java.util.concurrent.atomic.AtomicReference<>();
    Thread publisher = new Thread(() -> {
      try {
        while (running.get()) {
          pub.send("{\"c\":\"p\",\"t\":\"ticks\"}", "{\"n\":1}");
        }
      } catch (Exception e) {
        publishFailure.set(e);
      }
    });
    publisher.start();
    try {
      for (int round = 0; round < 20; round++) {
        String id = "r" + round;
        subscribe(sub, id, "ticks", null);
        Received first = sub.next();
        assertThat(first.get("sids")).isEqualTo(id);
        sub.send("{\"c\":\"unsubscribe\",\"cid\":\"u" + round + "\",\"sub_id\":\"" + id + "\",\"a\":\"processed\"}");
        Received r;
        while (!(r = sub.next()).c().equals("ack")) {
          assertThat(r.get("sids")).isEqualTo(id);
        }
        assertThat(r.get("cid")).isEqualTo("u" + round);
        // drain: a flush is answered after anything queued; nothing of the ended id may come between
        sub.send("{\"c\":\"flush\",\"cid\":\"f" + round + "\",\"a\":\"processed\"}");
        Received f = sub.next();
        assertThat(f.c()).as("after the unsubscribe ack: %s", f.rawHeader()).isEqualTo("ack");
        assertThat(f.get("cid")).isEqualTo("f" + round);
      }
    } finally {
      running.set(false);
      publisher.join();
    }
    // the publisher ran the whole time, so each unsubscribe raced real traffic
    assertThat(publishFailure.get()).isNull();
  }

  // ---- session, failures, malformed input ----

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void heartbeatStartIsAckedAndTheServerBeats(String kind) throws Exception {
    RawClient c = loggedOn(kind, "c");
    c.send("{\"c\":\"heartbeat\",\"a\":\"received\",\"o\":\"start,1\",\"cid\":\"hb\"}");
    Received ack = c.next();
    assertThat(ack.get("a")).isEqualTo("received");
    assertThat(ack.get("cid")).isEqualTo("hb");
    assertThat(c.next().c()).isEqualTo("heartbeat");
    c.send("{\"c\":\"heartbeat\",\"o\":\"beat\"}");
    assertThat(c.next().c()).isEqualTo("heartbeat");

    c.send("{\"c\":\"heartbeat\",\"a\":\"received\",\"o\":\"start,abc\",\"cid\":\"bad\"}");
    assertThat(c.nextNonHeartbeat().get("a")).isEqualTo("received");
    Received bad = c.nextNonHeartbeat();
    assertThat(bad.get("a")).isEqualTo("processed");
    assertThat(bad.get("reason")).isEqualTo("invalid options");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void silentClientIsDisconnectedAfterTwoHeartbeatIntervals(String kind) throws Exception {
    RawClient c = loggedOn(kind, "c");
    c.send("{\"c\":\"heartbeat\",\"o\":\"start,1\"}");
    // the server beats while it waits for the client, then gives up on it
    assertThat(c.next().c()).isEqualTo("heartbeat");
    assertThat(c.closedByServer()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void malformedHeaderAndUnknownCommandGetFailuresAndTheConnectionGoesOn(String kind) throws Exception {
    RawClient c = loggedOn(kind, "c");
    c.send("this is not json");
    Received parse = c.next();
    assertThat(parse.get("status")).isEqualTo("failure");
    assertThat(parse.get("reason")).isEqualTo("parse error");

    c.send("{\"c\":\"teleport\",\"cid\":\"t1\",\"a\":\"processed\"}");
    Received unknown = c.next();
    assertThat(unknown.get("reason")).isEqualTo("not supported");
    assertThat(unknown.get("cid")).isEqualTo("t1");

    c.send("{\"c\":\"publish\",\"cid\":\"p1\",\"a\":\"processed\"}", "{}");
    assertThat(c.next().get("reason")).isEqualTo("invalid topic");

    subscribe(c, "still", "t", null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void sowOnATopicWithoutStateFailsAndSowAndSubscribeGoesLive(String kind) throws Exception {
    RawClient c = loggedOn(kind, "c");
    c.send("{\"c\":\"sow\",\"cid\":\"q\",\"query_id\":\"q\",\"t\":\"orders\",\"a\":\"processed,completed\"}");
    Received fail = c.next();
    assertThat(fail.get("status")).isEqualTo("failure");
    assertThat(fail.get("reason")).isEqualTo("invalid topic");
    assertThat(fail.get("query_id")).isEqualTo("q");
    assertThat(fail.get("a")).isEqualTo("processed"); // one failure ack, not one per type asked

    c.send("{\"c\":\"sow_and_subscribe\",\"cid\":\"s\",\"sub_id\":\"s\",\"query_id\":\"s\",\"t\":\"orders\",\"bs\":10,\"a\":\"processed\"}");
    assertThat(c.next().get("a")).isEqualTo("processed");
    Received begin = c.next();
    assertThat(begin.c()).isEqualTo("group_begin");
    assertThat(begin.get("query_id")).isEqualTo("s");
    Received end = c.next();
    assertThat(end.c()).isEqualTo("group_end");
    loggedOn(kind, "pub").send("{\"c\":\"p\",\"t\":\"orders\"}", "{\"live\":true}");
    Received live = c.next();
    assertThat(live.get("sids")).isEqualTo("s");
    assertThat(live.body()).isEqualTo("{\"live\":true}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void publishAcksWhenAsked(String kind) throws Exception {
    RawClient c = loggedOn(kind, "c");
    c.send("{\"c\":\"p\",\"t\":\"x\",\"cid\":\"p9\",\"a\":\"received,processed\"}", "{}");
    assertThat(c.next().get("a")).isEqualTo("received");
    Received processed = c.next();
    assertThat(processed.get("a")).isEqualTo("processed");
    assertThat(processed.get("cid")).isEqualTo("p9");
    // an empty ack list asks for nothing
    c.send("{\"c\":\"p\",\"t\":\"x\",\"a\":\"\"}", "{}");
    c.send("{\"c\":\"flush\",\"cid\":\"f\",\"a\":\"processed\"}");
    assertThat(c.next().get("cid")).isEqualTo("f");
  }
}
