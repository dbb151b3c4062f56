package switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import switchboard.client.AmpsServer.Wire;

/** Heartbeats (protocols/amps.md §2): start,N; the server beats every N s; the client answers with beat. */
class HeartbeatIT {
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
  void theServerBeatsAndTheClientAnswerKeepsTheConnection(Wire wire) {
    AmpsClient c = server.connect(wire, "hb");
    AtomicReference<DisconnectedException> lost = new AtomicReference<>();
    c.onDisconnect((client, e) -> lost.set(e));
    Ack ack = c.heartbeat(Duration.ofSeconds(1)).join();
    assertThat(ack.ackType()).isEqualTo(AckType.RECEIVED);
    assertThat(ack.isSuccess()).isTrue();

    // several intervals pass with nothing but heartbeats and the client's answers: the server would
    // drop a client silent for two intervals, and the client a server silent for two
    await().atMost(Duration.ofSeconds(20)).until(() -> c.heartbeatsReceived() >= 4);
    assertThat(lost.get()).isNull();
    assertThat(c.isConnected()).isTrue();
    assertThat(c.flush().join().isSuccess()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void heartbeatsAskedForAtConnect(Wire wire) {
    AmpsClient c = server.connect(wire, "hb", ClientOptions.defaults().withHeartbeat(Duration.ofSeconds(1)));
    await().atMost(Duration.ofSeconds(20)).until(() -> c.heartbeatsReceived() >= 2);
    assertThat(c.heartbeat(Duration.ZERO).join().isSuccess()).isTrue();
    assertThat(c.isConnected()).isTrue();
  }
}
