package switchboard.bench.harness;

import java.net.InetSocketAddress;

/**
 * One thing measured: a server spoken to in one protocol at one address, e.g. {@code nats} (NATS over
 * TCP on nats-server) or {@code switchboard-amps-ws} (the amps dialect over WebSocket on Switchboard).
 * Several targets may share a server, whose process gives the CPU and memory figures.
 *
 * @param name the name in results; Switchboard's targets start with {@value #OURS}, which is how
 *     the report knows which side of a ratio is ours
 */
public record Target(String name, Protocol protocol, InetSocketAddress address, ServerProcess server) {
  public static final String OURS = "switchboard-";

  @Override
  public String toString() {
    return name + " (" + protocol.name() + " at " + address.getHostString() + ":" + address.getPort() + ")";
  }
}
