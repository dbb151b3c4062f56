package switchboard.devicehive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Timestamps (§2), the shared push rendering (§3 "Push messages"), ids (§4) and the replay hold. */
class CodecTest {

  @Test
  void timestampsAreWrittenInUtcWithoutZoneAndReadLeniently() {
    Instant t = Instant.parse("2018-05-25T10:11:12.345Z");
    assertThat(Times.format(t)).isEqualTo("2018-05-25T10:11:12.345");
    assertThat(Times.parse("2018-05-25T10:11:12.345")).isEqualTo(t);
    assertThat(Times.parse("2018-05-25T12:11:12.345+02:00")).isEqualTo(t);
    assertThat(Times.parse(String.valueOf(t.toEpochMilli()))).isEqualTo(t);
    assertThatThrownBy(() -> Times.parse("yesterday")).isInstanceOf(DhException.class)
        .hasMessage("Malformed Json received.");
  }

  @Test
  void aPushIsRenderedOnceAndNamesEachSubscription() throws Exception {
    DhEvent e = DhEvent.of("notification/insert", "notification", 9, Render.object().put("id", 9));
    JsonNode a = Render.JSON.readTree(e.forSubscription(1_700_000_000_000_001L));
    assertThat(a.get("action").asText()).isEqualTo("notification/insert");
    assertThat(a.get("notification").get("id").asInt()).isEqualTo(9);
    assertThat(a.get("subscriptionId").asLong()).isEqualTo(1_700_000_000_000_001L);
    assertThat(new String(e.forSubscription(5), StandardCharsets.UTF_8))
        .isEqualTo("{\"action\":\"notification/insert\",\"notification\":{\"id\":9},\"subscriptionId\":5}");
  }

  @Test
  void subscriptionIdsRiseAndStaySafeInJavaScript() {
    SubscriptionIds ids = new SubscriptionIds();
    long a = ids.next();
    long b = ids.next();
    assertThat(b).isGreaterThan(a);
    assertThat(b).isLessThan(1L << 53);
  }

  @Test
  void heldPushesAreReleasedLessWhatTheReplayCovered() {
    DhSubscription s = new DhSubscription(1, DhSubscription.COMMAND, null, null, null, null, Instant.EPOCH);
    DhEvent one = new DhEvent(1, new byte[0]);
    DhEvent two = new DhEvent(2, new byte[0]);
    assertThat(s.hold(one)).isTrue();
    assertThat(s.hold(two)).isTrue();
    assertThat(s.release(Set.of(1L))).containsExactly(two);
    assertThat(s.hold(one)).as("live after release").isFalse();
    assertThat(new DhSubscription(2, DhSubscription.COMMAND, null, null, null, null, null).hold(one))
        .as("no timestamp, no hold").isFalse();
  }
}
