package switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import switchboard.client.AmpsServer.Wire;

/** Publish and subscribe: deliveries with {@code sids}, content filters (protocols/amps.md §3.1-3.3). */
class PublishSubscribeIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private AmpsServer server;

  @BeforeEach
  void start() {
    server = new AmpsServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void aPublishReachesTheSubscriberWithItsSubId(Wire wire) {
    AmpsClient sub = server.connect(wire, "sub");
    AmpsClient pub = server.connect(wire, "pub");
    List<Message> got = new CopyOnWriteArrayList<>();
    Subscription s = sub.subscribe("orders", null, got::add);
    assertThat(s.ack().isSuccess()).isTrue();
    assertThat(s.ack().subId()).isEqualTo(s.subId());

    pub.publish("orders", "{\"id\":1,\"qty\":3}");
    await().atMost(WAIT).until(() -> got.size() == 1);
    Message m = got.get(0);
    assertThat(m.command()).isIn("p", "publish");
    assertThat(m.topic()).isEqualTo("orders");
    assertThat(m.subIds()).containsExactly(s.subId());
    assertThat(m.subId()).isEqualTo(s.subId());
    assertThat(m.bodyAsString()).isEqualTo("{\"id\":1,\"qty\":3}");
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void twoMatchingSubscriptionsOfOneConnectionGetOneMessageListingBoth(Wire wire) {
    AmpsClient sub = server.connect(wire, "sub");
    AmpsClient pub = server.connect(wire, "pub");
    List<Message> all = new CopyOnWriteArrayList<>();
    List<Message> big = new CopyOnWriteArrayList<>();
    List<Message> raw = new CopyOnWriteArrayList<>();
    Subscription a = sub.subscribe(Command.subscribe("orders").subId("all-orders"), m -> {
      all.add(m);
      raw.add(m);
    });
    Subscription b = sub.subscribe(Command.subscribe("orders").subId("big-orders").filter("/qty > 5"), m -> {
      big.add(m);
      raw.add(m);
    });

    pub.publish("orders", "{\"id\":1,\"qty\":10}");
    pub.publish("orders", "{\"id\":2,\"qty\":1}");
    await().atMost(WAIT).until(() -> all.size() == 2);
    pub.flush().join();
    sub.flush().join();
    assertThat(big).hasSize(1);
    // one wire message for id 1, listing both subscriptions; the client hands it to each
    assertThat(big.get(0).subIds()).containsExactlyInAnyOrder("all-orders", "big-orders");
    assertThat(all.get(0).subIds()).containsExactlyInAnyOrder("all-orders", "big-orders");
    assertThat(all.get(0).headers()).isSameAs(big.get(0).headers());
    assertThat(all.get(1).subIds()).containsExactly("all-orders");
    assertThat(raw).hasSize(3);
    assertThat(a.subId()).isEqualTo("all-orders");
    assertThat(b.subId()).isEqualTo("big-orders");
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void aContentFilterSelectsMessages(Wire wire) {
    AmpsClient sub = server.connect(wire, "sub");
    AmpsClient pub = server.connect(wire, "pub");
    List<Message> got = new CopyOnWriteArrayList<>();
    sub.subscribe("orders", "/qty > 5", got::add);
    for (int qty : new int[] {1, 6, 5, 100, -3, 7}) {
      pub.publish("orders", "{\"qty\":" + qty + "}");
    }
    pub.publish("orders", "{\"other\":1}");
    pub.flush().join();
    await().atMost(WAIT).until(() -> got.size() >= 3);
    sub.flush().join();
    assertThat(got).extracting(Message::bodyAsString)
        .containsExactly("{\"qty\":6}", "{\"qty\":100}", "{\"qty\":7}");
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void aPublishAskingForProcessedIsAckedWithItsCid(Wire wire) {
    AmpsClient pub = server.connect(wire, "pub");
    Ack ack = pub.publish("orders", "{}", AckType.PROCESSED).join();
    assertThat(ack.isSuccess()).isTrue();
    assertThat(ack.cid()).startsWith("auto");
    assertThat(ack.command()).isEqualTo("p");
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void aStreamDeliversInPublishOrder(Wire wire) throws Exception {
    AmpsClient sub = server.connect(wire, "sub");
    AmpsClient pub = server.connect(wire, "pub");
    try (MessageStream stream = sub.subscribeStream("ticks", null)) {
      for (int i = 0; i < 200; i++) {
        pub.publish("ticks", "{\"n\":" + i + "}");
      }
      for (int i = 0; i < 200; i++) {
        Message m = stream.next(WAIT);
        assertThat(m).as("message %d", i).isNotNull();
        assertThat(m.bodyAsString()).isEqualTo("{\"n\":" + i + "}");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void sowAndSubscribeOnATopicWithoutSowIsAnEmptyQueryThenLive(Wire wire) {
    // §3.4: sow_and_subscribe on a non-SOW topic returns an empty group_begin/group_end
    AmpsClient sub = server.connect(wire, "sub");
    AmpsClient pub = server.connect(wire, "pub");
    List<Message> got = new CopyOnWriteArrayList<>();
    Subscription s = sub.sowAndSubscribe("live", null, got::add);
    assertThat(s.queryId()).isEqualTo(s.subId());
    await().atMost(WAIT).until(() -> got.size() >= 2);
    assertThat(got).extracting(Message::command).startsWith("group_begin", "group_end");
    assertThat(got.get(0).queryId()).isEqualTo(s.queryId());
    pub.publish("live", "{\"x\":1}");
    await().atMost(WAIT).until(() -> got.size() == 3);
    assertThat(got.get(2).subIds()).containsExactly(s.subId());
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void aSowOnATopicWithoutSowFailsWithInvalidTopic(Wire wire) {
    // §3.4: a sow on a non-SOW topic is an error (invalid topic)
    AmpsClient c = server.connect(wire, "c");
    assertThat(c.sow("plain", null)).failsWithin(WAIT).withThrowableOfType(Exception.class)
        .havingCause().isInstanceOfSatisfying(AmpsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_TOPIC));
  }
}
