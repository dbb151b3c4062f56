package switchboard.amps;

import io.netty.channel.Channel;
import switchboard.core.Hub;
import switchboard.core.spi.Authenticator;
import switchboard.core.delivery.Outbox;
import switchboard.core.sow.SowStore;
import switchboard.core.spi.SowRecordStore;
import switchboard.transport.Dialect;
import switchboard.transport.DialectStats;
import switchboard.transport.Endpoint;
import switchboard.transport.Routes;
import switchboard.transport.TransportStats;

/**
 * The AMPS JSON protocol (protocols/amps.md): the TCP listener {@value #TCP_LISTENER}
 * ({@code tcp://host:9007/amps/json}) and a WebSocket endpoint on the main HTTP listener
 * ({@code /amps/json}).
 */
public final class AmpsDialect implements Dialect {
  public static final String NAME = "amps";
  public static final String TCP_LISTENER = "amps-tcp";

  private final Hub hub;
  private final Authenticator tokens;
  private final AmpsConfig config;
  private final Outbox.Limits outbox;
  private final DialectStats stats;
  private final Commands commands;
  private final SowPersistence persistence;

  /** The dialect with its State of the World in memory only: records are lost on restart. */
  public AmpsDialect(Hub hub, AmpsConfig config, Outbox.Limits outbox, TransportStats stats) {
    this(hub, config, outbox, stats, null);
  }

  /**
   * The dialect with its State of the World kept in {@code sowRecords} too, unless
   * {@code config.persistence().sowRecords()} is false. The configured SOW topics are loaded from it
   * here, before the dialect serves: this blocks for as long as the store takes to answer.
   *
   * @param sowRecords where SOW records outlive the server, or null to keep them in memory only
   * @throws switchboard.core.spi.StoreException when the records cannot be loaded
   */
  public AmpsDialect(Hub hub, AmpsConfig config, Outbox.Limits outbox, TransportStats stats, SowRecordStore sowRecords) {
    this(hub, config, outbox, stats, sowRecords, null);
  }

  /**
   * The dialect as above, whose logon also accepts, as the password, what {@code tokens} accepts
   * (when {@code config.tokenLogon()} is on).
   *
   * @param tokens the server's token issuer (the devicehive dialect's), or null
   * @throws IllegalArgumentException when token logon is on and there is no token issuer
   */
  public AmpsDialect(Hub hub, AmpsConfig config, Outbox.Limits outbox, TransportStats stats, SowRecordStore sowRecords,
      Authenticator tokens) {
    if (config.tokenLogon() && tokens == null) {
      throw new IllegalArgumentException("amps.token-logon needs a token issuer: enable the devicehive dialect");
    }
    this.tokens = config.tokenLogon() ? tokens : null;
    this.hub = hub;
    this.config = config;
    this.outbox = outbox;
    this.stats = stats.of(NAME);
    SowStore sow = new SowStore(config.sowKeyFields());
    this.persistence = sowRecords != null && config.persistence().sowRecords()
        ? SowPersistence.restore(sowRecords, sow, config.persistence().closeTimeout())
        : SowPersistence.inMemory();
    this.commands = new Commands(new SowCommands(sow, persistence), persistence);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void install(Routes routes) {
    routes.tcpListener(TCP_LISTENER, config.tcpHost(), config.tcpPort(), new Endpoint(NAME, () -> new AmpsHandler(this, false)));
    routes.http().webSocket(config.webSocketPath(), new Endpoint(NAME, () -> new AmpsHandler(this, true)));
  }

  AmpsConnection newConnection(Channel channel, boolean webSocket) {
    return new AmpsConnection(channel, webSocket, hub, config, tokens, outbox, stats);
  }

  Commands commands() {
    return commands;
  }

  /** Writes the State-of-the-World changes still queued, waiting at most the configured close-timeout. */
  @Override
  public void close() {
    persistence.close();
  }
}
