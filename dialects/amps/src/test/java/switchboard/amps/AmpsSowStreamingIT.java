package switchboard.amps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import switchboard.amps.RawClient.Received;
import switchboard.core.delivery.Outbox;
import switchboard.transport.TransportConfig;

/**
 * SOW answers sent at the pace the socket drains (protocols/amps.md §3.4, §3.6, seed 001), with an
 * outbox limit far below the size of the results: a result is never written in one go, so it never
 * makes a reading client a slow consumer, a query in progress can be cancelled, and sow_and_subscribe
 * holds its live messages until group_end.
 *
 * <p>"Surely still in progress" below rests on sizes, not time: a client that has paused reading
 * holds at most its socket buffers' worth (a few MB on loopback), and the results are far larger.
 */
class AmpsSowStreamingIT {
  /** 64 messages or 256 KB may wait in a connection's outbox; the results are many MB. */
  private static final Outbox.Limits SMALL_OUTBOX = new Outbox.Limits(64, 256 * 1024);
  private static final String PAD = "x".repeat(1000);
  /** Records of about 1 KB: 20,000 of them make a result of about 20 MB. */
  private static final int BIG = 20_000;

  private AmpsHarness server;
  private final List<RawClient> clients = new ArrayList<>();

  @BeforeEach
  void start() {
    AmpsConfig cfg = AmpsConfig.forTests().withSowTopics(List.of(
        new AmpsConfig.SowTopicConfig("small", List.of("/id")),
        new AmpsConfig.SowTopicConfig("big", List.of("/id"))));
    server = new AmpsHarness(cfg, TransportConfig.forTests().withOutbox(SMALL_OUTBOX, 32 * 1024));
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
    c.send("{\"c\":\"logon\",\"cid\":\"L\",\"client_name\":\"c" + clients.size() + "\",\"a\":\"processed\"}");
    assertThat(c.next().get("status")).isEqualTo("success");
    return c;
  }

  private RawClient.Tcp tcp() throws Exception {
    return (RawClient.Tcp) client("tcp");
  }

  private static String small(int id) {
    return "{\"id\":" + id + "}";
  }

  private static String big(int id) {
    return "{\"id\":" + id + ",\"v\":0,\"pad\":\"" + PAD + "\"}";
  }

  /** Publishes records 1..n, many frames per write, and waits until the server has handled them all. */
  private void fill(String topic, int n, IntFunction<String> body) throws Exception {
    RawClient.Tcp pub = tcp();
    byte[] header = ("{\"c\":\"p\",\"t\":\"" + topic + "\"}").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    for (int i = 1; i <= n; i++) {
      byte[] b = body.apply(i).getBytes(StandardCharsets.UTF_8);
      out.writeInt(header.length + b.length);
      out.write(header);
      out.write(b);
      if (bytes.size() > 1 << 20 || i == n) {
        pub.sendBytes(bytes.toByteArray());
        bytes.reset();
      }
    }
    flush(pub);
  }

  /** A flush, answered after everything the client sent before it; returns what came before its ack. */
  private static List<Received> flush(RawClient c) throws Exception {
    c.send("{\"c\":\"flush\",\"cid\":\"f\",\"a\":\"processed\"}");
    List<Received> before = new ArrayList<>();
    for (Received r = c.next(); !"f".equals(r.get("cid")); r = c.next()) {
      before.add(r);
    }
    return before;
  }

  /** What a query's answer gave before the ack with this cid, or through group_end. */
  private record Answer(List<String> records, boolean ended, List<Received> after) {}

  /**
   * Reads a query's answer after its processed ack: group_begin, sow batches, and group_end; or,
   * when {@code stopCid} is given, up to the ack with that cid, whichever comes first.
   */
  private static Answer read(RawClient c, String queryId, String stopCid) throws Exception {
    Received begin = c.next();
    assertThat(begin.c()).as(begin.rawHeader()).isEqualTo("group_begin");
    assertThat(begin.get("query_id")).isEqualTo(queryId);
    List<String> records = new ArrayList<>();
    while (true) {
      Received r = c.next();
      if (stopCid != null && stopCid.equals(r.get("cid"))) {
        return new Answer(records, false, List.of(r));
      }
      if (r.c().equals("group_end")) {
        assertThat(r.get("query_id")).isEqualTo(queryId);
        return new Answer(records, true, List.of());
      }
      assertThat(r.c()).as("only sow batches before group_end: %s", r.rawHeader()).isEqualTo("sow");
      assertThat(r.get("query_id")).isEqualTo(queryId);
      records.addAll(SowRecords.of(c, r, r.header().get("bs").asInt()));
    }
  }

