package switchboard.server;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.HashSet;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import switchboard.core.Hub;
import switchboard.transport.DialectStats;
import switchboard.transport.Transport;
import switchboard.transport.TransportStats;

/**
 * The Prometheus view of the engine and the transport. The counters live where they are counted (the
 * hub, each dialect's {@link DialectStats}); meters here only read them at scrape time.
 */
final class ServerMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final TransportStats stats;
  private final Set<String> dialectsBound = new HashSet<>();
  private final JvmGcMetrics gc = new JvmGcMetrics();

  ServerMetrics(Hub hub, Transport transport) {
    this.stats = transport.stats();
    Gauge.builder("switchboard.subscriptions", hub, Hub::subscriptionCount)
        .description("live subscriptions, every dialect").register(registry);
    FunctionCounter.builder("switchboard.published", hub, Hub::publishedCount)
        .description("messages published into the engine").register(registry);
    FunctionCounter.builder("switchboard.deliveries", hub, Hub::deliveredCount)
        .description("messages handed to a connection (one per connection, whatever the number of its subscriptions matched)")
        .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc.bindTo(registry);
    bindDialects();
  }

  /** The Prometheus text exposition of every meter. */
  synchronized String scrape() {
    bindDialects(); // dialects appear in the stats as their first connection arrives
    return registry.scrape();
  }

  private synchronized void bindDialects() {
    for (var e : stats.all().entrySet()) {
      if (dialectsBound.add(e.getKey())) {
        bind(e.getKey(), e.getValue());
      }
    }
  }

  private void bind(String dialect, DialectStats s) {
    Gauge.builder("switchboard.connections", s, DialectStats::connections)
        .tag("dialect", dialect).description("open connections").register(registry);
    counter("switchboard.connections.opened", dialect, s, DialectStats::connectionsOpened, "connections accepted");
    counter("switchboard.messages.in", dialect, s, DialectStats::messagesIn, "messages received from clients");
    counter("switchboard.messages.out", dialect, s, DialectStats::messagesOut, "messages sent to clients");
    counter("switchboard.bytes.in", dialect, s, DialectStats::bytesIn, "bytes received from clients");
    counter("switchboard.bytes.out", dialect, s, DialectStats::bytesOut, "bytes sent to clients");
    counter("switchboard.slow.consumer.disconnects", dialect, s, DialectStats::slowConsumerDisconnects,
        "connections closed because their outbox passed its limit");
    counter("switchboard.rejected.frames", dialect, s, DialectStats::rejectedFrames,
        "frames refused for size or framing (their connections were closed)");
  }

  private void counter(String name, String dialect, DialectStats s, ToDoubleFunction<DialectStats> f, String description) {
    FunctionCounter.builder(name, s, f).tag("dialect", dialect).description(description).register(registry);
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
