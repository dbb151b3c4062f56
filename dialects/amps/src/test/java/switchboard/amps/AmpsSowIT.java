package switchboard.amps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import switchboard.amps.RawClient.Received;
import switchboard.core.delivery.Outbox;
import switchboard.transport.TransportConfig;

/** State of the World over real sockets: queries, paging, ordering, batching, deletes, atomic sow_and_subscribe. */
class AmpsSowIT {
  private AmpsHarness server;
  private final List<RawClient> clients = new ArrayList<>();

  @BeforeEach
  void start() {
    AmpsConfig cfg = AmpsConfig.forTests().withSowTopics(List.of(
        new AmpsConfig.SowTopicConfig("orders", List.of("/id")),
        new AmpsConfig.SowTopicConfig("seq", List.of("/n"))));
    // room in the outbox for the live messages a sow_and_subscribe holds while its answer is sent
    server = new AmpsHarness(cfg, TransportConfig.forTests().withOutbox(new Outbox.Limits(100_000, 64 << 20), 64 * 1024));
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

  /** Publishes and waits until the server has handled it (a flush answers after everything before it). */
  private static void publish(RawClient c, String topic, String... bodies) throws Exception {
    for (String b : bodies) {
      c.send("{\"c\":\"p\",\"t\":\"" + topic + "\"}", b);
    }
    c.send("{\"c\":\"flush\",\"cid\":\"f\",\"a\":\"processed\"}");
    Received r;
    do {
      r = c.next();
    } while (!"f".equals(r.get("cid")));
  }

  /** Reads a query's answer through group_end: the records' bodies in order, checking the batch headers. */
  private static List<String> records(RawClient c, String queryId, List<Integer> batchSizes) throws Exception {
    Received begin = c.next();
    assertThat(begin.c()).as(begin.rawHeader()).isEqualTo("group_begin");
    assertThat(begin.get("query_id")).isEqualTo(queryId);
    List<String> out = new ArrayList<>();
    while (true) {
      Received r = c.next();
      if (r.c().equals("group_end")) {
        assertThat(r.get("query_id")).isEqualTo(queryId);
        return out;
      }
      assertThat(r.c()).isEqualTo("sow");
      assertThat(r.get("query_id")).isEqualTo(queryId);
      int bs = r.header().get("bs").asInt();
      batchSizes.add(bs);
      out.addAll(SowRecords.of(c, r, bs));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void queryAnswersTheLatestRecordPerKeyInTheDocumentedOrder(String kind) throws Exception {
    RawClient c = client(kind);
    publish(c, "orders", "{\"id\":1,\"qty\":5}", "{\"id\":2,\"qty\":50}", "{\"id\":3,\"qty\":500}", "{\"id\":1,\"qty\":7}");
    c.send("{\"c\":\"sow\",\"cid\":\"q\",\"query_id\":\"q\",\"t\":\"orders\",\"filter\":\"/qty > 6\",\"orderby\":\"/qty DESC\",\"bs\":2,\"a\":\"processed,completed,stats\"}");
    Received processed = c.next();
    assertThat(processed.get("a")).isEqualTo("processed");
    assertThat(processed.get("status")).isEqualTo("success");
    List<Integer> batches = new ArrayList<>();
    assertThat(records(c, "q", batches)).containsExactly("{\"id\":3,\"qty\":500}", "{\"id\":2,\"qty\":50}", "{\"id\":1,\"qty\":7}");
    assertThat(batches).containsExactly(2, 1);
    Received completed = c.next();
    assertThat(completed.get("a")).isEqualTo("completed");
    assertThat(completed.get("cid")).isEqualTo("q");
    Received stats = c.next();
    assertThat(stats.get("a")).isEqualTo("stats");
    assertThat(stats.header().get("records_returned").asInt()).isEqualTo(3);
    assertThat(stats.header().get("matches").asInt()).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void topNAndSkipNPage(String kind) throws Exception {
    RawClient c = client(kind);
    for (int i = 1; i <= 10; i++) {
      publish(c, "orders", "{\"id\":" + i + "}");
    }
    c.send("{\"c\":\"sow\",\"cid\":\"p\",\"query_id\":\"p\",\"t\":\"orders\",\"orderby\":\"/id\",\"top_n\":3,\"o\":\"skip_n=4\",\"bs\":10,\"a\":\"stats\"}");
    List<String> page = records(c, "p", new ArrayList<>());
    assertThat(page).containsExactly("{\"id\":5}", "{\"id\":6}", "{\"id\":7}");
    Received stats = c.next();
    assertThat(stats.header().get("records_returned").asInt()).isEqualTo(3);
    assertThat(stats.header().get("matches").asInt()).isEqualTo(10);
    // top_n=0 with stats counts without sending records
    c.send("{\"c\":\"sow\",\"cid\":\"n\",\"query_id\":\"n\",\"t\":\"orders\",\"filter\":\"/id > 8\",\"top_n\":0,\"a\":\"stats\"}");
    assertThat(records(c, "n", new ArrayList<>())).isEmpty();
    assertThat(c.next().header().get("matches").asInt()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void publishWithoutTheKeyFieldIsRefused(String kind) throws Exception {
    RawClient c = client(kind);
    c.send("{\"c\":\"p\",\"t\":\"orders\",\"cid\":\"x\",\"a\":\"processed\"}", "{\"qty\":1}");
    assertThat(c.next().get("reason")).isEqualTo("bad sow key");
    c.send("{\"c\":\"p\",\"t\":\"orders\",\"cid\":\"y\",\"a\":\"processed\"}", "not json");
    assertThat(c.next().get("reason")).isEqualTo("parse error");
    c.send("{\"c\":\"sow\",\"cid\":\"o\",\"t\":\"orders\",\"orderby\":\"qty\",\"a\":\"processed\"}");
    assertThat(c.next().get("reason")).isEqualTo("invalid orderby");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void deltaPublishMergesIntoTheRecord(String kind) throws Exception {
    RawClient c = client(kind);
    publish(c, "orders", "{\"id\":1,\"qty\":5,\"side\":\"buy\"}");
    c.send("{\"c\":\"delta_publish\",\"t\":\"orders\"}", "{\"id\":1,\"qty\":9}");
    c.send("{\"c\":\"sow\",\"cid\":\"q\",\"query_id\":\"q\",\"t\":\"orders\",\"a\":\"processed\"}");
    c.next();
    assertThat(records(c, "q", new ArrayList<>())).containsExactly("{\"id\":1,\"qty\":9,\"side\":\"buy\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void sowDeleteByFilterByKeysAndByData(String kind) throws Exception {
    RawClient c = client(kind);
    publish(c, "orders", "{\"id\":1,\"qty\":5}", "{\"id\":2,\"qty\":50}", "{\"id\":3,\"qty\":500}", "{\"id\":4,\"qty\":1}");
    c.send("{\"c\":\"sow_delete\",\"cid\":\"d1\",\"t\":\"orders\",\"filter\":\"/qty >= 50\",\"a\":\"stats\"}");
    Received byFilter = c.next();
    assertThat(byFilter.get("a")).isEqualTo("stats");
    assertThat(byFilter.get("cid")).isEqualTo("d1");
    assertThat(byFilter.header().get("records_deleted").asInt()).isEqualTo(2);

    c.send("{\"c\":\"sow\",\"cid\":\"q\",\"query_id\":\"q\",\"t\":\"orders\",\"filter\":\"/id = 1\"}");
    assertThat(records(c, "q", new ArrayList<>())).hasSize(1);
    String key = SowRecords.lastKeys.get(0);
    assertThat(key).matches("\\d+");
    c.send("{\"c\":\"sow_delete\",\"cid\":\"d2\",\"t\":\"orders\",\"sow_keys\":\"" + key + ",999\",\"a\":\"stats\"}");
    assertThat(c.next().header().get("records_deleted").asInt()).isEqualTo(1);

    c.send("{\"c\":\"sow_delete\",\"cid\":\"d3\",\"t\":\"orders\",\"a\":\"stats\"}", "{\"id\":4,\"qty\":123}");
    assertThat(c.next().header().get("records_deleted").asInt()).isEqualTo(1);

    c.send("{\"c\":\"sow_delete\",\"cid\":\"d4\",\"t\":\"orders\",\"filter\":\"/id = 1\",\"sow_keys\":\"1\",\"a\":\"stats\"}");
    Received twoForms = c.next();
    assertThat(twoForms.get("status")).isEqualTo("failure");
    assertThat(twoForms.get("reason")).isEqualTo(SowCommands.ONE_DELETE_FORM);

    c.send("{\"c\":\"sow\",\"cid\":\"e\",\"query_id\":\"e\",\"t\":\"orders\"}");
    assertThat(records(c, "e", new ArrayList<>())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void oofTellsSubscribersThatAskedWhenARecordLeavesTheirFilterOrIsDeleted(String kind) throws Exception {
    RawClient withOof = client(kind);
    RawClient without = client(kind);
    RawClient pub = client(kind);
    withOof.send("{\"c\":\"subscribe\",\"cid\":\"s\",\"sub_id\":\"big\",\"t\":\"orders\",\"filter\":\"/qty > 5\",\"o\":\"oof\",\"a\":\"processed\"}");
    assertThat(withOof.next().get("status")).isEqualTo("success");
    without.send("{\"c\":\"subscribe\",\"cid\":\"s\",\"sub_id\":\"big\",\"t\":\"orders\",\"filter\":\"/qty > 5\",\"a\":\"processed\"}");
    assertThat(without.next().get("status")).isEqualTo("success");

    publish(pub, "orders", "{\"id\":1,\"qty\":9}", "{\"id\":1,\"qty\":2}", "{\"id\":2,\"qty\":50}");
    Received p1 = withOof.next();
    assertThat(p1.c()).isEqualTo("p");
    Received leaves = withOof.next();
    assertThat(leaves.c()).isEqualTo("oof");
    assertThat(leaves.get("reason")).isEqualTo("match");
    assertThat(leaves.get("sids")).isEqualTo("big");
    assertThat(leaves.body()).isEqualTo("{\"id\":1,\"qty\":2}");
    assertThat(withOof.next().body()).isEqualTo("{\"id\":2,\"qty\":50}");

    pub.send("{\"c\":\"sow_delete\",\"cid\":\"d\",\"t\":\"orders\",\"filter\":\"/id > 0\",\"a\":\"stats\"}");
    assertThat(pub.next().header().get("records_deleted").asInt()).isEqualTo(2);
    Received deleted = withOof.next();
    assertThat(deleted.c()).isEqualTo("oof");
    assertThat(deleted.get("reason")).isEqualTo("deleted");
    assertThat(deleted.body()).isEqualTo("{\"id\":2,\"qty\":50}"); // record 1 was out of focus already

    // the subscriber without the option saw only the two matching publishes
    assertThat(without.next().body()).isEqualTo("{\"id\":1,\"qty\":9}");
    assertThat(without.next().body()).isEqualTo("{\"id\":2,\"qty\":50}");
    without.send("{\"c\":\"flush\",\"cid\":\"f\",\"a\":\"processed\"}");
    assertThat(without.next().get("cid")).isEqualTo("f");
    withOof.send("{\"c\":\"flush\",\"cid\":\"f\",\"a\":\"processed\"}");
    assertThat(withOof.next().get("cid")).isEqualTo("f");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void oofIsOnlyForARecordTheSubscriberWasSent(String kind) throws Exception {
    RawClient pub = client(kind);
    publish(pub, "orders", "{\"id\":7,\"qty\":9}");
    Thread.sleep(5); // the subscriptions begin in a later millisecond than the record's write
    RawClient late = client(kind);
    late.send("{\"c\":\"subscribe\",\"cid\":\"s\",\"sub_id\":\"late\",\"t\":\"orders\",\"filter\":\"/qty > 5\",\"o\":\"oof\",\"a\":\"processed\"}");
    assertThat(late.next().get("status")).isEqualTo("success");
    RawClient queried = client(kind);
    queried.send("{\"c\":\"sow_and_subscribe\",\"cid\":\"q\",\"sub_id\":\"q\",\"query_id\":\"q\",\"t\":\"orders\",\"filter\":\"/qty > 5\",\"o\":\"oof\",\"a\":\"processed\"}");
    assertThat(queried.next().get("status")).isEqualTo("success");
    assertThat(records(queried, "q", new ArrayList<>())).containsExactly("{\"id\":7,\"qty\":9}");

    publish(pub, "orders", "{\"id\":7,\"qty\":1}");
    // the query's subscriber had the record: it is told it left; the plain subscriber never had it
    Received oof = queried.next();
    assertThat(oof.c()).isEqualTo("oof");
    assertThat(oof.get("sids")).isEqualTo("q");
    late.send("{\"c\":\"flush\",\"cid\":\"f\",\"a\":\"processed\"}");
    assertThat(late.next().get("cid")).isEqualTo("f");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void deltaSubscribersGetTheChangedFieldsAndTheKeyOthersTheWholeRecord(String kind) throws Exception {
    RawClient c = client(kind);
    RawClient pub = client(kind);
    // one connection, three subscriptions: whole, delta, delta with no_empties
    c.send("{\"c\":\"subscribe\",\"cid\":\"1\",\"sub_id\":\"whole\",\"t\":\"orders\",\"a\":\"processed\"}");
    assertThat(c.next().get("status")).isEqualTo("success");
    c.send("{\"c\":\"delta_subscribe\",\"cid\":\"2\",\"sub_id\":\"d\",\"t\":\"orders\",\"a\":\"processed\"}");
    assertThat(c.next().get("status")).isEqualTo("success");
    c.send("{\"c\":\"delta_subscribe\",\"cid\":\"3\",\"sub_id\":\"dn\",\"t\":\"orders\",\"o\":\"no_empties\",\"a\":\"processed\"}");
    assertThat(c.next().get("status")).isEqualTo("success");

    // a new record: everyone gets all of it, in one message
    publish(pub, "orders", "{\"id\":1,\"qty\":2,\"px\":{\"bid\":10,\"ask\":11},\"venue\":\"x\"}");
    Received first = c.next();
    assertThat(first.get("sids")).isEqualTo("whole,d,dn");
    assertThat(first.body()).isEqualTo("{\"id\":1,\"qty\":2,\"px\":{\"bid\":10,\"ask\":11},\"venue\":\"x\"}");

    // an update: the delta subscriptions get the changed fields, nested ones field by field, and the key
    publish(pub, "orders", "{\"id\":1,\"qty\":5,\"px\":{\"bid\":10,\"ask\":12},\"venue\":\"x\"}");
    Received whole = c.next();
    assertThat(whole.get("sids")).isEqualTo("whole");
    assertThat(whole.body()).isEqualTo("{\"id\":1,\"qty\":5,\"px\":{\"bid\":10,\"ask\":12},\"venue\":\"x\"}");
    Received delta = c.next();
    assertThat(delta.get("sids")).isEqualTo("d,dn");
    assertThat(delta.body()).isEqualTo("{\"qty\":5,\"px\":{\"ask\":12},\"id\":1}");

    // an update that changes nothing: no_empties skips it
    publish(pub, "orders", "{\"id\":1,\"qty\":5,\"px\":{\"bid\":10,\"ask\":12},\"venue\":\"x\"}");
    assertThat(c.next().get("sids")).isEqualTo("whole");
    Received empty = c.next();
    assertThat(empty.get("sids")).isEqualTo("d");
    assertThat(empty.body()).isEqualTo("{\"id\":1}");
    c.send("{\"c\":\"flush\",\"cid\":\"f\",\"a\":\"processed\"}");
    assertThat(c.next().get("cid")).isEqualTo("f");
  }

  /**
   * sow_and_subscribe while another connection publishes, each message on a new key:
   * every message is either in the snapshot or delivered live after group_end, never both and never
   * neither.
   */
  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void sowAndSubscribeHasNoGapAndNoDuplicateUnderConcurrentPublishing(String kind) throws Exception {
    RawClient sub = client(kind);
    RawClient.Tcp pub = (RawClient.Tcp) client("tcp");
    int total = 5_000;
    AtomicInteger published = new AtomicInteger();
    Thread publisher = new Thread(() -> {
      try {
        for (int n = 1; n <= total; n++) {
          pub.send("{\"c\":\"p\",\"t\":\"seq\"}", "{\"n\":" + n + "}");
          published.set(n);
          if (n % 10 == 0) {
            Thread.sleep(1); // paced, so that the query lands while messages still flow
          }
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    publisher.start();
    while (published.get() < 500) {
      Thread.onSpinWait();
    }
    // the server has handled at least what came before this flush: the snapshot cannot be empty
    pub.send("{\"c\":\"flush\",\"cid\":\"ready\",\"a\":\"processed\"}");
    assertThat(pub.next().get("cid")).isEqualTo("ready");
    sub.send("{\"c\":\"sow_and_subscribe\",\"cid\":\"s\",\"sub_id\":\"s\",\"query_id\":\"s\",\"t\":\"seq\",\"bs\":50,\"a\":\"processed\"}");
    assertThat(sub.next().get("a")).isEqualTo("processed");
    List<String> snapshot = records(sub, "s", new ArrayList<>());
    Set<Integer> seen = new HashSet<>();
    for (String r : snapshot) {
      assertThat(seen.add(RawClient.JSON.readTree(r).get("n").asInt())).as("duplicate in snapshot").isTrue();
    }
    int live = 0;
    while (seen.size() < total) {
      Received m = sub.next();
      assertThat(m.c()).isEqualTo("p");
      assertThat(seen.add(RawClient.JSON.readTree(m.body()).get("n").asInt())).as("delivered twice: %s", m.body()).isTrue();
      live++;
    }
    publisher.join();
    for (int n = 1; n <= total; n++) {
      assertThat(seen).as("message %d is neither in the snapshot nor delivered", n).contains(n);
    }
    assertThat(live).as("messages delivered live after group_end").isPositive();
    assertThat(snapshot).as("records in the snapshot").hasSizeGreaterThanOrEqualTo(500);
  }
}
