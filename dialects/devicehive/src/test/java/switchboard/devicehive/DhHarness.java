package switchboard.devicehive;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import switchboard.core.Hub;
import switchboard.core.spi.Network;
import switchboard.core.spi.User;
import switchboard.core.spi.UserRole;
import switchboard.devicehive.auth.Passwords;
import switchboard.store.jdbc.JdbcStore;
import switchboard.store.jdbc.JdbcStoreConfig;
import switchboard.transport.Transport;
import switchboard.transport.TransportConfig;
import switchboard.transport.TransportStats;

/** The devicehive dialect on a real transport on loopback (port chosen by the system) over an in-memory H2 store. */
final class DhHarness implements AutoCloseable {
  static final String ADMIN = "dhadmin";
  static final String ADMIN_PASSWORD = "dhadmin_#911";

  final TransportStats stats = new TransportStats();
  final Hub hub = new Hub();
  final JdbcStore store;
  private final boolean ownStore;
  final Transport transport;
  final DevicehiveDialect dialect;

  DhHarness() {
    this(DevicehiveConfig.forTests());
  }

  DhHarness(DevicehiveConfig config) {
    this(config, Clock.systemUTC());
  }

  /** The dialect telling the time of {@code clock}. */
  DhHarness(DevicehiveConfig config, Clock clock) {
    this(config, new JdbcStore(JdbcStoreConfig.inMemory("dh-" + UUID.randomUUID())), true, clock);
  }

  /** On a store the caller keeps (and closes). */
  DhHarness(DevicehiveConfig config, JdbcStore store) {
    this(config, store, false, Clock.systemUTC());
  }

  private DhHarness(DevicehiveConfig config, JdbcStore store, boolean ownStore, Clock clock) {
    this.store = store;
    this.ownStore = ownStore;
    TransportConfig tc = TransportConfig.forTests();
    transport = new Transport(tc, stats);
    dialect = new DevicehiveDialect(hub, config, store, tc.outbox(), stats, clock);
    dialect.install(transport.routes());
    transport.start();
    dialect.start();
  }

  String url() {
    return url("/dh/websocket");
  }

  String url(String path) {
    return "ws://127.0.0.1:" + transport.port(Transport.HTTP_LISTENER) + path;
  }

  /** REST under {@code root} ({@code /dh/rest}, {@code /api/rest}, {@code /auth/rest}), anonymous. */
  DhRest rest(String root) {
    return new DhRest("http://127.0.0.1:" + transport.port(Transport.HTTP_LISTENER) + root, null);
  }

  DhRest rest() {
    return rest("/dh/rest");
  }

  /** REST with the access token of a login. */
  DhRest restLogin(String login, String password) throws Exception {
    DhRest.Answer t = rest().post("/token", Map.of("login", login, "password", password));
    if (t.status() != 201) {
      throw new AssertionError("login failed: " + t);
    }
    return rest().as(t.body().get("accessToken").asText());
  }

  DhRest restAdmin() throws Exception {
    return restLogin(ADMIN, ADMIN_PASSWORD);
  }

  DhWsClient connect() throws Exception {
    return new DhWsClient(url());
  }

  DhWsClient connect(Map<String, String> headers) throws Exception {
    return new DhWsClient(url(), headers);
  }

  /** A connection logged in with the given credentials and authenticated. */
  DhWsClient login(String login, String password) throws Exception {
    DhWsClient c = connect();
    JsonNode t = c.ok("token", "login", login, "password", password);
    c.ok("authenticate", "token", t.get("accessToken").asText());
    return c;
  }

  DhWsClient admin() throws Exception {
    return login(ADMIN, ADMIN_PASSWORD);
  }

  /** A client (non-admin) user linked to the given networks; all device types available. */
  User client(String login, String password, long... networks) {
    String salt = Passwords.newSalt();
    User u = store.users().create(User.newUser(login, Passwords.hash(salt, password), salt, UserRole.CLIENT));
    for (long n : networks) {
      store.users().addNetwork(u.id(), n);
    }
    return u;
  }

  Network network(String name) {
    return store.networks().create(name, null);
  }

  long seedNetwork() {
    return store.networks().findByName(Seed.NETWORK).orElseThrow().id();
  }

  @Override
  public void close() {
    dialect.close();
    transport.close();
    if (ownStore) {
      store.close();
    }
  }
}
