package switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import switchboard.amps.AmpsConfig;
import switchboard.client.AmpsServer.Wire;

/** Logon (protocols/amps.md §2, §7 item 3). */
class LogonIT {
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
  void theLogonAckCarriesWhatClientsNeed(Wire wire) {
    AmpsClient client = server.connect(wire, "logon-" + wire);
    Ack ack = client.logonAck();
    assertThat(ack.command()).isEqualTo("logon");
    assertThat(ack.ackType()).isEqualTo(AckType.PROCESSED);
    assertThat(ack.status()).isEqualTo("success");
    assertThat(ack.cid()).isEqualTo("auto1");
    // JS needs four numeric parts (§2)
    assertThat(ack.version()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    // Java needs a '|' in bm (§2)
    assertThat(ack.bookmark()).contains("|");
    assertThat(ack.clientName()).isEqualTo("logon-" + wire);
    assertThat(client.isConnected()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void credentialsAreChecked(Wire wire) {
    try (AmpsServer secured = new AmpsServer(AmpsConfig.forTests().withLogon(Map.of("alice", "s3cret"), false))) {
      String uri = secured.uri(wire);
      assertThatThrownBy(() -> AmpsClient.connect(uri, "intruder", ClientOptions.defaults().withUser("alice").withPassword("wrong")))
          .isInstanceOfSatisfying(AmpsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.AUTH_FAILURE));
      try (AmpsClient ok = AmpsClient.connect(uri.replace("://", "://alice:s3cret@"), "alice")) {
        assertThat(ok.logonAck().isSuccess()).isTrue();
        assertThat(ok.flush().join().isSuccess()).isTrue();
      }
    }
  }
}
