package switchboard.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static switchboard.core.spi.StoreConflictException.Kind.DUPLICATE;
import static switchboard.core.spi.StoreConflictException.Kind.REFERENCE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import switchboard.core.spi.Device;
import switchboard.core.spi.DeviceQuery;
import switchboard.core.spi.DeviceType;
import switchboard.core.spi.NameQuery;
import switchboard.core.spi.Network;
import switchboard.core.spi.Page;
import switchboard.core.spi.User;
import switchboard.core.spi.UserQuery;
import switchboard.core.spi.UserRole;
import switchboard.core.spi.UserStatus;

/**
 * What every {@link switchboard.core.spi.Store} must do with users, networks, device types, devices
 * and configuration values. Commands, notifications and replay are in {@link MessageContract}.
 */
abstract class StoreContract extends StoreFixture {

  static User client(String login) {
    return User.newUser(login, "hash-" + login, "salt-" + login, UserRole.CLIENT);
  }

  static User renamed(User user, String login) {
    return new User(user.id(), login, user.passwordHash(), user.passwordSalt(), user.role(),
        user.status(), user.loginAttempts(), user.lastLogin(), user.data(), user.introReviewed(),
        user.allDeviceTypesAvailable());
  }

  // --- users ---

  @Test
  void theFirstUserGetsIdOneAsDeviceHivesAdminHas() {
    User admin = store.users().create(User.newUser("dhadmin", "h", "s", UserRole.ADMIN));
    User second = store.users().create(client("alice"));

    assertThat(admin.id()).isEqualTo(1);
    assertThat(second.id()).isEqualTo(2);
    assertThat(store.users().find(1)).contains(admin);
  }

  @Test
  void aTakenLoginIsADuplicateConflict() {
    store.users().create(client("alice"));
    User bob = store.users().create(client("bob"));

    assertThat(conflictKind(() -> store.users().create(client("alice")))).isEqualTo(DUPLICATE);
    assertThat(conflictKind(() -> store.users().update(renamed(bob, "alice"))))
        .isEqualTo(DUPLICATE);
    assertThat(store.users().findByLogin("bob")).contains(bob);
    assertThat(store.users().list(UserQuery.all())).hasSize(2);
  }

  @Test
  void aUserKeepsEveryFieldThroughUpdateAndIsGoneAfterDelete() {
    User created = store.users().create(client("alice"));
    Instant lastLogin = Instant.parse("2024-05-01T09:59:58.123456789Z");
    User changed = new User(created.id(), "alice2", "h2", "s2", UserRole.ADMIN,
        UserStatus.LOCKED_OUT, 3, lastLogin, "{\"a\":[1,2]}", true, false);

    assertThat(store.users().update(changed)).isTrue();
    User read = store.users().findByLogin("alice2").orElseThrow();
    assertThat(read).isEqualTo(changed);
    assertThat(read.lastLogin()).isEqualTo(Instant.parse("2024-05-01T09:59:58.123Z"));
    assertThat(store.users().findByLogin("alice")).isEmpty();

    assertThat(store.users().delete(created.id())).isTrue();
    assertThat(store.users().find(created.id())).isEmpty();
    assertThat(store.users().delete(created.id())).isFalse();
    assertThat(store.users().update(changed)).isFalse();
  }

  @Test
  void usersAreListedByRoleStatusAndLoginPatternInPages() {
    User admin = store.users().create(User.newUser("admin", "h", "s", UserRole.ADMIN));
    User carol = store.users().create(client("carol"));
    User bob = store.users().create(client("bob"));
    User locked = store.users().create(client("bobby").withStatus(UserStatus.LOCKED_OUT));

    assertThat(store.users().list(UserQuery.all().withRole(UserRole.CLIENT)))
        .containsExactly(carol, bob, locked);
    assertThat(store.users().list(UserQuery.all().withStatus(UserStatus.LOCKED_OUT)))
        .containsExactly(locked);
    assertThat(store.users().list(UserQuery.all().withLoginPattern("bob%")))
        .containsExactly(bob, locked);
    assertThat(store.users().list(UserQuery.all().sortedBy(UserQuery.Sort.LOGIN, false)))
        .containsExactly(admin, bob, locked, carol);
    assertThat(store.users().list(UserQuery.all().sortedBy(UserQuery.Sort.ID, true)
        .withPage(Page.of(2, 1)))).containsExactly(bob, carol);
  }

