package switchboard.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import switchboard.core.spi.Command;
import switchboard.core.spi.CommandQuery;
import switchboard.core.spi.Device;
import switchboard.core.spi.Notification;
import switchboard.core.spi.NotificationQuery;
import switchboard.core.spi.Page;
import switchboard.core.spi.ReplayQuery;

/**
 * What every {@link switchboard.core.spi.Store} must do with commands and notifications: ids, times,
 * updates, lists, the replay a subscription with a timestamp asks for (DeviceHive §4), retention.
 */
abstract class MessageContract extends StoreFixture {
  /** Two to the 53rd: the first integer JavaScript cannot tell from its neighbour. */
  private static final long JS_SAFE_LIMIT = 1L << 53;

  protected long net1;
  protected long net2;
  protected long type1;
  protected Device lamp;
  protected Device fan;
  protected Device heater;

  @BeforeEach
  void devices() {
    net1 = store.networks().create("n1", null).id();
    net2 = store.networks().create("n2", null).id();
    type1 = store.deviceTypes().create("t1", null).id();
    long type2 = store.deviceTypes().create("t2", null).id();
    lamp = new Device("lamp", "lamp", null, net1, type1, false);
    fan = new Device("fan", "fan", null, net1, type2, false);
    heater = new Device("heater", "heater", null, net2, type1, false);
    for (Device d : List.of(lamp, fan, heater)) {
      store.devices().put(d);
    }
  }

  private Command command(Device device, String name, Instant at) {
    return store.commands().insert(Command.newCommand(device, name, 1L, "{\"v\":1}", 30)
        .withTimestamp(at));
  }

  private Notification notification(Device device, String name, Instant at) {
    return store.notifications().insert(Notification.newNotification(device, name, "{\"t\":20}")
        .withTimestamp(at));
  }

  private static Instant at(long millisAfterStart) {
    return START.plusMillis(millisAfterStart);
  }

  private static List<Long> commandIds(List<Command> commands) {
    return commands.stream().map(Command::id).toList();
  }

  private static List<Long> notificationIds(List<Notification> notifications) {
    return notifications.stream().map(Notification::id).toList();
  }

  // --- commands ---

  @Test
  void insertedCommandsGetUniquePositiveIdsAndTheStoresTime() {
    Set<Long> ids = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      Command c = store.commands().insert(Command.newCommand(lamp, "on", 7L, null, null));
      assertThat(c.id()).isPositive().isLessThan(JS_SAFE_LIMIT);
      ids.add(c.id());
    }
    assertThat(ids).hasSize(20);

