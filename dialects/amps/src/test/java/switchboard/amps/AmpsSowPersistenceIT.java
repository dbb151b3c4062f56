package switchboard.amps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import switchboard.amps.RawClient.Received;
import switchboard.core.spi.Store;
import switchboard.store.jdbc.JdbcStore;
import switchboard.store.jdbc.JdbcStoreConfig;

/**
 * State-of-the-World records kept in a store over real sockets: they outlive the dialect, and a
 * publish's persisted ack waits for their commit (protocols/amps.md §3.1, §3.7).
 */
class AmpsSowPersistenceIT {
  private static final AmpsConfig CONFIG = AmpsConfig.forTests().withSowTopics(List.of(
      new AmpsConfig.SowTopicConfig("orders", List.of("/id"))));

  @TempDir Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private <T extends AutoCloseable> T keep(T c) {
    open.add(c);
    return c;
  }

  private Store fileStore() {
    return new JdbcStore(JdbcStoreConfig.embedded(dir.resolve("data")).withPoolSize(2));
  }

  private RawClient client(AmpsHarness server, String kind, String name) throws Exception {
    RawClient c = keep(server.connect(kind));
    c.send("{\"c\":\"logon\",\"cid\":\"L\",\"client_name\":\"" + name + "\",\"a\":\"processed\"}");
    assertThat(c.next().get("status")).isEqualTo("success");
    return c;
  }

  /** Sends a command asking for a processed ack with this cid, and reads up to that ack. */
  private static Received processed(RawClient c, String header, String body, String cid) throws Exception {
    c.send(header, body);
    Received r;
    do {
      r = c.next();
    } while (!(cid.equals(r.get("cid")) && "processed".equals(r.get("a"))));
    return r;
  }

  /** The topic's records as a sow query answers them, in the server's order. */
  private static List<String> sow(RawClient c, String topic) throws Exception {
    c.send("{\"c\":\"sow\",\"cid\":\"q\",\"query_id\":\"q\",\"t\":\"" + topic + "\",\"bs\":100,\"a\":\"completed\"}");
    assertThat(c.next().c()).isEqualTo("group_begin");
    List<String> out = new ArrayList<>();
    for (Received r = c.next(); !r.c().equals("group_end"); r = c.next()) {
      out.addAll(SowRecords.of(c, r, r.header().get("bs").asInt()));
    }
    assertThat(c.next().get("a")).isEqualTo("completed");
    return out;
  }

