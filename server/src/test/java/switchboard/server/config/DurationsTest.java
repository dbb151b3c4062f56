package switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({"250ms, PT0.25S", "30s, PT30S", "5m, PT5M", "1h, PT1H", "10, PT10S", "0, PT0S", "' 30 s ', PT30S"})
  void parsesTheWrittenForms(String text, Duration expected) {
    assertThat(Durations.parse(text)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "s", "-1s", "1.5s", "1d", "5 minutes", "PT5M", "1234567890123s"})
  void rejectsEverythingElse(String text) {
    assertThat(Durations.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"PT0S, 0s", "PT0.25S, 250ms", "PT1.5S, 1500ms", "PT90S, 90s", "PT5M, 5m", "PT2H, 2h", "PT61M, 61m"})
  void formatsTheShortestExactForm(Duration d, String expected) {
    assertThat(Durations.format(d)).isEqualTo(expected);
    assertThat(Durations.parse(expected)).contains(d);
  }
}