  private long slowConsumers() {
    return server.stats.of(AmpsDialect.NAME).slowConsumerDisconnects();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void aResultFarLargerThanTheOutboxLimitArrivesWholeAndInOrder(String kind) throws Exception {
    int n = 100_000;
    fill("small", n, AmpsSowStreamingIT::small);
    RawClient c = client(kind);
    c.send("{\"c\":\"sow\",\"cid\":\"q\",\"query_id\":\"q\",\"t\":\"small\",\"orderby\":\"/id\",\"bs\":10,\"a\":\"processed,completed\"}");
    assertThat(c.next().get("a")).isEqualTo("processed");
    Answer a = read(c, "q", null);
    assertThat(a.ended()).isTrue();
    assertThat(a.records()).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(a.records().get(i)).isEqualTo(small(i + 1));
    }
    Received completed = c.next();
    assertThat(completed.get("a")).isEqualTo("completed");
    assertThat(flush(c)).as("nothing after the completed ack").isEmpty();
    assertThat(slowConsumers()).isZero();
  }

  @Test
  void aClientThatPausesReadingStillGetsEverything() throws Exception {
    fill("big", BIG, AmpsSowStreamingIT::big);
    RawClient.Tcp c = tcp();
    c.pause();
    c.send("{\"c\":\"sow\",\"cid\":\"q\",\"query_id\":\"q\",\"t\":\"big\",\"orderby\":\"/id\",\"bs\":10,\"a\":\"processed\"}");
    Thread.sleep(300); // not a check: gives the server time to fill the socket and wait on it
    c.resume();
    assertThat(c.next().get("a")).isEqualTo("processed");
    Answer a = read(c, "q", null);
    assertThat(a.ended()).isTrue();
    assertThat(a.records()).hasSize(BIG);
    for (int i = 0; i < BIG; i++) {
      assertThat(a.records().get(i)).isEqualTo(big(i + 1));
    }
    assertThat(slowConsumers()).isZero();
  }

  /** seed 001: query_id cancels a SOW query still in progress; a cancelled query sends no further records. */
  @Test
  void unsubscribeWithTheQueryIdStopsAQueryInProgress() throws Exception {
    fill("big", BIG, AmpsSowStreamingIT::big);
    RawClient.Tcp c = tcp();
    c.pause();
    c.send("{\"c\":\"sow\",\"cid\":\"q\",\"query_id\":\"q\",\"t\":\"big\",\"orderby\":\"/id\",\"bs\":10,\"a\":\"processed,completed\"}");
    c.send("{\"c\":\"unsubscribe\",\"cid\":\"u\",\"query_id\":\"q\",\"a\":\"processed\"}");
    c.resume();
    assertThat(c.next().get("cid")).isEqualTo("q");
    Answer a = read(c, "q", "u");
    assertThat(a.ended()).as("group_end of a cancelled query").isFalse();
    assertThat(a.after().get(0).get("status")).isEqualTo("success");
    assertThat(a.records()).as("records sent before the cancel").hasSizeLessThan(BIG);
    for (int i = 0; i < a.records().size(); i++) {
      assertThat(a.records().get(i)).isEqualTo(big(i + 1));
    }
    // nothing of the query (no record, no group_end, no completed ack) follows the processed ack
    assertThat(flush(c)).isEmpty();
    assertThat(slowConsumers()).isZero();
  }

  /** §3.4: live messages that arrive while a sow_and_subscribe's answer is sent follow its group_end. */
  @Test
  void sowAndSubscribeDeliversLiveMessagesAfterGroupEnd() throws Exception {
    fill("big", BIG, AmpsSowStreamingIT::big);
    RawClient.Tcp sub = tcp();
    RawClient.Tcp pub = tcp();
    sub.pause();
    sub.send("{\"c\":\"sow_and_subscribe\",\"cid\":\"s\",\"sub_id\":\"s\",\"query_id\":\"s\",\"t\":\"big\",\"orderby\":\"/id\",\"bs\":10,\"a\":\"processed\"}");
    await().until(() -> server.hub.subscriptionCount() == 1);
    // an update of the first record of the snapshot, and a new record
    String update = "{\"id\":1,\"v\":1}";
    String added = "{\"id\":" + (BIG + 1) + ",\"v\":0}";
    pub.send("{\"c\":\"p\",\"t\":\"big\"}", update);
    pub.send("{\"c\":\"p\",\"t\":\"big\"}", added);
    flush(pub);
    sub.resume();
    assertThat(sub.next().get("a")).isEqualTo("processed");
    Answer a = read(sub, "s", null);
    assertThat(a.ended()).isTrue();
    assertThat(a.records()).hasSize(BIG);
    assertThat(a.records().get(0)).isEqualTo(big(1));
    Received first = sub.next();
    assertThat(first.c()).isEqualTo("p");
    assertThat(first.get("sids")).isEqualTo("s");
    assertThat(first.body()).isEqualTo(update);
    assertThat(sub.next().body()).isEqualTo(added);
    // and later messages are live at once
    pub.send("{\"c\":\"p\",\"t\":\"big\"}", "{\"id\":2,\"v\":1}");
    assertThat(sub.next().body()).isEqualTo("{\"id\":2,\"v\":1}");
    assertThat(slowConsumers()).isZero();
  }