    Command stored = store.commands().insert(Command.newCommand(lamp, "on", 7L, "{\"b\":2}", 60));
    assertThat(stored.timestamp()).isEqualTo(START);
    assertThat(stored.lastUpdated()).isEqualTo(START);
    assertThat(stored.networkId()).isEqualTo(net1);
    assertThat(stored.deviceTypeId()).isEqualTo(type1);
    assertThat(store.commands().find("lamp", stored.id())).contains(stored);
  }

  @Test
  void aCommandsGivenTimeIsKeptToTheMillisecond() {
    Instant given = Instant.parse("2024-04-30T08:00:00.123987Z");
    Command stored = store.commands().insert(Command.newCommand(lamp, "on", null, null, null)
        .withTimestamp(given).withOutcome("pending", "{\"r\":0}"));

    Command read = store.commands().find("lamp", stored.id()).orElseThrow();
    assertThat(read.timestamp()).isEqualTo(Instant.parse("2024-04-30T08:00:00.123Z"));
    assertThat(read.lastUpdated()).isEqualTo(read.timestamp());
    assertThat(read.status()).isEqualTo("pending");
    assertThat(read.result()).isEqualTo("{\"r\":0}");
    assertThat(read.userId()).isNull();
    assertThat(read.isUpdated()).isFalse();
  }

  @Test
  void anUpdateSetsStatusResultAndLastUpdatedAndKeepsWhatIsNotGiven() {
    Command sent = command(lamp, "on", START);
    Instant later = clock.advance(Duration.ofSeconds(5));

    Command done = store.commands().update("lamp", sent.id(), "done", "{\"ok\":true}").orElseThrow();
    assertThat(done.status()).isEqualTo("done");
    assertThat(done.result()).isEqualTo("{\"ok\":true}");
    assertThat(done.isUpdated()).isTrue();
    assertThat(done.lastUpdated()).isEqualTo(later);
    assertThat(done.timestamp()).isEqualTo(START);
    assertThat(done.parameters()).isEqualTo(sent.parameters());

    clock.advance(Duration.ofSeconds(1));
    Command again = store.commands().update("lamp", sent.id(), "checked", null).orElseThrow();
    assertThat(again.status()).isEqualTo("checked");
    assertThat(again.result()).isEqualTo("{\"ok\":true}");
    Command third = store.commands().update("lamp", sent.id(), null, "{\"n\":3}").orElseThrow();
    assertThat(third.status()).isEqualTo("checked");
    assertThat(third.result()).isEqualTo("{\"n\":3}");
    assertThat(store.commands().find("lamp", sent.id())).contains(third);
  }

  @Test
  void aCommandIsOnlyFoundOrUpdatedThroughItsOwnDevice() {
    Command sent = command(lamp, "on", START);

    assertThat(store.commands().find("fan", sent.id())).isEmpty();
    assertThat(store.commands().update("fan", sent.id(), "done", null)).isEmpty();
    assertThat(store.commands().update("lamp", sent.id() + 1000, "done", null)).isEmpty();
    assertThat(store.commands().find("lamp", sent.id()).orElseThrow().isUpdated()).isFalse();
  }

  @Test
  void commandsAreListedByNameTimeStatusAndPage() {
    Command on = command(lamp, "on", at(0));
    Command off = command(lamp, "off", at(10));
    Command blink = command(lamp, "blink", at(20));
    Command fanOn = command(fan, "on", at(5));
    store.commands().update("lamp", off.id(), "done", null);
    Command offDone = store.commands().find("lamp", off.id()).orElseThrow();

    assertThat(store.commands().list(CommandQuery.forDevice("lamp")))
        .containsExactly(on, offDone, blink);
    assertThat(store.commands().list(CommandQuery.forDevice("lamp").withNames(Set.of("on", "blink"))))
        .containsExactly(on, blink);
    assertThat(store.commands().list(CommandQuery.forDevice("lamp").between(at(10), at(20))))
        .containsExactly(offDone, blink);
    assertThat(store.commands().list(CommandQuery.forDevice("lamp").withStatus("done")))
        .containsExactly(offDone);
    assertThat(store.commands().list(CommandQuery.forDevice("lamp")
        .sortedBy(CommandQuery.Sort.COMMAND, false))).containsExactly(blink, offDone, on);
    assertThat(store.commands().list(CommandQuery.forDevice("lamp")
        .sortedBy(CommandQuery.Sort.TIMESTAMP, true).withPage(Page.of(1, 1))))
        .containsExactly(offDone);
    assertThat(store.commands().list(CommandQuery.forDevice(null).withNames(Set.of("on"))))
        .containsExactly(on, fanOn);
  }

  // --- notifications ---

  @Test
  void notificationsAreStoredFoundAndListed() {
    Notification defaulted = store.notifications()
        .insert(Notification.newNotification(lamp, "temperature", null));
    Notification early = notification(lamp, "humidity", at(-1000));
    Notification other = notification(fan, "temperature", at(5));

    assertThat(defaulted.id()).isPositive().isLessThan(JS_SAFE_LIMIT).isNotEqualTo(early.id());
    assertThat(defaulted.timestamp()).isEqualTo(START);
    assertThat(defaulted.networkId()).isEqualTo(net1);
    assertThat(store.notifications().find("lamp", defaulted.id())).contains(defaulted);
    assertThat(store.notifications().find("fan", defaulted.id())).isEmpty();

    assertThat(store.notifications().list(NotificationQuery.forDevice("lamp")))
        .containsExactly(early, defaulted);
    assertThat(store.notifications().list(NotificationQuery.forDevice(null)
        .withNames(Set.of("temperature")).sortedBy(NotificationQuery.Sort.TIMESTAMP, true)))
        .containsExactly(other, defaulted);
    assertThat(store.notifications().list(NotificationQuery.forDevice("lamp")
        .between(at(0), at(0)))).containsExactly(defaulted);
    assertThat(store.notifications().list(NotificationQuery.forDevice("lamp")
        .withPage(Page.of(1, 0)))).containsExactly(early);
  }

  // --- replay ---

  @Test
  void replayReturnsOnlyNewerItemsOldestFirstWithinTheLimit() {
    Command atSince = command(lamp, "a", at(100));
    Command third = command(lamp, "c", at(102));
    Command first = command(lamp, "b", at(101));
    Command second = command(lamp, "b", at(101));
    Command before = command(lamp, "z", at(99));

    List<Command> all = store.commands().replay(ReplayQuery.since(at(100), 20));
    assertThat(commandIds(all)).containsExactly(first.id(), second.id(), third.id());
    assertThat(all).doesNotContain(atSince, before);

    assertThat(store.commands().replay(ReplayQuery.since(at(100), 2)))
        .containsExactly(first, second);
    assertThat(store.commands().replay(ReplayQuery.since(at(102), 20))).isEmpty();
  }

  @Test
  void replayIsNarrowedByDeviceNetworkTypeAndName() {
    Command lampOn = command(lamp, "on", at(1));
    Command fanOn = command(fan, "on", at(2));
    Command heaterOn = command(heater, "on", at(3));
    Command lampOff = command(lamp, "off", at(4));
    ReplayQuery since = ReplayQuery.since(START, 100);

    assertThat(store.commands().replay(since.forDevice("lamp"))).containsExactly(lampOn, lampOff);
    assertThat(store.commands().replay(since.forDevices(Set.of("fan", "heater"))))
        .containsExactly(fanOn, heaterOn);
    assertThat(store.commands().replay(since.inNetworks(Set.of(net1))))
        .containsExactly(lampOn, fanOn, lampOff);
    assertThat(store.commands().replay(since.ofDeviceTypes(Set.of(type1))))
        .containsExactly(lampOn, heaterOn, lampOff);
    assertThat(store.commands().replay(since.inNetworks(Set.of(net1, net2))
        .ofDeviceTypes(Set.of(type1)).withNames(Set.of("on")))).containsExactly(lampOn, heaterOn);
    assertThat(store.commands().replay(since.withNames(Set.of("off")))).containsExactly(lampOff);
    assertThat(store.commands().replay(since.inNetworks(Set.of()))).isEmpty();
  }

  @Test
  void notificationReplayIsStrictOrderedLimitedAndNarrowed() {
    Notification atSince = notification(lamp, "t", at(0));
    Notification lampT = notification(lamp, "t", at(2));
    Notification heaterT = notification(heater, "t", at(1));
    Notification fanH = notification(fan, "h", at(3));
    Notification lampH = notification(lamp, "h", at(3));
    ReplayQuery since = ReplayQuery.since(START, 100);

    assertThat(notificationIds(store.notifications().replay(since)))
        .containsExactly(heaterT.id(), lampT.id(), fanH.id(), lampH.id())
        .doesNotContain(atSince.id());
    assertThat(store.notifications().replay(ReplayQuery.since(START, 1)))
        .containsExactly(heaterT);
    assertThat(store.notifications().replay(since.forDevice("lamp"))).containsExactly(lampT, lampH);
    assertThat(store.notifications().replay(since.inNetworks(Set.of(net2))))
        .containsExactly(heaterT);
    assertThat(store.notifications().replay(since.ofDeviceTypes(Set.of(type1))
        .withNames(Set.of("h")))).containsExactly(lampH);
  }

  @Test
  void updatedReplayReturnsOnlyCommandsUpdatedAfterTheTimeByUpdateTime() {
    Command neverUpdated = command(lamp, "a", at(0));
    Command updatedFirstSentLast = command(lamp, "b", at(30));
    Command updatedLast = command(heater, "c", at(10));
    Command updatedEarly = command(lamp, "d", at(20));

    clock.advance(Duration.ofMillis(1000));
    Command early = store.commands().update("lamp", updatedEarly.id(), "x", null).orElseThrow();
    Instant since = clock.advance(Duration.ofMillis(1000));
    Command atSince = store.commands().update("lamp", updatedEarly.id(), "y", null).orElseThrow();
    clock.advance(Duration.ofMillis(1000));
    Command first = store.commands().update("lamp", updatedFirstSentLast.id(), "x", null)
        .orElseThrow();
    clock.advance(Duration.ofMillis(1000));
    Command last = store.commands().update("heater", updatedLast.id(), "x", null).orElseThrow();

    assertThat(early.lastUpdated()).isBefore(since);
    assertThat(atSince.lastUpdated()).isEqualTo(since);
    assertThat(store.commands().replayUpdated(ReplayQuery.since(since, 10)))
        .containsExactly(first, last);
    assertThat(store.commands().replayUpdated(ReplayQuery.since(since, 10).forDevice("lamp")))
        .containsExactly(first);
    assertThat(commandIds(store.commands().replayUpdated(ReplayQuery.since(START, 10))))
        .containsExactly(updatedEarly.id(), updatedFirstSentLast.id(), updatedLast.id())
        .doesNotContain(neverUpdated.id());
  }

  // --- retention and deletion ---

  @Test
  void retentionDeletesOnlyWhatIsOlderThanTheCutOff() {
    Command oldCommand = command(lamp, "a", at(-1));
    Command cutCommand = command(lamp, "b", at(0));
    Notification oldNote = notification(lamp, "a", at(-5000));
    Notification cutNote = notification(fan, "b", at(0));
    Notification newNote = notification(fan, "c", at(1));

    assertThat(store.commands().deleteBefore(START)).isEqualTo(1);
    assertThat(store.notifications().deleteBefore(START)).isEqualTo(1);

    assertThat(store.commands().find("lamp", oldCommand.id())).isEmpty();
    assertThat(store.commands().find("lamp", cutCommand.id())).contains(cutCommand);
    assertThat(store.notifications().find("lamp", oldNote.id())).isEmpty();
    assertThat(store.notifications().list(NotificationQuery.forDevice("fan")))
        .containsExactly(cutNote, newNote);
    assertThat(store.commands().deleteBefore(START)).isZero();
  }

  @Test
  void deletingADeviceDeletesItsHistoryOnly() {
    command(lamp, "on", at(1));
    notification(lamp, "t", at(1));
    Command fanOn = command(fan, "on", at(1));

    assertThat(store.devices().delete("lamp")).isTrue();
    store.devices().put(lamp);

    assertThat(store.commands().list(CommandQuery.forDevice("lamp"))).isEmpty();
    assertThat(store.notifications().list(NotificationQuery.forDevice("lamp"))).isEmpty();
    assertThat(store.commands().list(CommandQuery.forDevice("fan"))).containsExactly(fanOn);
  }
}
