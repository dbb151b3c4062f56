package switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a scripted fake server on TCP: what it sends, and how it routes exactly the frames
 * the protocol notes describe. Independent of the real dialect.
 */
class ScriptedServerIT {
  private FakeAmpsServer server;
  private AmpsClient client;

  @BeforeEach
  void start() throws Exception {
    server = new FakeAmpsServer();
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    server.close();
  }

  private AmpsClient connect(ClientOptions options) throws Exception {
    CompletableFuture<AmpsClient> connecting = CompletableFuture.supplyAsync(() -> AmpsClient.connect(server.uri(), "scripted", options));
    server.acceptLogon();
    client = connecting.get(10, TimeUnit.SECONDS);
    return client;
  }

  @Test
  void logsOnAsTheNotesSayClientsDo() throws Exception {
    CompletableFuture<AmpsClient> connecting = CompletableFuture.supplyAsync(
        () -> AmpsClient.connect("tcp://bob:secret@127.0.0.1:" + server.uri().split(":")[2], "scripted"));
    server.accept();
    Message logon = server.next();
    assertThat(logon.command()).isEqualTo("logon");
    assertThat(logon.header("cid")).isEqualTo("auto1");
    assertThat(logon.header("a")).isEqualTo("processed");
    assertThat(logon.header("client_name")).isEqualTo("scripted");
    assertThat(logon.header("user_id")).isEqualTo("bob");
    assertThat(logon.header("pw")).isEqualTo("secret");
    assertThat(logon.header("version")).isEqualTo(AmpsClient.VERSION);
    server.send("{\"c\":\"ack\",\"a\":\"processed\",\"cid\":\"auto1\",\"status\":\"success\",\"version\":\"5.3.4.0\",\"bm\":\"9|0|\",\"client_name\":\"scripted\"}");
    client = connecting.get(10, TimeUnit.SECONDS);
    assertThat(client.logonAck().version()).isEqualTo("5.3.4.0");
    assertThat(client.logonAck().bookmark()).isEqualTo("9|0|");
  }

  @Test
  void aFailedLogonThrowsItsReason() throws Exception {
    CompletableFuture<AmpsClient> connecting = CompletableFuture.supplyAsync(() -> AmpsClient.connect(server.uri(), "scripted"));
    server.accept();
    Message logon = server.next();
    server.send("{\"c\":\"ack\",\"a\":\"processed\",\"cid\":\"" + logon.header("cid") + "\",\"status\":\"failure\",\"reason\":\"auth failure\"}");
    assertThat(connecting).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(Exception.class)
        .havingCause().isInstanceOf(AmpsException.class)
        .satisfies(e -> assertThat(((AmpsException) e).reason()).isEqualTo(Reason.AUTH_FAILURE));
  }

  @Test
  void routesOneDeliveryToEverySubscriptionInSids() throws Exception {
    connect(ClientOptions.defaults());
    List<Message> first = new CopyOnWriteArrayList<>();
    List<Message> second = new CopyOnWriteArrayList<>();
    List<Message> unhandled = new CopyOnWriteArrayList<>();
    client.onUnhandled(unhandled::add);

    CompletableFuture<Subscription> s1 = client.subscribeAsync(Command.subscribe("orders").filter("/qty > 5"), first::add);
    Message sub = server.next();
    assertThat(sub.command()).isEqualTo("subscribe");
    assertThat(sub.header("cid")).isEqualTo("auto2");
    assertThat(sub.header("sub_id")).isEqualTo("auto2");
    assertThat(sub.header("filter")).isEqualTo("/qty > 5");
    assertThat(sub.header("a")).isEqualTo("processed");
    server.send("{\"c\":\"ack\",\"a\":\"processed\",\"cid\":\"auto2\",\"sub_id\":\"auto2\",\"status\":\"success\"}");
    assertThat(s1.get(5, TimeUnit.SECONDS).subId()).isEqualTo("auto2");

    CompletableFuture<Subscription> s2 = client.subscribeAsync(Command.subscribe("orders").subId("mine"), second::add);
    Message sub2 = server.next();
    assertThat(sub2.header("sub_id")).isEqualTo("mine");
    server.send("{\"c\":\"ack\",\"a\":\"processed\",\"cid\":\"" + sub2.header("cid") + "\",\"sub_id\":\"mine\",\"status\":\"success\"}");
    s2.get(5, TimeUnit.SECONDS);

    server.send("{\"c\":\"p\",\"s\":1,\"t\":\"orders\",\"sids\":\"auto2,mine\"}{\"qty\":9}");
    server.send("{\"c\":\"publish\",\"t\":\"orders\",\"sids\":\"mine\"}{\"qty\":1}");
    server.send("{\"c\":\"p\",\"t\":\"orders\",\"sids\":\"nobody\"}{}");
    await().atMost(Duration.ofSeconds(5)).until(() -> unhandled.size() == 1);
    assertThat(first).singleElement().satisfies(m -> {
      assertThat(m.subId()).isEqualTo("auto2");
      assertThat(m.subIds()).containsExactly("auto2", "mine");
      assertThat(m.bodyAsString()).isEqualTo("{\"qty\":9}");
      assertThat(m.sequence()).hasValue(1);
    });
    assertThat(second).extracting(Message::bodyAsString).containsExactly("{\"qty\":9}", "{\"qty\":1}");
    assertThat(second).extracting(Message::subId).containsOnly("mine");
  }