  // --- links between users and networks or device types ---

  @Test
  void aUserIsLinkedToNetworksAndDeviceTypesOnce() {
    User alice = store.users().create(client("alice"));
    Network n1 = store.networks().create("n1", null);
    Network n2 = store.networks().create("n2", "second");
    DeviceType t1 = store.deviceTypes().create("t1", null);

    assertThat(store.users().addNetwork(alice.id(), n2.id())).isTrue();
    assertThat(store.users().addNetwork(alice.id(), n1.id())).isTrue();
    assertThat(store.users().addNetwork(alice.id(), n1.id())).isFalse();
    assertThat(store.users().addDeviceType(alice.id(), t1.id())).isTrue();
    assertThat(store.users().addDeviceType(alice.id(), t1.id())).isFalse();

    assertThat(store.users().networks(alice.id())).containsExactly(n1, n2);
    assertThat(store.users().deviceTypes(alice.id())).containsExactly(t1);

    assertThat(store.users().removeNetwork(alice.id(), n1.id())).isTrue();
    assertThat(store.users().removeNetwork(alice.id(), n1.id())).isFalse();
    assertThat(store.users().removeDeviceType(alice.id(), t1.id())).isTrue();
    assertThat(store.users().networks(alice.id())).containsExactly(n2);
    assertThat(store.users().deviceTypes(alice.id())).isEmpty();
  }

  @Test
  void aLinkToSomethingMissingIsAReferenceConflict() {
    User alice = store.users().create(client("alice"));
    Network n1 = store.networks().create("n1", null);

    assertThat(conflictKind(() -> store.users().addNetwork(alice.id(), 999))).isEqualTo(REFERENCE);
    assertThat(conflictKind(() -> store.users().addNetwork(999, n1.id()))).isEqualTo(REFERENCE);
    assertThat(conflictKind(() -> store.users().addDeviceType(alice.id(), 999)))
        .isEqualTo(REFERENCE);
  }

  @Test
  void deletingANetworkOrAUserRemovesTheirLinks() {
    User alice = store.users().create(client("alice"));
    User bob = store.users().create(client("bob"));
    Network n1 = store.networks().create("n1", null);
    Network n2 = store.networks().create("n2", null);
    DeviceType t1 = store.deviceTypes().create("t1", null);
    store.users().addNetwork(alice.id(), n1.id());
    store.users().addNetwork(alice.id(), n2.id());
    store.users().addNetwork(bob.id(), n2.id());
    store.users().addDeviceType(bob.id(), t1.id());

    assertThat(store.networks().delete(n1.id())).isTrue();
    assertThat(store.users().networks(alice.id())).containsExactly(n2);

    assertThat(store.users().delete(bob.id())).isTrue();
    assertThat(store.deviceTypes().delete(t1.id())).isTrue();
    assertThat(store.networks().delete(n2.id())).isTrue();
    assertThat(store.users().networks(alice.id())).isEmpty();
  }

  // --- networks and device types ---

