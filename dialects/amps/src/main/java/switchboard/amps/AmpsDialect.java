package switchboard.amps;

import io.netty.channel.Channel;
import switchboard.core.Hub;
import switchboard.core.delivery.Outbox;
import switchboard.core.sow.SowStore;
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
  private final AmpsConfig config;
  private final Outbox.Limits outbox;
  private final DialectStats stats;
  private final Commands commands;

  public AmpsDialect(Hub hub, AmpsConfig config, Outbox.Limits outbox, TransportStats stats) {
    this.hub = hub;
    this.config = config;
    this.outbox = outbox;
    this.stats = stats.of(NAME);
    this.commands = new Commands(new SowCommands(new SowStore(config.sowKeyFields())));
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
    return new AmpsConnection(channel, webSocket, hub, config, outbox, stats);
  }

  Commands commands() {
    return commands;
  }
}