  @Test
  void collectsASowQueryFromItsBatches() throws Exception {
    connect(ClientOptions.defaults());
    CompletableFuture<SowResult> result = client.sow(Command.sow("orders").filter("/id > 0").ackTypes(AckType.STATS));
    Message sow = server.next();
    String q = sow.header("query_id");
    assertThat(q).isEqualTo(sow.header("cid"));
    assertThat(sow.header("a")).isEqualTo("processed,completed,stats");
    assertThat(sow.header("bs")).isEqualTo("10");
    server.send("{\"c\":\"ack\",\"a\":\"processed\",\"cid\":\"" + q + "\",\"query_id\":\"" + q + "\",\"status\":\"success\"}");
    server.send("{\"c\":\"group_begin\",\"query_id\":\"" + q + "\"}");
    server.send("{\"c\":\"sow\",\"t\":\"orders\",\"query_id\":\"" + q + "\",\"bs\":2}{\"k\":\"1\",\"l\":8}{\"id\":1}{\"k\":\"2\",\"l\":8}{\"id\":2}");
    server.send("{\"c\":\"group_end\",\"query_id\":\"" + q + "\"}");
    server.send("{\"c\":\"ack\",\"a\":\"completed\",\"cid\":\"" + q + "\",\"status\":\"success\"}");
    assertThat(result).isNotDone();
    server.send("{\"c\":\"ack\",\"a\":\"stats\",\"cid\":\"" + q + "\",\"status\":\"success\",\"records_returned\":2,\"topic_matches\":5,\"matches\":2}");
    SowResult r = result.get(5, TimeUnit.SECONDS);
    assertThat(r.records()).extracting(Message::sowKey).containsExactly("1", "2");
    assertThat(r.records()).extracting(Message::bodyAsString).containsExactly("{\"id\":1}", "{\"id\":2}");
    assertThat(r.stats()).get().satisfies(s -> {
      assertThat(s.recordsReturned()).hasValue(2);
      assertThat(s.topicMatches()).hasValue(5);
      assertThat(s.matches()).hasValue(2);
    });
  }

  @Test
  void aSowStreamEndsAtGroupEnd() throws Exception {
    connect(ClientOptions.defaults());
    MessageStream stream = client.sowStream("orders", null);
    Message sow = server.next();
    String q = sow.header("query_id");
    server.send("{\"c\":\"ack\",\"a\":\"processed\",\"cid\":\"" + q + "\",\"status\":\"success\"}");
    server.send("{\"c\":\"group_begin\",\"query_id\":\"" + q + "\"}");
    server.send("{\"c\":\"sow\",\"query_id\":\"" + q + "\",\"bs\":1}{\"k\":\"7\",\"l\":2}{}");
    server.send("{\"c\":\"group_end\",\"query_id\":\"" + q + "\"}");
    assertThat(stream.next(Duration.ofSeconds(5)).command()).isEqualTo("group_begin");
    assertThat(stream.next(Duration.ofSeconds(5)).sowKey()).isEqualTo("7");
    assertThat(stream.next(Duration.ofSeconds(5)).command()).isEqualTo("group_end");
    assertThat(stream.next(Duration.ofSeconds(1))).isNull();
    assertThat(stream.isComplete()).isTrue();
  }

