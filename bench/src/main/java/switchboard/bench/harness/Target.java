package switchboard.bench.harness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * One thing measured: a server spoken to in one protocol at one address, e.g. {@code nats} (NATS over
 * TCP on nats-server) or {@code switchboard-amps-ws} (the amps dialect over WebSocket on Switchboard).
 * Several targets may share a server, whose process gives the CPU and memory figures.
 *
 * @param name the name in results; Switchboard's targets start with {@value #OURS}, which is how
 *     the report knows which side of a ratio is ours
 * @param publishing how a run's publisher is opened: a {@link Publisher} on the target's address,
 *     unless its messages come from somewhere else
 */
public record Target(String name, Protocol protocol, InetSocketAddress address, ServerProcess server, Publishing.Opener publishing) {
  public static final String OURS = "switchboard-";

  /** A target published to through its own protocol, on a {@link Publisher}. */
  public Target(String name, Protocol protocol, InetSocketAddress address, ServerProcess server) {
    this(name, protocol, address, server, Publisher::open);
  }

  /** Opens a run's publisher, ready within {@code timeout}. */
  public Publishing publisher(String clientName, Duration timeout) throws IOException, InterruptedException {
    return publishing.open(this, clientName, timeout);
  }

  @Override
  public String toString() {
    return name + " (" + protocol.name() + " at " + address.getHostString() + ":" + address.getPort() + ")";
  }
}
