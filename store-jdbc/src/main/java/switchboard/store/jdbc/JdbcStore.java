package switchboard.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import switchboard.core.spi.CommandStore;
import switchboard.core.spi.ConfigStore;
import switchboard.core.spi.DeviceStore;
import switchboard.core.spi.DeviceTypeStore;
import switchboard.core.spi.NetworkStore;
import switchboard.core.spi.NotificationStore;
import switchboard.core.spi.SowRecordStore;
import switchboard.core.spi.Store;
import switchboard.core.spi.UserStore;

/**
 * The {@link Store} on a JDBC database: H2 (embedded, in PostgreSQL mode) or PostgreSQL. Opening
 * one brings the schema up to date with the Flyway migrations in {@code db/migration}.
 *
 * <p>Thread-safe: every call borrows a connection from a HikariCP pool and returns it before it
 * ends; no state is shared between calls but the pool. Calls block (see {@link Store}); at most
 * {@link JdbcStoreConfig#poolSize()} run at once and the others wait for a connection.
 */
public final class JdbcStore implements Store {
  private static final Logger log = LoggerFactory.getLogger(JdbcStore.class);

  private final HikariDataSource pool;
  private final JdbcUsers users;
  private final JdbcNetworks networks;
  private final JdbcDeviceTypes deviceTypes;
  private final JdbcDevices devices;
  private final JdbcCommands commands;
  private final JdbcNotifications notifications;
  private final JdbcConfig config;
  private final JdbcSowRecords sowRecords;

  /** Opens the store; times the store sets itself come from the system clock. */
  public JdbcStore(JdbcStoreConfig config) {
    this(config, Clock.systemUTC());
  }

  /**
   * @param clock the store's now: for commands and notifications inserted without a timestamp, and
   *     for a command's lastUpdated
   */
  public JdbcStore(JdbcStoreConfig config, Clock clock) {
    this.pool = new HikariDataSource(poolConfig(config));
    try {
      migrate(config);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    Db db = new Db(pool);
    this.users = new JdbcUsers(db);
    this.networks = new JdbcNetworks(db);
    this.deviceTypes = new JdbcDeviceTypes(db);
    this.devices = new JdbcDevices(db);
    this.commands = new JdbcCommands(db, clock);
    this.notifications = new JdbcNotifications(db, clock);
    this.config = new JdbcConfig(db);
    this.sowRecords = new JdbcSowRecords(db);
    log.info("Store open: {}", config);
  }

  private static HikariConfig poolConfig(JdbcStoreConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("switchboard-store");
    hikari.setJdbcUrl(config.url());
    hikari.setUsername(config.username());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(config.poolSize());
    if (config.schema() != null) {
      hikari.setSchema(config.schema());
    }
    return hikari;
  }

  private void migrate(JdbcStoreConfig config) {
    FluentConfiguration flyway = Flyway.configure()
        .dataSource(pool)
        .locations("classpath:db/migration");
    if (config.schema() != null) {
      flyway.schemas(config.schema()).defaultSchema(config.schema());
    }
    flyway.load().migrate();
  }

  @Override
  public UserStore users() {
    return users;
  }

  @Override
  public NetworkStore networks() {
    return networks;
  }

  @Override
  public DeviceTypeStore deviceTypes() {
    return deviceTypes;
  }

  @Override
  public DeviceStore devices() {
    return devices;
  }

  @Override
  public CommandStore commands() {
    return commands;
  }

  @Override
  public NotificationStore notifications() {
    return notifications;
  }

  @Override
  public ConfigStore config() {
    return config;
  }

  @Override
  public SowRecordStore sowRecords() {
    return sowRecords;
  }

  @Override
  public void close() {
    pool.close();
  }
}
