package switchboard.client;

import java.util.ArrayList;
import java.util.List;
import switchboard.amps.AmpsConfig;
import switchboard.amps.AmpsDialect;
import switchboard.core.Hub;
import switchboard.transport.Transport;
import switchboard.transport.TransportConfig;
import switchboard.transport.TransportStats;

/**
 * Our real server's amps dialect, in-process on loopback on ports the system picks, for the wire tests;
 * and the clients a test opens, closed with it.
 */
final class AmpsServer implements AutoCloseable {

  /** The two ways to reach the dialect; every wire test runs over both. */
  enum Wire {
    TCP, WS
  }

  private final Transport transport;
  private final AmpsDialect amps;
  private final List<AmpsClient> clients = new ArrayList<>();

  AmpsServer() {
    this(AmpsConfig.forTests());
  }

  AmpsServer(AmpsConfig config) {
    TransportStats stats = new TransportStats();
    TransportConfig tc = TransportConfig.forTests();
    transport = new Transport(tc, stats);
    amps = new AmpsDialect(new Hub(), config, tc.outbox(), stats);
    amps.install(transport.routes());
    transport.start();
    amps.start();
  }

  /** {@code tcp://127.0.0.1:<port>/amps/json} or {@code ws://127.0.0.1:<port>/amps/json}. */
  String uri(Wire wire) {
    return wire == Wire.TCP
        ? "tcp://127.0.0.1:" + transport.port(AmpsDialect.TCP_LISTENER) + "/amps/json"
        : "ws://127.0.0.1:" + transport.port(Transport.HTTP_LISTENER) + "/amps/json";
  }

  /** A connected, logged-on client, closed with the server. */
  AmpsClient connect(Wire wire, String clientName) {
    return connect(wire, clientName, ClientOptions.defaults());
  }

  AmpsClient connect(Wire wire, String clientName, ClientOptions options) {
    AmpsClient c = AmpsClient.connect(uri(wire), clientName, options);
    synchronized (clients) {
      clients.add(c);
    }
    return c;
  }

  @Override
  public void close() {
    synchronized (clients) {
      clients.forEach(AmpsClient::close);
    }
    transport.close();
    amps.close();
  }
}
