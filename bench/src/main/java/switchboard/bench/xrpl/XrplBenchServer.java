package switchboard.bench.xrpl;

import java.io.InputStream;
import java.time.Duration;
import switchboard.core.Hub;
import switchboard.core.delivery.Outbox;
import switchboard.transport.Transport;
import switchboard.transport.TransportConfig;
import switchboard.transport.TransportStats;
import switchboard.xrpl.XrplConfig;
import switchboard.xrpl.XrplDialect;

/**
 * The server side of {@link XrplFanout}, in a JVM of its own: the xrpl dialect alone on a transport
 * with two event loops on loopback, fed by an upstream (the load generator's stand-in rippled), as
 * {@code switchboard serve} would run it. Prints {@code xrpl-port <port>} once it listens, and stops
 * when its standard input closes.
 *
 * <p>Usage: {@code XrplBenchServer upstreamUrl sendQueueLimit}
 */
public final class XrplBenchServer {
  private XrplBenchServer() {}

  public static void main(String[] args) throws Exception {
    String upstream = args[0];
    int sendQueueLimit = Integer.parseInt(args[1]);
    // Frames up to 1 MiB: a subscribe naming 1,000 accounts is about 37 KB. Outbox bytes are bounded
    // generously; the message limit (send-queue-limit) is the one that matters here.
    TransportConfig tc = new TransportConfig("127.0.0.1", 0, 2, 10_000, 1 << 20, 65_536, Duration.ZERO, 64 * 1024,
        new Outbox.Limits(sendQueueLimit, 256L * 1024 * 1024));
    TransportStats stats = new TransportStats();
    Hub hub = new Hub();
    XrplConfig config = XrplConfig.forTests()
        .withSendQueueLimit(sendQueueLimit)
        .withUpstream(new XrplConfig.Upstream(upstream, Duration.ofMillis(100), Duration.ofSeconds(1)));
    Transport transport = new Transport(tc, stats);
    XrplDialect dialect = new XrplDialect(hub, config, tc.outbox(), stats, "bench");
    dialect.install(transport.routes());
    transport.start();
    dialect.start();
    System.out.println("xrpl-port " + transport.port(XrplDialect.LISTENER));
    System.out.flush();
    InputStream in = System.in;
    while (in.read() >= 0) {
      // runs until the load generator closes our standard input
    }
    System.out.println("published " + hub.publishedCount() + " delivered " + hub.deliveredCount()
        + " slow-consumers " + stats.of(XrplDialect.NAME).slowConsumerDisconnects());
    System.out.flush();
    dialect.close();
    transport.close();
    System.exit(0);
  }
}
