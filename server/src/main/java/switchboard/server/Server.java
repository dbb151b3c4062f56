package switchboard.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import switchboard.amps.AmpsDialect;
import switchboard.core.spi.Store;
import switchboard.devicehive.DevicehiveDialect;
import switchboard.server.config.StoreConfig;
import switchboard.store.jdbc.JdbcStore;
import switchboard.store.jdbc.JdbcStoreConfig;
import switchboard.xrpl.XrplDialect;
import switchboard.core.Hub;
import switchboard.core.HubOptions;
import switchboard.core.delivery.Outbox;
import switchboard.server.config.Config;
import switchboard.server.config.LimitsConfig;
import switchboard.transport.Dialect;
import switchboard.transport.Transport;
import switchboard.transport.TransportConfig;
import switchboard.transport.TransportStats;

/**
 * One Switchboard server: the hub, the transport with its listeners, the admin endpoints and the
 * dialects, wired by constructors from a {@link Config}. Tests start the same object on port 0.
 */
public final class Server implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Server.class);

  private final Config config;
  private final Hub hub;
  private final TransportStats stats = new TransportStats();
  private final Transport transport;
  private final ServerMetrics metrics;
  private final List<Dialect> dialects;
  /** Opened only when a dialect that keeps data is enabled. */
  private final Store store;
  private final CountDownLatch closed = new CountDownLatch(1);
  private long startedAt;
  private boolean started;
  private boolean stopped;

  public Server(Config config) {
    this.config = config;
    this.hub = new Hub(new HubOptions(config.limits().maxSubscriptionsPerConnection(), config.engine().patternCacheCapacity()));
    TransportConfig tc = transportConfig(config);
    this.transport = new Transport(tc, stats);
    // a loop hands what it publishes in one turn to each other loop as one task
    transport.onEachWorkerThread(hub::batchDeliveriesOnThisThread);
    this.metrics = new ServerMetrics(hub, transport);
    List<Dialect> enabled = new ArrayList<>();
    this.store = needsStore(config) ? openStore(config.store()) : null;
    DevicehiveDialect devicehive = config.devicehive().enabled()
        ? new DevicehiveDialect(hub, config.devicehive(), store, tc.outbox(), stats)
        : null;
    if (config.amps().enabled()) {
      enabled.add(new AmpsDialect(hub, config.amps(), tc.outbox(), stats, store == null ? null : store.sowRecords(),
          devicehive == null ? null : devicehive.tokenAuthenticator()));
    }
    if (config.xrpl().enabled()) {
      enabled.add(new XrplDialect(hub, config.xrpl(), tc.outbox(), stats, Version.current()));
    }
    if (devicehive != null) {
      enabled.add(devicehive);
    }
    this.dialects = List.copyOf(enabled);
  }

  /** The store is opened only for what keeps data: devicehive, and amps SOW topics kept across restarts. */
  static boolean needsStore(Config c) {
    boolean sow = c.amps().enabled() && c.amps().persistence().sowRecords() && !c.amps().sowTopics().isEmpty();
    return c.devicehive().enabled() || sow;
  }

  static Store openStore(StoreConfig c) {
    JdbcStoreConfig jc = (c.url() == null
        ? JdbcStoreConfig.embedded(c.dataDir())
        : JdbcStoreConfig.of(c.url(), c.username(), c.password())).withPoolSize(c.poolSize());
    log.info("store: {}", jc);
    return new JdbcStore(jc);
  }

  static TransportConfig transportConfig(Config config) {
    LimitsConfig l = config.limits();
    return new TransportConfig(
        config.http().host(),
        config.http().port(),
        config.engine().ioThreads(),
        l.maxConnections(),
        l.maxFrameBytes(),
        l.maxHttpBodyBytes(),
        l.idleTimeout(),
        l.writeBufferHighWater(),
        new Outbox.Limits(l.outboxMaxMessages(), l.outboxMaxBytes()));
  }

  /** Binds every listener and returns once they accept connections. */
  public synchronized Server start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    startedAt = System.nanoTime();
    new AdminRoutes(this, metrics).install(transport.routes());
    for (Dialect d : dialects) {
      d.install(transport.routes());
    }
    transport.start();
    for (Dialect d : dialects) {
      d.start();
    }
    log.info("switchboard {} started: {}", Version.current(), transport.ports());
    return this;
  }

  /** The port a listener is bound to ("http" for the main HTTP listener). */
  public int port(String listener) {
    return transport.port(listener);
  }

  /** Bound ports by listener name. */
  public Map<String, Integer> ports() {
    return transport.ports();
  }

  public Hub hub() {
    return hub;
  }

  public Config config() {
    return config;
  }

  TransportStats stats() {
    return stats;
  }

  Transport transport() {
    return transport;
  }

  List<Dialect> dialects() {
    return dialects;
  }

  /** Seconds since {@link #start()}. */
  long uptimeSeconds() {
    return started ? (System.nanoTime() - startedAt) / 1_000_000_000L : 0;
  }

  /** Blocks until {@link #close()} has been called and the server has stopped. */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  /** Stops the dialects, closes every connection and listener. Safe to call more than once. */
  @Override
  public synchronized void close() {
    if (stopped) {
      return;
    }
    stopped = true;
    for (Dialect d : dialects) {
      try {
        d.close();
      } catch (Exception e) {
        log.warn("dialect {} did not close cleanly", d.name(), e);
      }
    }
    transport.close();
    if (store != null) {
      store.close();
    }
    metrics.close();
    log.info("switchboard stopped");
    closed.countDown();
  }
}