  /** Nothing arrives for a while. */
  private static void silent(RawClient c) throws InterruptedException {
    Object o = c.inbox.poll(300, TimeUnit.MILLISECONDS);
    assertThat(o).as("no message yet").isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "ws"})
  void recordsDeletesAndDeltaMergesOutliveTheServerAndItsStore(String kind) throws Exception {
    try (Store store = fileStore()) {
      AmpsHarness first = new AmpsHarness(CONFIG, store.sowRecords());
      RawClient c = client(first, kind, "writer");
      for (String body : List.of("{\"id\":1,\"qty\":5}", "{\"id\":2,\"qty\":50,\"px\":9}", "{\"id\":3,\"qty\":500}", "{\"id\":1,\"qty\":7}")) {
        c.send("{\"c\":\"p\",\"t\":\"orders\"}", body);
      }
      c.send("{\"c\":\"delta_publish\",\"t\":\"orders\"}", "{\"id\":2,\"qty\":51}");
      processed(c, "{\"c\":\"sow_delete\",\"cid\":\"d\",\"t\":\"orders\",\"filter\":\"/qty > 100\",\"a\":\"processed\"}", null, "d");
      c.close();
      // closed at once: the dialect writes what is still queued before it returns
      first.close();
    }

    try (Store store = fileStore()) {
      AmpsHarness second = keep(new AmpsHarness(CONFIG, store.sowRecords()));
      RawClient c = client(second, kind, "reader");
      assertThat(sow(c, "orders")).containsExactlyInAnyOrder("{\"id\":1,\"qty\":7}", "{\"id\":2,\"qty\":51,\"px\":9}");
      // the restored records are live records: a publish updates them, a delete removes them
      processed(c, "{\"c\":\"p\",\"cid\":\"u\",\"t\":\"orders\",\"a\":\"processed\"}", "{\"id\":1,\"qty\":8}", "u");
      processed(c, "{\"c\":\"sow_delete\",\"cid\":\"d\",\"t\":\"orders\",\"a\":\"processed\"}", "{\"id\":2}", "d");
      assertThat(sow(c, "orders")).containsExactly("{\"id\":1,\"qty\":8}");
    }
  }

  @Test
  void aPersistedAckIsSentOnlyAfterTheCommitAndNoEventLoopWaitsForIt() throws Exception {
    Store store = keep(fileStore());
    GatedSowRecords gated = new GatedSowRecords(store.sowRecords()).gate();
    AmpsHarness server = keep(new AmpsHarness(CONFIG, gated));
    RawClient publisher = client(server, "tcp", "publisher");
    RawClient other = client(server, "ws", "other");

    Received processed = processed(publisher, "{\"c\":\"p\",\"cid\":\"p1\",\"t\":\"orders\",\"s\":1,\"a\":\"processed,persisted\"}", "{\"id\":1}", "p1");
    assertThat(processed.get("status")).isEqualTo("success");
    assertThat(gated.awaitWrite()).as("the journal is writing").isTrue();
    silent(publisher);
    // while the commit is held, both connections' event loops keep answering
    assertThat(processed(publisher, "{\"c\":\"flush\",\"cid\":\"f\",\"a\":\"processed\"}", null, "f").get("status")).isEqualTo("success");
    assertThat(processed(other, "{\"c\":\"flush\",\"cid\":\"f2\",\"a\":\"processed\"}", null, "f2").get("status")).isEqualTo("success");
    assertThat(sow(other, "orders")).containsExactly("{\"id\":1}");
    silent(publisher);

    gated.release(true);
    Received persisted = publisher.next();
    assertThat(persisted.get("a")).isEqualTo("persisted");
    assertThat(persisted.get("cid")).isEqualTo("p1");
    assertThat(persisted.get("status")).isEqualTo("success");
    assertThat(persisted.header().get("s").asLong()).isEqualTo(1);
    assertThat(persisted.rawHeader()).as("s is never the last key (§1.3)").contains("\"s\":1,");
    assertThat(store.sowRecords().load("orders")).extracting(r -> r.payload()).containsExactly("{\"id\":1}");
  }

  @Test
  void aConnectionsPersistedAcksComeInTheOrderOfItsPublishes() throws Exception {
    Store store = keep(fileStore());
    GatedSowRecords gated = new GatedSowRecords(store.sowRecords()).gate();
    AmpsHarness server = keep(new AmpsHarness(CONFIG, gated));
    RawClient c = client(server, "tcp", "publisher");

    c.send("{\"c\":\"p\",\"t\":\"orders\",\"s\":1,\"a\":\"persisted\"}", "{\"id\":1}");
    assertThat(gated.awaitWrite()).isTrue();
    // not a SOW topic: nothing is stored, but its ack waits behind the one still pending
    c.send("{\"c\":\"p\",\"t\":\"news\",\"s\":2,\"a\":\"persisted\"}", "{\"h\":1}");
    c.send("{\"c\":\"flush\",\"cid\":\"f\",\"a\":\"persisted\"}");
    silent(c);

    gated.release(true);
    assertThat(c.next().header().get("s").asLong()).isEqualTo(1);
    assertThat(c.next().header().get("s").asLong()).isEqualTo(2);
    Received flushed = c.next();
    assertThat(flushed.get("cid")).isEqualTo("f");
    assertThat(flushed.get("a")).isEqualTo("persisted");
    assertThat(flushed.get("status")).isEqualTo("success");
  }

  @Test
  void aFailedCommitGetsAFailureAckAndTheServerKeepsServing() throws Exception {
    Store store = keep(fileStore());
    GatedSowRecords failing = new GatedSowRecords(store.sowRecords());
    failing.failing(true);
    AmpsHarness server = keep(new AmpsHarness(CONFIG, failing));
    RawClient c = client(server, "tcp", "publisher");

    c.send("{\"c\":\"p\",\"cid\":\"p1\",\"t\":\"orders\",\"s\":7,\"a\":\"persisted\"}", "{\"id\":1}");
    Received failed = c.next();
    assertThat(failed.get("a")).isEqualTo("persisted");
    assertThat(failed.get("cid")).isEqualTo("p1");
    assertThat(failed.header().get("s").asLong()).isEqualTo(7);
    assertThat(failed.get("status")).isEqualTo("failure");
    assertThat(failed.get("reason")).isEqualTo(Reason.SOW_STORE_FAILED);

    failing.failing(false);
    c.send("{\"c\":\"p\",\"cid\":\"p2\",\"t\":\"orders\",\"s\":8,\"a\":\"persisted\"}", "{\"id\":2}");
    Received ok = c.next();
    assertThat(ok.get("cid")).isEqualTo("p2");
    assertThat(ok.get("status")).isEqualTo("success");
    assertThat(sow(c, "orders")).containsExactly("{\"id\":1}", "{\"id\":2}");
    assertThat(store.sowRecords().load("orders")).extracting(r -> r.payload()).containsExactly("{\"id\":2}");
  }

  @Test
  void withoutAStoreAPersistedAckIsSentAsThePublishIsHandled() throws Exception {
    AmpsHarness server = keep(new AmpsHarness(CONFIG, (switchboard.core.spi.SowRecordStore) null));
    RawClient c = client(server, "tcp", "publisher");

    c.send("{\"c\":\"p\",\"cid\":\"p1\",\"t\":\"orders\",\"s\":3,\"a\":\"processed,persisted\"}", "{\"id\":1}");
    assertThat(c.next().get("a")).isEqualTo("processed");
    Received persisted = c.next();
    assertThat(persisted.get("a")).isEqualTo("persisted");
    assertThat(persisted.get("cid")).isEqualTo("p1");
    assertThat(persisted.header().get("s").asLong()).isEqualTo(3);
    assertThat(persisted.get("status")).isEqualTo("success");
  }

  @Test
  void aStoreIsNotUsedWhenPersistenceIsOff() throws Exception {
    Store store = keep(fileStore());
    GatedSowRecords watched = new GatedSowRecords(store.sowRecords());
    AmpsConfig off = CONFIG.withPersistence(new AmpsConfig.Persistence(false, java.time.Duration.ofSeconds(1)));
    AmpsHarness server = keep(new AmpsHarness(off, watched));
    RawClient c = client(server, "tcp", "publisher");

    processed(c, "{\"c\":\"p\",\"cid\":\"p\",\"t\":\"orders\",\"a\":\"processed\"}", "{\"id\":1}", "p");
    server.dialect.close();
    assertThat(watched.batches).isEmpty();
    assertThat(store.sowRecords().load("orders")).isEmpty();
  }
}
