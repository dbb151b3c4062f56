package switchboard.devicehive;

import io.netty.channel.Channel;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import switchboard.core.Hub;
import switchboard.core.delivery.Outbox;
import switchboard.core.spi.Store;
import switchboard.devicehive.auth.JwtKeys;
import switchboard.devicehive.auth.TokenService;
import switchboard.transport.Dialect;
import switchboard.transport.DialectStats;
import switchboard.transport.Endpoint;
import switchboard.transport.Routes;
import switchboard.transport.TransportStats;

/**
 * DeviceHive's WebSocket API (protocols/devicehive.md) on the HTTP listener, at
 * {@code /dh/websocket} and {@code /api/websocket}, over the engine and a {@link Store}.
 *
 * <p>Store calls block, so they run on this dialect's own small pool ({@link #blocking}) and their
 * results come back to the connection's event loop.
 */
public final class DevicehiveDialect implements Dialect {
  private static final Logger log = LoggerFactory.getLogger(DevicehiveDialect.class);
  public static final String NAME = "devicehive";

  private final Hub hub;
  private final DevicehiveConfig config;
  private final Store store;
  private final Outbox.Limits outbox;
  private final DialectStats stats;
  private final TokenService tokens;
  private final ExecutorService blocking;
  private final ScheduledExecutorService timer;
  private final Requests requests;
  private final SubscriptionIds subscriptionIds = new SubscriptionIds();

  public DevicehiveDialect(Hub hub, DevicehiveConfig config, Store store, Outbox.Limits outbox, TransportStats stats) {
    this(hub, config, store, outbox, stats, Clock.systemUTC());
  }

  public DevicehiveDialect(Hub hub, DevicehiveConfig config, Store store, Outbox.Limits outbox, TransportStats stats,
      Clock clock) {
    this.hub = hub;
    this.config = config;
    this.store = store;
    this.outbox = outbox;
    this.stats = stats.of(NAME);
    this.tokens = new TokenService(JwtKeys.fromSecret(config.jwtSecret()), clock,
        config.accessTokenLifetime(), config.refreshTokenLifetime());
    this.blocking = Executors.newFixedThreadPool(config.blockingThreads(), daemonThreads("devicehive-store"));
    this.timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("devicehive-retention"));
    this.requests = new Requests(this);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void install(Routes routes) {
    for (String path : config.webSocketPaths()) {
      routes.http().webSocket(path, new Endpoint(NAME, () -> new DhHandler(this)));
    }
  }

  /** Creates the administrator on first start, and schedules retention. */
  @Override
  public void start() {
    Seed.firstStart(store, config);
    if (!config.retention().isZero()) {
      timer.scheduleWithFixedDelay(this::expire, 1, 60, TimeUnit.MINUTES);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    blocking.shutdown();
  }

  private void expire() {
    try {
      java.time.Instant cutoff = java.time.Instant.now().minus(config.retention());
      int gone = store.commands().deleteBefore(cutoff) + store.notifications().deleteBefore(cutoff);
      if (gone > 0) {
        log.info("devicehive retention deleted {} commands and notifications", gone);
      }
    } catch (RuntimeException e) {
      log.warn("devicehive retention failed", e);
    }
  }

  /** Runs blocking work off the event loop; the result completes on the connection's event loop. */
  <T> CompletableFuture<T> blocking(DhConnection c, Supplier<T> work) {
    CompletableFuture<T> back = new CompletableFuture<>();
    try {
      CompletableFuture.supplyAsync(work, blocking).whenComplete((v, e) -> c.executor().execute(() -> {
        if (e != null) {
          back.completeExceptionally(e instanceof java.util.concurrent.CompletionException ? e.getCause() : e);
        } else {
          back.complete(v);
        }
      }));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      back.completeExceptionally(e);
    }
    return back;
  }

  DhConnection newConnection(Channel channel) {
    return new DhConnection(channel, hub, outbox, stats);
  }

  Hub hub() {
    return hub;
  }

  Store store() {
    return store;
  }

  DevicehiveConfig config() {
    return config;
  }

  TokenService tokens() {
    return tokens;
  }

  Requests requests() {
    return requests;
  }

  SubscriptionIds subscriptionIds() {
    return subscriptionIds;
  }

  private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
