package switchboard.xrpl;

import java.nio.file.Path;
import switchboard.core.Hub;
import switchboard.transport.Transport;
import switchboard.transport.TransportConfig;
import switchboard.transport.TransportStats;

/** The xrpl dialect on a real transport on loopback, its port chosen by the system. */
final class XrplHarness implements AutoCloseable {
  static final Path RECORDING = Path.of("recordings/demo.jsonl");

  final TransportStats stats = new TransportStats();
  final Hub hub = new Hub();
  final Transport transport;
  final XrplDialect dialect;

  XrplHarness() {
    this(XrplConfig.forTests());
  }

  XrplHarness(XrplConfig config) {
    this(config, TransportConfig.forTests());
  }

  XrplHarness(XrplConfig config, TransportConfig tc) {
    transport = new Transport(tc, stats);
    dialect = new XrplDialect(hub, config, tc.outbox(), stats, "test");
    dialect.install(transport.routes());
    transport.start();
    dialect.start();
  }

  /** The demo recording, replayed in a loop at this rate. */
  static XrplConfig replaying(double rate) {
    return XrplConfig.forTests().withReplay(new XrplConfig.Replay(RECORDING, rate, true));
  }

  int port() {
    return transport.port(XrplDialect.LISTENER);
  }

  String url() {
    return "ws://127.0.0.1:" + port() + "/";
  }

  WsClient connect() throws Exception {
    return new WsClient(url());
  }

  @Override
  public void close() {
    dialect.close();
    transport.close();
  }
}