  @Test
  void networksAreCreatedFoundRenamedAndDeleted() {
    Network sample = store.networks().create("VirtualLed Sample Network", "A DeviceHive network");
    Network other = store.networks().create("other", null);

    assertThat(sample.id()).isEqualTo(1);
    assertThat(store.networks().find(sample.id())).contains(sample);
    assertThat(store.networks().findByName("other")).contains(other);
    assertThat(conflictKind(() -> store.networks().create("other", "again"))).isEqualTo(DUPLICATE);
    assertThat(conflictKind(() -> store.networks().update(new Network(other.id(),
        "VirtualLed Sample Network", null)))).isEqualTo(DUPLICATE);

    Network renamed = new Network(other.id(), "renamed", "now described");
    assertThat(store.networks().update(renamed)).isTrue();
    assertThat(store.networks().find(other.id())).contains(renamed);
    assertThat(store.networks().update(new Network(999, "x", null))).isFalse();

    assertThat(store.networks().delete(other.id())).isTrue();
    assertThat(store.networks().delete(other.id())).isFalse();
    assertThat(store.networks().find(other.id())).isEmpty();
  }

  @Test
  void networksAreListedByNamePatternIdsAndPage() {
    Network a = store.networks().create("alpha", null);
    Network b = store.networks().create("beta", null);
    Network c = store.networks().create("alphabet", null);

    assertThat(store.networks().list(NameQuery.all())).containsExactly(a, b, c);
    assertThat(store.networks().list(NameQuery.all().withName("beta"))).containsExactly(b);
    assertThat(store.networks().list(NameQuery.all().withNamePattern("alpha%")))
        .containsExactly(a, c);
    assertThat(store.networks().list(NameQuery.all().withIds(Set.of(a.id(), b.id()))))
        .containsExactly(a, b);
    assertThat(store.networks().list(NameQuery.all().withIds(Set.of()))).isEmpty();
    assertThat(store.networks().list(NameQuery.all().sortedBy(NameQuery.Sort.NAME, true)
        .withPage(Page.of(2, 0)))).containsExactly(b, c);
  }

  @Test
  void deviceTypesAreCreatedFoundRenamedListedAndDeleted() {
    DeviceType first = store.deviceTypes().create("Default Device Type", "the default");
    DeviceType second = store.deviceTypes().create("sensor", null);

    assertThat(first.id()).isEqualTo(1);
    assertThat(store.deviceTypes().findByName("sensor")).contains(second);
    assertThat(conflictKind(() -> store.deviceTypes().create("sensor", null))).isEqualTo(DUPLICATE);

    DeviceType renamed = new DeviceType(second.id(), "thermometer", "reads heat");
    assertThat(store.deviceTypes().update(renamed)).isTrue();
    assertThat(store.deviceTypes().find(second.id())).contains(renamed);
    assertThat(store.deviceTypes().list(NameQuery.all().withNamePattern("%meter")))
        .containsExactly(renamed);

    assertThat(store.deviceTypes().delete(first.id())).isTrue();
    assertThat(store.deviceTypes().list(NameQuery.all())).containsExactly(renamed);
  }

  @Test
  void aNetworkOrTypeThatDevicesUseCannotBeDeleted() {
    Network net = store.networks().create("n", null);
    DeviceType type = store.deviceTypes().create("t", null);
    store.devices().put(new Device("d1", "lamp", null, net.id(), type.id(), false));

    assertThat(conflictKind(() -> store.networks().delete(net.id()))).isEqualTo(REFERENCE);
    assertThat(conflictKind(() -> store.deviceTypes().delete(type.id()))).isEqualTo(REFERENCE);
    assertThat(store.networks().find(net.id())).contains(net);

    store.devices().delete("d1");
    assertThat(store.networks().delete(net.id())).isTrue();
    assertThat(store.deviceTypes().delete(type.id())).isTrue();
  }

  // --- devices ---

  @Test
  void putCreatesADeviceThenReplacesEveryField() {
    Network net = store.networks().create("n", null);
    DeviceType type = store.deviceTypes().create("t", null);
    Device first = new Device("e50d6085-2aba-48e9-b1c3-73c673e414be", "Sample VirtualLed Device",
        "{\"on\":true}", net.id(), type.id(), false);
    Device second = new Device(first.id(), "renamed", null, null, null, true);

    assertThat(store.devices().put(first)).isTrue();
    assertThat(store.devices().find(first.id())).contains(first);
    assertThat(store.devices().put(second)).isFalse();
    assertThat(store.devices().find(first.id())).contains(second);
    assertThat(store.devices().list(DeviceQuery.all())).containsExactly(second);
  }

