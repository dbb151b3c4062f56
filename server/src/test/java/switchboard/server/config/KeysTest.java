package switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeysTest {
  @ParameterizedTest
  @CsvSource({
      "port, port", "maxFrameBytes, max-frame-bytes", "ioThreads, io-threads", "webSocketPath, web-socket-path",
      "httpURLPath, http-url-path", "ipv6Host, ipv6-host", "SLOW_CONSUMER, slow-consumer", "TCP, tcp"})
  void kebabCase(String javaName, String key) {
    assertThat(Keys.kebab(javaName)).isEqualTo(key);
  }

  @Test
  void suggestsACloseKeyOnly() {
    List<String> known = List.of("max-connections", "max-frame-bytes", "idle-timeout");
    assertThat(Keys.suggest("max-conections", known)).contains("max-connections");
    assertThat(Keys.suggest("idle_timeout", known)).contains("idle-timeout");
    assertThat(Keys.suggest("colour", known)).isEmpty();
  }
}
