package switchboard.devicehive;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import switchboard.core.spi.Network;
import switchboard.core.spi.Store;
import switchboard.core.spi.StoreConflictException;
import switchboard.core.spi.User;
import switchboard.core.spi.UserRole;
import switchboard.devicehive.auth.Passwords;

/**
 * What a fresh DeviceHive database holds (§6): the administrator (user id 1) from the config, and a
 * network and a device type for devices registered without one. Runs once, on the starting thread.
 */
final class Seed {
  private static final Logger log = LoggerFactory.getLogger(Seed.class);
  static final String NETWORK = "VirtualLed Sample Network";
  static final String DEVICE_TYPE = "Default Device Type";

  private Seed() {}

  static void firstStart(Store store, DevicehiveConfig config) {
    String login = config.admin().login();
    if (store.users().findByLogin(login).isPresent() || store.users().find(1).isPresent()) {
      return;
    }
    String salt = Passwords.newSalt();
    String password = config.admin().password();
    boolean generated = password == null;
    if (generated) {
      password = Passwords.newSalt();
    }
    User admin;
    try {
      admin = store.users().create(User.newUser(login, Passwords.hash(salt, password), salt, UserRole.ADMIN));
    } catch (StoreConflictException e) {
      return; // another node seeded it first
    }
    if (generated) {
      // shown once: only its hash is kept
      log.warn("devicehive: created administrator '{}' with the generated password {} (set devicehive.admin.password to choose one)",
          login, password);
    }
    Network network = store.networks().findByName(NETWORK)
        .orElseGet(() -> store.networks().create(NETWORK, "Default network"));
    store.users().addNetwork(admin.id(), network.id());
    if (store.deviceTypes().findByName(DEVICE_TYPE).isEmpty()) {
      store.deviceTypes().create(DEVICE_TYPE, "Default device type");
    }
    log.info("devicehive: created administrator '{}' (id {}) and network '{}'", admin.login(), admin.id(), NETWORK);
  }
}
