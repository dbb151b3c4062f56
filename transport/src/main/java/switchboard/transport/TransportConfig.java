package switchboard.transport;

import java.time.Duration;
import switchboard.core.delivery.Outbox;

/**
 * The transport's listeners and limits.
 *
 * @param host the main HTTP listener's address
 * @param httpPort its port; 0 for any free port
 * @param ioThreads event loops; 0 for Netty's default (twice the cores)
 * @param maxConnections open connections across every listener; more are closed on accept
 * @param maxFrameBytes the largest WebSocket message or TCP frame
 * @param maxHttpBodyBytes the largest plain HTTP request body
 * @param idleTimeout a connection that sends nothing for this long is closed (WebSocket: pinged
 *     first, closed after a second silent period); zero for never
 * @param writeBufferHighWater bytes in a socket's own buffer before the connection's outbox queues
 * @param outbox how much one connection may have queued beyond that before it is a slow consumer
 */
public record TransportConfig(
    String host,
    int httpPort,
    int ioThreads,
    int maxConnections,
    int maxFrameBytes,
    int maxHttpBodyBytes,
    Duration idleTimeout,
    int writeBufferHighWater,
    Outbox.Limits outbox) {

  /** Defaults on an ephemeral port on loopback, for tests. */
  public static TransportConfig forTests() {
    return new TransportConfig("127.0.0.1", 0, 2, 1_000, 65_536, 65_536, Duration.ZERO, 64 * 1024,
        new Outbox.Limits(10_000, 8 * 1024 * 1024));
  }

  public TransportConfig withMaxConnections(int n) {
    return new TransportConfig(host, httpPort, ioThreads, n, maxFrameBytes, maxHttpBodyBytes, idleTimeout, writeBufferHighWater, outbox);
  }

  public TransportConfig withIdleTimeout(Duration d) {
    return new TransportConfig(host, httpPort, ioThreads, maxConnections, maxFrameBytes, maxHttpBodyBytes, d, writeBufferHighWater, outbox);
  }

  public TransportConfig withOutbox(Outbox.Limits limits, int highWater) {
    return new TransportConfig(host, httpPort, ioThreads, maxConnections, maxFrameBytes, maxHttpBodyBytes, idleTimeout, highWater, limits);
  }
}