  @Test
  void aDeviceInAMissingNetworkIsAReferenceConflict() {
    assertThat(conflictKind(() -> store.devices().put(new Device("d1", "x", null, 42L, null,
        false)))).isEqualTo(REFERENCE);
    assertThat(store.devices().find("d1")).isEmpty();
  }

  @Test
  void devicesAreListedByNetworksTypesAndName() {
    long n1 = store.networks().create("n1", null).id();
    long n2 = store.networks().create("n2", null).id();
    long t1 = store.deviceTypes().create("t1", null).id();
    Device a = new Device("a", "lamp-1", null, n1, t1, false);
    Device b = new Device("b", "lamp-2", null, n2, null, false);
    Device c = new Device("c", "switch", null, n1, null, false);
    Device d = new Device("d", "loose", null, null, t1, false);
    for (Device device : List.of(d, c, b, a)) {
      store.devices().put(device);
    }

    assertThat(store.devices().list(DeviceQuery.all())).containsExactly(a, b, c, d);
    assertThat(store.devices().list(DeviceQuery.all().inNetworks(Set.of(n1))))
        .containsExactly(a, c);
    assertThat(store.devices().list(DeviceQuery.all().inNetworks(Set.of(n1, n2))
        .ofDeviceTypes(Set.of(t1)))).containsExactly(a);
    assertThat(store.devices().list(DeviceQuery.all().inNetworks(Set.of()))).isEmpty();
    assertThat(store.devices().list(DeviceQuery.all().withNamePattern("lamp%")))
        .containsExactly(a, b);
    assertThat(store.devices().list(DeviceQuery.all().withName("switch"))).containsExactly(c);
    assertThat(store.devices().list(DeviceQuery.all().sortedBy(DeviceQuery.Sort.NAME, false)
        .withPage(Page.of(2, 1)))).containsExactly(b, d);
  }

  @Test
  void deletingADeviceForgetsIt() {
    store.devices().put(new Device("d1", "x", null, null, null, false));

    assertThat(store.devices().delete("d1")).isTrue();
    assertThat(store.devices().find("d1")).isEmpty();
    assertThat(store.devices().delete("d1")).isFalse();
  }

  // --- configuration ---

  @Test
  void configurationValuesAreSetReplacedAndDeleted() {
    assertThat(store.config().get("jwt.secret")).isEmpty();

    store.config().put("jwt.secret", "first");
    assertThat(store.config().get("jwt.secret")).contains("first");
    store.config().put("jwt.secret", "second");
    assertThat(store.config().get("jwt.secret")).contains("second");

    assertThat(store.config().putIfAbsent("jwt.secret", "third")).isEqualTo("second");
    assertThat(store.config().putIfAbsent("other", "kept")).isEqualTo("kept");
    assertThat(store.config().get("other")).contains("kept");

    assertThat(store.config().delete("jwt.secret")).isTrue();
    assertThat(store.config().delete("jwt.secret")).isFalse();
    assertThat(store.config().get("jwt.secret")).isEmpty();
  }

  @Test
  void racingPutIfAbsentCallsAllSeeOneValue() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<String>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String mine = "secret-" + i;
        calls.add(() -> store.config().putIfAbsent("jwt.secret", mine));
      }
      List<String> seen = new ArrayList<>();
      for (Future<String> answer : pool.invokeAll(calls)) {
        seen.add(answer.get());
      }
      assertThat(Set.copyOf(seen)).hasSize(1);
      assertThat(store.config().get("jwt.secret")).contains(seen.get(0));
    } finally {
      pool.shutdownNow();
    }
  }
}
