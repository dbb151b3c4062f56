package switchboard.devicehive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The times the dialect tells clients and records come from its clock, not the machine's. */
class ClockWireIT {
  private static final Instant AT = Instant.parse("2031-05-06T07:08:09.123Z");
  private static final String SHOWN = "2031-05-06T07:08:09.123";

  @Test
  void serverInfoAndLoginsTellTheDialectsTime() throws Exception {
    try (DhHarness h = new DhHarness(DevicehiveConfig.forTests(), Clock.fixed(AT, ZoneOffset.UTC));
        DhWsClient c = h.admin()) {
      assertThat(c.ok("server/info").get("info").get("serverTimestamp").asText()).isEqualTo(SHOWN);
      assertThat(c.ok("server/cacheInfo").get("cacheInfo").get("serverTimestamp").asText()).isEqualTo(SHOWN);
      assertThat(h.rest().get("/info").body().get("serverTimestamp").asText()).isEqualTo(SHOWN);
      assertThat(h.store.users().findByLogin(DhHarness.ADMIN).orElseThrow().lastLogin()).isEqualTo(AT);
    }
  }
}
