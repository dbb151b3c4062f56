package switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AmpsUriTest {

  @Test
  void parsesTcpWithCredentials() {
    AmpsUri u = AmpsUri.parse("tcp://user1:p%40ss@127.0.0.1:9007/amps/json");
    assertThat(u.webSocket()).isFalse();
    assertThat(u.host()).isEqualTo("127.0.0.1");
    assertThat(u.port()).isEqualTo(9007);
    assertThat(u.user()).isEqualTo("user1");
    assertThat(u.password()).isEqualTo("p@ss");
    assertThat(u.toString()).doesNotContain("ss").isEqualTo("tcp://user1@127.0.0.1:9007/amps/json");
  }

  @Test
  void parsesWebSocketAndDropsCredentialsFromTheUpgradeAddress() {
    AmpsUri u = AmpsUri.parse("ws://me:pw@localhost:8080/amps/json");
    assertThat(u.webSocket()).isTrue();
    assertThat(u.webSocketUri().toString()).isEqualTo("ws://localhost:8080/amps/json");
  }

  @Test
  void defaultsThePort() {
    assertThat(AmpsUri.parse("tcp://h/amps/json").port()).isEqualTo(9007);
    assertThat(AmpsUri.parse("wss://h/x/amps/json").port()).isEqualTo(443);
  }

  @Test
  void rejectsWhatItCannotSpeak() {
    assertThatThrownBy(() -> AmpsUri.parse("http://h:1/amps/json")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AmpsUri.parse("tcp://h:1/json")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AmpsUri.parse("tcp://h:1/amps/fix")).hasMessageContaining("json");
  }
}
