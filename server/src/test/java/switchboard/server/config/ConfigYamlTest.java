package switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Config#toYaml()}: what {@code check-config --print} shows must load back unchanged. */
class ConfigYamlTest {
  @TempDir Path dir;

  @Test
  void printsKebabCaseKeysAndReadableDurations() {
    assertThat(Config.defaults().toYaml()).contains(
        "http:\n  host: 0.0.0.0\n  port: 8080\n",
        "  max-subscriptions-per-connection: 100000\n",
        "  idle-timeout: 5m\n",
        "engine:\n  io-threads: 0\n");
  }

  @Test
  void defaultsPrintAndReloadEqual() throws IOException {
    assertThat(reload(Config.defaults())).isEqualTo(Config.defaults());
  }

  @Test
  void changedValuesPrintAndReloadEqual() throws IOException {
    Config changed = ConfigLoader.load(null, List.of(
        "http.host='0123'", "http.port=0", "limits.idle-timeout=250ms", "limits.outbox-max-bytes=5000000000",
        "engine.pattern-cache-capacity=0"));
    assertThat(changed.http().host()).isEqualTo("0123");
    assertThat(reload(changed)).isEqualTo(changed);
  }

  private Config reload(Config config) throws IOException {
    return ConfigLoader.load(Files.writeString(dir.resolve("printed.yaml"), config.toYaml()), List.of());
  }
}
