package switchboard.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import switchboard.core.spi.Command;
import switchboard.core.spi.CommandQuery;
import switchboard.core.spi.Device;
import switchboard.core.spi.Network;
import switchboard.core.spi.SowWrite;
import switchboard.core.spi.Store;
import switchboard.core.spi.StoredSowRecord;
import switchboard.core.spi.User;
import switchboard.core.spi.UserRole;

/** The embedded default: an H2 file database that outlives the server that wrote it. */
class H2FileStoreTest {
  @TempDir Path dir;

  @Test
  void whatWasWrittenIsThereAfterARestart() {
    JdbcStoreConfig config = JdbcStoreConfig.embedded(dir.resolve("data"));
    TestClock clock = new TestClock(Instant.parse("2024-05-01T10:00:00Z"));
    User admin;
    Network network;
    Device device;
    Command command;
    try (Store store = new JdbcStore(config, clock)) {
      admin = store.users().create(User.newUser("dhadmin", "hash", "salt", UserRole.ADMIN));
      network = store.networks().create("VirtualLed Sample Network", null);
      device = new Device("e50d6085-2aba-48e9-b1c3-73c673e414be", "led", "{}", network.id(), null,
          false);
      store.devices().put(device);
      store.users().addNetwork(admin.id(), network.id());
      command = store.commands().insert(Command.newCommand(device, "on", admin.id(), null, null));
      store.config().put("jwt.secret", "kept");
    }
    assertThat(Files.exists(dir.resolve("data").resolve("switchboard.mv.db"))).isTrue();

    try (Store store = new JdbcStore(config, clock)) {
      assertThat(store.users().find(1)).contains(admin);
      assertThat(store.users().networks(admin.id())).containsExactly(network);
      assertThat(store.devices().find(device.id())).contains(device);
      assertThat(store.commands().list(CommandQuery.forDevice(device.id())))
          .containsExactly(command);
      assertThat(store.config().get("jwt.secret")).contains("kept");

      Command next = store.commands().insert(Command.newCommand(device, "off", 1L, null, null));
      assertThat(next.id()).isGreaterThan(command.id());
      assertThat(store.users().create(User.newUser("second", "h", "s", UserRole.CLIENT)).id())
          .isEqualTo(2);
    }
  }

  @Test
  void sowRecordsAreThereAfterARestart() {
    JdbcStoreConfig config = JdbcStoreConfig.embedded(dir.resolve("data"));
    StoredSowRecord kept = new StoredSowRecord("orders", "2", "{\"id\":2}",
        Instant.parse("2024-05-01T10:00:01Z"));
    try (Store store = new JdbcStore(config)) {
      store.sowRecords().write(List.of(
          SowWrite.put(new StoredSowRecord("orders", "1", "{\"id\":1}",
              Instant.parse("2024-05-01T10:00:00Z"))),
          SowWrite.put(kept)));
      store.sowRecords().write(List.of(SowWrite.delete("orders", "1")));
    }

    try (Store store = new JdbcStore(config)) {
      assertThat(store.sowRecords().load("orders")).containsExactly(kept);
    }
  }
}