  /** Unsubscribing a sow_and_subscribe's sub_id stops its query, and what it held is never sent. */
  @Test
  void unsubscribingTheSubIdStopsItsQueryAndWhatItHeld() throws Exception {
    fill("big", BIG, AmpsSowStreamingIT::big);
    RawClient.Tcp sub = tcp();
    RawClient.Tcp pub = tcp();
    sub.pause();
    sub.send("{\"c\":\"sow_and_subscribe\",\"cid\":\"s\",\"sub_id\":\"s\",\"query_id\":\"s\",\"t\":\"big\",\"bs\":10,\"a\":\"processed\"}");
    await().until(() -> server.hub.subscriptionCount() == 1);
    pub.send("{\"c\":\"p\",\"t\":\"big\"}", "{\"id\":1,\"v\":1}");
    flush(pub);
    sub.send("{\"c\":\"unsubscribe\",\"cid\":\"u\",\"sub_id\":\"s\",\"a\":\"processed\"}");
    sub.resume();
    assertThat(sub.next().get("a")).isEqualTo("processed");
    Answer a = read(sub, "s", "u");
    assertThat(a.ended()).isFalse();
    assertThat(a.records()).hasSizeLessThan(BIG);
    pub.send("{\"c\":\"p\",\"t\":\"big\"}", "{\"id\":2,\"v\":1}");
    flush(pub);
    assertThat(flush(sub)).as("nothing for the subscription after the unsubscribe's ack").isEmpty();
    assertThat(server.hub.subscriptionCount()).isZero();
  }

  /** Cancelling a sow_and_subscribe by its query_id stops the records; its subscription stays live. */
  @Test
  void cancellingASowAndSubscribeByQueryIdKeepsItsSubscription() throws Exception {
    fill("big", BIG, AmpsSowStreamingIT::big);
    RawClient.Tcp sub = tcp();
    RawClient.Tcp pub = tcp();
    sub.pause();
    sub.send("{\"c\":\"sow_and_subscribe\",\"cid\":\"s\",\"sub_id\":\"s\",\"query_id\":\"q\",\"t\":\"big\",\"bs\":10,\"a\":\"processed\"}");
    await().until(() -> server.hub.subscriptionCount() == 1);
    pub.send("{\"c\":\"p\",\"t\":\"big\"}", "{\"id\":1,\"v\":1}");
    flush(pub);
    sub.send("{\"c\":\"unsubscribe\",\"cid\":\"u\",\"query_id\":\"q\",\"a\":\"processed\"}");
    sub.resume();
    assertThat(sub.next().get("a")).isEqualTo("processed");
    Received begin = sub.next();
    assertThat(begin.c()).isEqualTo("group_begin");
    int records = 0;
    Received r;
    for (r = sub.next(); r.c().equals("sow"); r = sub.next()) {
      records += SowRecords.of(sub, r, r.header().get("bs").asInt()).size();
    }
    assertThat(records).isLessThan(BIG);
    // then the ack and the live message, once, and no group_end. The message is held and delivered
    // when the query stops (before the ack), unless the event loop read the unsubscribe before it ran
    // the delivery (then it is delivered live, after the ack): the publish and the unsubscribe came on
    // different connections.
    List<Received> rest = new ArrayList<>(List.of(r, sub.next()));
    assertThat(rest).extracting(Received::c).containsExactlyInAnyOrder("p", "ack");
    assertThat(rest).filteredOn(m -> m.c().equals("p")).extracting(Received::body).containsExactly("{\"id\":1,\"v\":1}");
    assertThat(rest).filteredOn(m -> m.c().equals("ack")).extracting(m -> m.get("cid")).containsExactly("u");
    pub.send("{\"c\":\"p\",\"t\":\"big\"}", "{\"id\":2,\"v\":1}");
    assertThat(sub.next().body()).isEqualTo("{\"id\":2,\"v\":1}");
    assertThat(flush(sub)).isEmpty();
  }

