package switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import switchboard.client.AmpsServer.Wire;

/**
 * seed 001 (the unsubscribe command): {@code sub_id} as one id, a comma-delimited list or {@code all};
 * {@code query_id}; both; neither (a failure); {@code received} and {@code processed} acks echoing the
 * cid. And DESIGN "unsubscribe is a barrier": after the processed ack nothing of those subscriptions
 * arrives, even with publishes in flight.
 */
class UnsubscribeIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private AmpsServer server;
  private AmpsClient sub;
  private AmpsClient pub;
  /** Messages by the subscription they were handed to. */
  private final Map<String, List<Message>> received = new ConcurrentHashMap<>();
  /** Messages the client had no subscription for: after an unsubscribe's ack, its stragglers land here. */
  private final List<Message> unrouted = new CopyOnWriteArrayList<>();
  private final List<Message> control = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    server = new AmpsServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void connect(Wire wire) {
    sub = server.connect(wire, "sub");
    pub = server.connect(wire, "pub");
    sub.onUnhandled(unrouted::add);
    sub.subscribe(Command.subscribe("control").subId("control"), control::add);
  }

  private Subscription subscribe(String subId, String topic) {
    received.put(subId, new CopyOnWriteArrayList<>());
    return sub.subscribe(Command.subscribe(topic).subId(subId), m -> received.get(m.subId()).add(m));
  }

  private int count(String subId) {
    return received.get(subId).size();
  }

  /**
   * Publishes to the topics, then a marker on the control topic, and waits for the marker: messages
   * from one publisher arrive in order, so whatever the topics produced has arrived by then.
   */
  private void publishAndSettle(String... topics) {
    for (String t : topics) {
      pub.publish(t, "{\"after\":true}");
    }
    int before = control.size();
    pub.publish("control", "{}");
    await().atMost(WAIT).until(() -> control.size() > before);
  }

  /** Nothing listing one of these subscriptions arrived after its unsubscribe was acked. */
  private void assertNothingArrivedFor(String... subIds) {
    for (Message m : unrouted) {
      assertThat(m.subId()).as("a message after the processed ack: %s", m).isNotIn((Object[]) subIds);
    }
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void oneSubscriptionById(Wire wire) {
    connect(wire);
    subscribe("a", "t1");
    subscribe("b", "t1");
    publishAndSettle("t1");
    assertThat(count("a")).isEqualTo(1);

    Ack ack = sub.unsubscribe("a").join();
    assertThat(ack.isSuccess()).isTrue();
    assertThat(ack.ackType()).isEqualTo(AckType.PROCESSED);
    assertThat(ack.subId()).isEqualTo("a");

    publishAndSettle("t1");
    assertThat(count("a")).isEqualTo(1);
    assertThat(count("b")).isEqualTo(2);
    assertThat(received.get("b").get(1).subIds()).containsExactly("b");
    assertNothingArrivedFor("a");
    assertThat(unrouted).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void aCommaDelimitedList(Wire wire) {
    connect(wire);
    subscribe("a", "t1");
    subscribe("b", "t2");
    subscribe("c", "t1");
    Ack ack = sub.unsubscribe(List.of("a", "b")).join();
    assertThat(ack.isSuccess()).isTrue();
    assertThat(ack.subId()).isEqualTo("a,b");

    publishAndSettle("t1", "t2");
    assertThat(count("a")).isZero();
    assertThat(count("b")).isZero();
    assertThat(count("c")).isEqualTo(1);
    assertThat(unrouted).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void allOfTheConnectionsSubscriptions(Wire wire) {
    connect(wire);
    subscribe("a", "t1");
    subscribe("b", "t2");
    Ack ack = sub.unsubscribeAll().join();
    assertThat(ack.isSuccess()).isTrue();
    assertThat(ack.subId()).isEqualTo("all");

    // the control subscription went too: settle through a fresh one
    sub.subscribe(Command.subscribe("control").subId("control2"), control::add);
    publishAndSettle("t1", "t2");
    assertThat(count("a")).isZero();
    assertThat(count("b")).isZero();
    assertThat(unrouted).isEmpty();
    // the ids are free again
    subscribe("a", "t1");
    publishAndSettle("t1");
    assertThat(count("a")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void aQueryId(Wire wire) {
    connect(wire);
    subscribe("a", "t1");
    Ack ack = sub.cancelQuery("q1").join();
    assertThat(ack.isSuccess()).isTrue();
    assertThat(ack.queryId()).isEqualTo("q1");
    assertThat(ack.subId()).isNull();
    // a query id names queries, not this subscription
    publishAndSettle("t1");
    assertThat(count("a")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void bothSubIdAndQueryId(Wire wire) {
    connect(wire);
    subscribe("a", "t1");
    subscribe("b", "t1");
    Ack ack = sub.unsubscribe(List.of("a"), List.of("q1", "q2")).join();
    assertThat(ack.isSuccess()).isTrue();
    assertThat(ack.subId()).isEqualTo("a");
    assertThat(ack.queryId()).isEqualTo("q1,q2");
    publishAndSettle("t1");
    assertThat(count("a")).isZero();
    assertThat(count("b")).isEqualTo(1);
    assertThat(unrouted).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void neitherIsAFailure(Wire wire) {
    connect(wire);
    subscribe("a", "t1");
    assertThat(sub.execute(Command.unsubscribe().commandId("none-named").ackTypes(AckType.PROCESSED)))
        .failsWithin(WAIT).withThrowableOfType(Exception.class).havingCause()
        .isInstanceOfSatisfying(AmpsException.class, e -> {
          assertThat(e.ack().status()).isEqualTo("failure");
          assertThat(e.ack().cid()).isEqualTo("none-named");
          assertThat(e.reasonText()).isNotBlank();
        });
    // nothing was removed, and the connection goes on
    publishAndSettle("t1");
    assertThat(count("a")).isEqualTo(1);
    // the convenience method refuses before sending
    assertThatThrownBy(() -> sub.unsubscribe(List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void receivedAndProcessedAcksEchoTheCid(Wire wire) {
    connect(wire);
    subscribe("a", "t1");
    List<Ack> acks = new CopyOnWriteArrayList<>();
    Ack last = sub.execute(Command.unsubscribe().subId("a").commandId("my-unsub").ackTypes(AckType.RECEIVED, AckType.PROCESSED), acks::add).join();
    assertThat(acks).extracting(Ack::ackType).containsExactly(AckType.RECEIVED, AckType.PROCESSED);
    assertThat(acks).extracting(Ack::cid).containsOnly("my-unsub");
    assertThat(acks).extracting(Ack::status).containsOnly("success");
    assertThat(last.ackType()).isEqualTo(AckType.PROCESSED);
    publishAndSettle("t1");
    assertThat(count("a")).isZero();
    assertThat(unrouted).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void nothingArrivesAfterTheProcessedAckWithPublishesInFlight(Wire wire) throws Exception {
    connect(wire);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add("s" + i);
      subscribe("s" + i, "busy");
    }
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger published = new AtomicInteger();
    Thread publisher = new Thread(() -> {
      // bounded and paced by flushes, so that no one becomes a slow consumer
      while (running.get() && pub.isConnected() && published.get() < 20_000) {
        pub.publish("busy", "{\"n\":" + published.incrementAndGet() + "}");
        if (published.get() % 100 == 0) {
          pub.flush().join();
        }
      }
    });
    publisher.start();
    try {
      await().atMost(WAIT).until(() -> count("s0") > 50);
      sub.unsubscribe(List.of("s0", "s1")).join();
      sub.unsubscribe("s2").join();
      sub.unsubscribe(List.of("all")).join();
      int afterAll = published.get();
      await().atMost(WAIT).until(() -> published.get() > afterAll + 200 || published.get() >= 20_000);
    } finally {
      running.set(false);
      publisher.join();
    }
    sub.subscribe(Command.subscribe("control").subId("control2"), control::add);
    publishAndSettle();
    assertNothingArrivedFor(ids.toArray(String[]::new));
    assertThat(unrouted).isEmpty();
  }
}
