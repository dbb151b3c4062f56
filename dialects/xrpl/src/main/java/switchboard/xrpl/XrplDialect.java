package switchboard.xrpl;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import switchboard.core.Hub;
import switchboard.core.delivery.Outbox;
import switchboard.transport.Dialect;
import switchboard.transport.DialectStats;
import switchboard.transport.Endpoint;
import switchboard.transport.Routes;
import switchboard.transport.TransportStats;

/**
 * The XRP Ledger server's subscription API (protocols/xrpl.md) on a WebSocket listener of its own,
 * {@value #LISTENER} (port 6006, path {@code /}), fed by an upstream rippled or a recording.
 */
public final class XrplDialect implements Dialect {
  private static final Logger log = LoggerFactory.getLogger(XrplDialect.class);
  public static final String NAME = "xrpl";
  public static final String LISTENER = "xrpl";

  private final Hub hub;
  private final XrplConfig config;
  private final Outbox.Limits outbox;
  private final DialectStats stats;
  private final String version;
  private final Set<String> admins;
  private final Feed feed;
  private final Subscriptions subscriptions;
  private final UrlSubscribers urlSubscribers;
  private final XrplCommands commands = new XrplCommands(this);
  private final String hostId = UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
  private final long startedAt = System.nanoTime();
  private AutoCloseable source;
  private volatile UpstreamSource upstream;

  /**
   * @param outbox the transport's outbox limits; the message limit becomes the dialect's send-queue limit
   * @param version this server's version, for server_info's build_version
   */
  public XrplDialect(Hub hub, XrplConfig config, Outbox.Limits outbox, TransportStats stats, String version) {
    this.hub = hub;
    this.config = config;
    this.outbox = new Outbox.Limits(config.sendQueueLimit(), outbox.maxBytes());
    this.stats = stats.of(NAME);
    this.version = version;
    this.admins = Set.copyOf(config.admin());
    this.feed = new Feed(hub);
    this.subscriptions = new Subscriptions(hub, config.books().routing());
    this.urlSubscribers = new UrlSubscribers(subscriptions);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void install(Routes routes) {
    routes.httpListener(LISTENER, config.host(), config.port()).webSocket(config.path(), new Endpoint(NAME, () -> new XrplHandler(this)));
  }

  @Override
  public void start() {
    if (config.replay().file() != null) {
      source = ReplaySource.start(config.replay(), feed);
    } else if (config.upstream().url() != null) {
      upstream = UpstreamSource.start(config.upstream(), feed);
      source = upstream;
    }
  }

  @Override
  public void close() {
    if (source != null) {
      try {
        source.close();
      } catch (Exception e) {
        log.warn("xrpl source did not stop cleanly", e);
      }
    }
    urlSubscribers.close();
  }

  /** What feeds the dialect and whether it is live, the messages taken from it, rippled's server_state. */
  @Override
  public java.util.Map<String, Object> health() {
    java.util.Map<String, Object> h = new java.util.LinkedHashMap<>();
    h.put("source", feed.source());
    h.put("acceptedMessages", feed.acceptedCount());
    h.put("serverState", ServerInfo.state(this));
    return h;
  }

  XrplConnection newConnection(Channel channel) {
    boolean admin = channel.remoteAddress() instanceof InetSocketAddress a && admins.contains(a.getAddress().getHostAddress());
    return new XrplConnection(channel, hub, admin, outbox, stats);
  }

  XrplConfig config() {
    return config;
  }

  XrplCommands commands() {
    return commands;
  }

  Feed feed() {
    return feed;
  }

  /** The upstream connector, or null when the source is a recording or none. */
  UpstreamSource upstream() {
    return upstream;
  }

  Subscriptions subscriptions() {
    return subscriptions;
  }

  UrlSubscribers urlSubscribers() {
    return urlSubscribers;
  }

  int maxSubscriptions() {
    return hub.options().maxSubscriptionsPerOwner();
  }

  String version() {
    return version;
  }

  String hostId() {
    return hostId;
  }

  long uptimeSeconds() {
    return (System.nanoTime() - startedAt) / 1_000_000_000L;
  }
}
