package switchboard.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoreRecordsTest {
  @Test
  void deviceIdsAreLettersDigitsAndDashesOnly() {
    assertThat(Device.isValidId("e50d6085-2aba-48e9-b1c3-73c673e414be")).isTrue();
    assertThat(Device.isValidId("")).isFalse();
    assertThat(Device.isValidId("a b")).isFalse();
    assertThat(Device.isValidId("a_b")).isFalse();
    assertThat(Device.isValidId(null)).isFalse();
    assertThatThrownBy(() -> new Device("a/b", "x", null, null, null, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void timesAreKeptToTheMillisecondAsDeviceHiveRendersThem() {
    Instant precise = Instant.parse("2024-05-01T10:00:00.123999Z");
    Instant millis = Instant.parse("2024-05-01T10:00:00.123Z");

    Command command = new Command(0, "on", precise, precise, null, "d", null, null, null, null,
        null, null, false);
    assertThat(command.timestamp()).isEqualTo(millis);
    assertThat(command.lastUpdated()).isEqualTo(millis);
    assertThat(new Notification(0, "n", "d", null, null, precise, null).timestamp())
        .isEqualTo(millis);
    assertThat(ReplayQuery.since(precise, 1).since()).isEqualTo(millis);
  }

  @Test
  void aReplayQueryKeepsItsOwnCopyOfTheSetsItIsGiven() {
    Set<Long> networks = new HashSet<>(Set.of(1L));
    ReplayQuery query = ReplayQuery.since(Instant.EPOCH, 5).inNetworks(networks);
    networks.add(2L);

    assertThat(query.networkIds()).containsExactly(1L);
    assertThat(query.deviceIds()).isNull();
    assertThatThrownBy(() -> ReplayQuery.since(Instant.EPOCH, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Page.of(-1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void roleAndStatusCodesAreDeviceHives() {
    assertThat(UserRole.ofCode(0)).isEqualTo(UserRole.ADMIN);
    assertThat(UserRole.CLIENT.code()).isEqualTo(1);
    assertThat(UserStatus.ofCode(2)).isEqualTo(UserStatus.DISABLED);
    assertThat(UserStatus.LOCKED_OUT.code()).isEqualTo(1);
    assertThatThrownBy(() -> UserStatus.ofCode(3)).isInstanceOf(IllegalArgumentException.class);
  }
}
