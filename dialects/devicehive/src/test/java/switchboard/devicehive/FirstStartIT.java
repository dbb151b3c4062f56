package switchboard.devicehive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import switchboard.core.Hub;
import switchboard.store.jdbc.JdbcStore;
import switchboard.store.jdbc.JdbcStoreConfig;
import switchboard.transport.TransportConfig;
import switchboard.transport.TransportStats;

/** With no secret and no admin password configured, both are generated once and kept. */
class FirstStartIT {

  @Test
  void aGeneratedSecretIsKeptInTheStoreAndSharedByTheNextStart() throws Exception {
    DevicehiveConfig config = DevicehiveConfig.forTests()
        .withJwt(new DevicehiveConfig.Jwt(null, Duration.ofMinutes(30), Duration.ofDays(180)));
    try (JdbcStore store = new JdbcStore(JdbcStoreConfig.inMemory("first-" + UUID.randomUUID()));
        DhHarness first = new DhHarness(config, store)) {
      String secret = store.config().get(DevicehiveDialect.JWT_SECRET_KEY).orElseThrow();
      assertThat(secret).hasSizeGreaterThan(40).isNotEqualTo("devicehive");
      String token;
      try (DhWsClient c = first.connect()) {
        token = c.ok("token", "login", DhHarness.ADMIN, "password", DhHarness.ADMIN_PASSWORD).get("accessToken").asText();
      }
      // a second dialect on the same store (a restart, or another node) accepts the token
      DevicehiveDialect second = new DevicehiveDialect(new Hub(), config, store, TransportConfig.forTests().outbox(), new TransportStats());
      try {
        assertThat(store.config().get(DevicehiveDialect.JWT_SECRET_KEY)).contains(secret);
      } finally {
        second.close();
      }
      try (DhHarness again = new DhHarness(config, store); DhWsClient c = again.connect()) {
        c.ok("authenticate", "token", token);
      }
    }
  }

  @Test
  void withoutAConfiguredPasswordTheAdministratorGetsAGeneratedOne() throws Exception {
    DevicehiveConfig config = DevicehiveConfig.forTests().withAdmin(new DevicehiveConfig.Admin("root", null));
    try (JdbcStore store = new JdbcStore(JdbcStoreConfig.inMemory("first-" + UUID.randomUUID()));
        DhHarness h = new DhHarness(config, store);
        DhWsClient c = h.connect()) {
      assertThat(store.users().findByLogin("root").orElseThrow().id()).isEqualTo(1);
      JsonNode r = c.call("token", "login", "root", "password", "dhadmin_#911");
      assertThat(r.get("code").asInt()).isEqualTo(401);
    }
  }
}