  /**
   * Queries of one connection take turns, a batch each: a small sow_and_subscribe sent after a large
   * query ends (and its live messages flow) while the large one is still being answered.
   */
  @Test
  void aSmallQueryIsNotStuckBehindALargeOne() throws Exception {
    fill("big", BIG, AmpsSowStreamingIT::big);
    fill("small", 5, AmpsSowStreamingIT::small);
    RawClient.Tcp c = tcp();
    RawClient.Tcp pub = tcp();
    c.pause();
    c.send("{\"c\":\"sow\",\"cid\":\"large\",\"query_id\":\"large\",\"t\":\"big\",\"orderby\":\"/id\",\"bs\":10,\"a\":\"processed\"}");
    c.send("{\"c\":\"sow_and_subscribe\",\"cid\":\"s\",\"sub_id\":\"s\",\"query_id\":\"s\",\"t\":\"small\",\"orderby\":\"/id\",\"bs\":10,\"a\":\"processed\"}");
    await().until(() -> server.hub.subscriptionCount() == 1);
    pub.send("{\"c\":\"p\",\"t\":\"small\"}", "{\"id\":6}");
    flush(pub);
    c.resume();
    List<String> large = new ArrayList<>();
    List<String> small = new ArrayList<>();
    List<String> events = new ArrayList<>();
    while (!events.contains("end:large")) {
      Received r = c.next();
      String q = r.get("query_id");
      switch (r.c()) {
        case "sow" -> (q.equals("large") ? large : small).addAll(SowRecords.of(c, r, r.header().get("bs").asInt()));
        case "group_begin", "group_end" -> events.add((r.c().equals("group_end") ? "end:" : "begin:") + q);
        case "p" -> events.add("p:" + r.body());
        default -> assertThat(r.get("a")).as(r.rawHeader()).isEqualTo("processed");
      }
    }
    assertThat(events).containsExactly("begin:large", "begin:s", "end:s", "p:{\"id\":6}", "end:large");
    assertThat(small).containsExactly(small(1), small(2), small(3), small(4), small(5));
    assertThat(large).hasSize(BIG);
    for (int i = 0; i < BIG; i++) {
      assertThat(large.get(i)).isEqualTo(big(i + 1));
    }
  }

  /** Held live messages count against the outbox limits: past them, the client is a slow consumer. */
  @Test
  void heldMessagesPastTheOutboxLimitMakeASlowConsumer() throws Exception {
    fill("big", BIG, AmpsSowStreamingIT::big);
    RawClient.Tcp sub = tcp();
    RawClient.Tcp pub = tcp();
    sub.pause();
    sub.send("{\"c\":\"sow_and_subscribe\",\"cid\":\"s\",\"sub_id\":\"s\",\"query_id\":\"s\",\"t\":\"big\",\"bs\":10,\"a\":\"processed\"}");
    await().until(() -> server.hub.subscriptionCount() == 1);
    for (int i = 1; i <= SMALL_OUTBOX.maxMessages() + 1; i++) {
      pub.send("{\"c\":\"p\",\"t\":\"big\"}", "{\"id\":" + i + ",\"v\":1}");
    }
    flush(pub);
    await().until(() -> slowConsumers() == 1);
    sub.resume();
    assertThat(sub.closedByServer()).isTrue();
    await().until(() -> server.hub.subscriptionCount() == 0);
  }

  /** A connection closed while its query is sent leaves no subscription, no error and no slow consumer. */
  @Test
  void aConnectionClosedMidQueryLeavesNothingBehind() throws Exception {
    fill("big", BIG, AmpsSowStreamingIT::big);
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    root.addAppender(logged);
    try {
      RawClient.Tcp sub = tcp();
      RawClient.Tcp pub = tcp();
      sub.pause();
      sub.send("{\"c\":\"sow_and_subscribe\",\"cid\":\"s\",\"sub_id\":\"s\",\"query_id\":\"s\",\"t\":\"big\",\"bs\":10,\"a\":\"processed\"}");
      sub.send("{\"c\":\"sow\",\"cid\":\"q\",\"query_id\":\"q\",\"t\":\"big\",\"bs\":10,\"a\":\"processed\"}");
      await().until(() -> server.hub.subscriptionCount() == 1);
      pub.send("{\"c\":\"p\",\"t\":\"big\"}", "{\"id\":1,\"v\":1}");
      flush(pub);
      sub.close();
      await().until(() -> server.hub.subscriptionCount() == 0 && server.hub.ownerCount() == 0);
      // the server goes on: publishes reach no one, and a query is answered whole
      pub.send("{\"c\":\"p\",\"t\":\"big\"}", "{\"id\":2,\"v\":1}");
      pub.send("{\"c\":\"sow\",\"cid\":\"p\",\"query_id\":\"p\",\"t\":\"big\",\"filter\":\"/v = 1\",\"a\":\"processed\"}");
      assertThat(pub.next().get("a")).isEqualTo("processed");
      assertThat(read(pub, "p", null).records()).containsExactlyInAnyOrder("{\"id\":1,\"v\":1}", "{\"id\":2,\"v\":1}");
    } finally {
      root.detachAppender(logged);
    }
    assertThat(slowConsumers()).isZero();
    assertThat(logged.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN) || e.getThrowableProxy() != null)
        .as("warnings and errors logged").isEmpty();
  }
}
