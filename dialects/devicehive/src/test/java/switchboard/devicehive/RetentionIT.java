package switchboard.devicehive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Commands and notifications older than the retention are deleted; newer ones stay. */
class RetentionIT {

  @Test
  void theRetentionSweepDeletesOnlyWhatIsOlderThanTheRetention() throws Exception {
    try (DhHarness h = new DhHarness(); DhWsClient a = h.admin()) {
      a.ok("device/save", "deviceId", "kept", "device", Map.of("name", "kept"));
      long old = a.ok("notification/insert", "deviceId", "kept",
          "notification", Map.of("notification", "old", "timestamp", "2020-01-01T00:00:00.000")).get("notification").get("id").asLong();
      long fresh = a.ok("notification/insert", "deviceId", "kept",
          "notification", Map.of("notification", "fresh")).get("notification").get("id").asLong();
      long oldCommand = a.ok("command/insert", "deviceId", "kept",
          "command", Map.of("command", "old", "timestamp", "2020-01-01T00:00:00.000")).get("command").get("id").asLong();

      assertThat(h.dialect.expire()).isEqualTo(2); // forTests keeps 7 days
      assertThat(h.store.notifications().find("kept", old)).isEmpty();
      assertThat(h.store.notifications().find("kept", fresh)).isPresent();
      assertThat(h.store.commands().find("kept", oldCommand)).isEmpty();
      assertThat(h.dialect.expire()).isZero();
    }
  }
}
