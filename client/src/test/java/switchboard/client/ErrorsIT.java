package switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import switchboard.client.AmpsServer.Wire;

/** Failure acks with the exact reasons (protocols/amps.md §3.3, §3.7, §4). */
class ErrorsIT {
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
  void aReusedSubIdWithoutReplaceIsSubidInUse(Wire wire) {
    AmpsClient c = server.connect(wire, "c");
    AmpsClient pub = server.connect(wire, "pub");
    List<Message> first = new CopyOnWriteArrayList<>();
    List<Message> second = new CopyOnWriteArrayList<>();
    c.subscribe(Command.subscribe("orders").subId("dup"), first::add);
    assertThatThrownBy(() -> c.subscribe(Command.subscribe("orders").subId("dup").filter("/qty > 5"), second::add))
        .isInstanceOfSatisfying(AmpsException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.SUBID_IN_USE);
          assertThat(e.reasonText()).isEqualTo("subid in use");
          assertThat(e.ack().status()).isEqualTo("failure");
        });
    // the first subscription is untouched: it has no filter, and the refused one would have dropped qty 1
    pub.publish("orders", "{\"qty\":1}");
    await().atMost(WAIT).until(() -> first.size() == 1);
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void replaceSwapsTheFilterOfASubId(Wire wire) {
    AmpsClient c = server.connect(wire, "c");
    AmpsClient pub = server.connect(wire, "pub");
    List<Message> first = new CopyOnWriteArrayList<>();
    List<Message> second = new CopyOnWriteArrayList<>();
    c.subscribe(Command.subscribe("orders").subId("r"), first::add);
    c.subscribe(Command.subscribe("orders").subId("r").filter("/qty > 5").options("replace"), second::add);
    pub.publish("orders", "{\"qty\":1}");
    pub.publish("orders", "{\"qty\":9}");
    await().atMost(WAIT).until(() -> second.size() == 1);
    pub.flush().join();
    c.flush().join();
    assertThat(first).isEmpty();
    assertThat(second).extracting(Message::bodyAsString).containsExactly("{\"qty\":9}");
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void aFilterThatDoesNotParseIsBadFilter(Wire wire) {
    AmpsClient c = server.connect(wire, "c");
    for (String filter : new String[] {"/qty >", "((/a = 1)", "/a = 'unterminated"}) {
      assertThatThrownBy(() -> c.subscribe("orders", filter, m -> { }))
          .as(filter)
          .isInstanceOfSatisfying(AmpsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_FILTER));
    }
    // the connection is fine afterwards
    assertThat(c.flush().join().isSuccess()).isTrue();
    assertThat(c.subscribe("orders", "/qty > 5", m -> { }).ack().isSuccess()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void anUnknownCommandIsAFailureAndTheConnectionGoesOn(Wire wire) {
    AmpsClient c = server.connect(wire, "c");
    assertThat(c.execute(Command.of("no_such_command").ackTypes(AckType.PROCESSED)))
        .failsWithin(WAIT).withThrowableOfType(Exception.class).havingCause()
        .isInstanceOfSatisfying(AmpsException.class, e -> assertThat(e.ack().status()).isEqualTo("failure"));
    assertThat(c.flush().join().isSuccess()).isTrue();
  }
}