  @Test
  void aFailureAckFailsTheSubscribeWithItsReason() throws Exception {
    connect(ClientOptions.defaults());
    CompletableFuture<Subscription> s = client.subscribeAsync(Command.subscribe("orders").filter("/qty >"), m -> { });
    Message sub = server.next();
    server.send("{\"c\":\"ack\",\"a\":\"processed\",\"cid\":\"" + sub.header("cid") + "\",\"status\":\"failure\",\"reason\":\"bad filter\"}");
    assertThat(s).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(Exception.class)
        .havingCause().isInstanceOf(AmpsException.class).withMessageContaining("bad filter");
  }

  @Test
  void losingTheConnectionFailsPendingCommandsAndTellsTheHandler() throws Exception {
    connect(ClientOptions.defaults());
    AtomicReference<DisconnectedException> told = new AtomicReference<>();
    client.onDisconnect((c, e) -> told.set(e));
    CompletableFuture<MessageStream> subscribing = CompletableFuture.supplyAsync(() -> client.subscribeStream(Command.subscribe("x").subId("s")));
    Message sub = server.next();
    server.send("{\"c\":\"ack\",\"a\":\"processed\",\"cid\":\"" + sub.header("cid") + "\",\"status\":\"success\"}");
    MessageStream stream = subscribing.get(5, TimeUnit.SECONDS);
    CompletableFuture<Ack> flush = client.flush();
    server.next(); // flush
    server.drop();
    assertThat(flush).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(Exception.class)
        .havingCause().isInstanceOf(DisconnectedException.class);
    await().atMost(Duration.ofSeconds(5)).until(() -> told.get() != null);
    assertThat(client.isConnected()).isFalse();
    assertThatThrownBy(() -> stream.next(Duration.ofSeconds(1))).isInstanceOf(DisconnectedException.class);
    assertThatThrownBy(() -> client.publish("x", "y")).isInstanceOf(DisconnectedException.class);
  }

  @Test
  void answersServerHeartbeatsAndDropsASilentServer() throws Exception {
    connect(ClientOptions.defaults());
    AtomicReference<DisconnectedException> told = new AtomicReference<>();
    client.onDisconnect((c, e) -> told.set(e));
    CompletableFuture<Ack> started = client.heartbeat(Duration.ofSeconds(1));
    Message start = server.next();
    assertThat(start.command()).isEqualTo("heartbeat");
    assertThat(start.header("o")).isEqualTo("start,1");
    assertThat(start.header("a")).isEqualTo("received");
    server.send("{\"c\":\"ack\",\"a\":\"received\",\"cid\":\"" + start.header("cid") + "\",\"status\":\"success\"}");
    started.get(5, TimeUnit.SECONDS);
    server.send("{\"c\":\"heartbeat\"}");
    Message beat = server.next();
    assertThat(beat.command()).isEqualTo("heartbeat");
    assertThat(beat.header("o")).isEqualTo("beat");
    // now the server says nothing at all
    await().atMost(Duration.ofSeconds(10)).until(() -> told.get() != null);
    assertThat(told.get()).hasMessageContaining("heartbeat");
  }

  @Test
  void aBlockingCallFromAHandlerIsRefused() throws Exception {
    connect(ClientOptions.defaults());
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    CompletableFuture<Subscription> s = client.subscribeAsync(Command.subscribe("t").subId("h"), m -> {
      try {
        client.subscribe("other", null, x -> { });
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    server.next();
    server.send("{\"c\":\"ack\",\"a\":\"processed\",\"cid\":\"auto2\",\"status\":\"success\"}");
    s.get(5, TimeUnit.SECONDS);
    server.send("{\"c\":\"p\",\"t\":\"t\",\"sids\":\"h\"}x");
    await().atMost(Duration.ofSeconds(5)).until(() -> thrown.get() != null);
    assertThat(thrown.get()).isInstanceOf(IllegalStateException.class);
  }
}
