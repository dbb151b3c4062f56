package switchboard.bench.harness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import switchboard.bench.harness.proto.AmpsTcp;
import switchboard.bench.harness.proto.AmpsWs;
import switchboard.bench.harness.proto.Devicehive;
import switchboard.bench.harness.proto.DhToken;
import switchboard.bench.harness.proto.Mqtt;
import switchboard.bench.harness.proto.Nats;
import switchboard.bench.harness.proto.NatsWs;
import switchboard.bench.harness.proto.Redis;
import switchboard.bench.harness.proto.Xrpl;
import switchboard.bench.harness.proto.XrplPublisher;

/** The registry of targets the harness can start and measure, one line each. */
public final class Targets {
  /**
   * A target the harness can set up: its name, the server it runs on, its protocol and port there,
   * and how its publishers are opened.
   */
  public record Def(String name, Servers.Kind server, Supplier<Protocol> protocol, int port, Publishers publishers) {
    /** A target published to on a {@link Publisher} of its own protocol. */
    Def(String name, Servers.Kind server, Supplier<Protocol> protocol, int port) {
      this(name, server, protocol, port, servers -> Publisher::open);
    }

    /** The target on its server, once {@code servers} has started that. */
    public Target on(ServerProcess process, Servers servers) throws IOException {
      return new Target(name, protocol.get(), new InetSocketAddress(Servers.HOST, port), process, publishers.opener(servers));
    }
  }

  /** How a target's publishers are opened, given what the harness has started. */
  @FunctionalInterface
  public interface Publishers {
    Publishing.Opener opener(Servers servers) throws IOException;
  }

  private static final List<Def> ALL = List.of(
      new Def("switchboard-amps", Servers.Kind.SWITCHBOARD, AmpsTcp::new, Servers.SWITCHBOARD_AMPS),
      new Def("switchboard-amps-ws", Servers.Kind.SWITCHBOARD, AmpsWs::new, Servers.SWITCHBOARD_HTTP),
      new Def("switchboard-devicehive", Servers.Kind.SWITCHBOARD,
          () -> new Devicehive(DhToken.admin(Servers.DEVICEHIVE_SECRET, java.time.Duration.ofHours(6))), Servers.SWITCHBOARD_HTTP),
      new Def("switchboard-xrpl", Servers.Kind.SWITCHBOARD, Xrpl::new, Servers.SWITCHBOARD_XRPL,
          servers -> XrplPublisher.on(servers.xrplUpstream())),
      new Def("nats", Servers.Kind.NATS, Nats::new, Servers.NATS),
      new Def("nats-ws", Servers.Kind.NATS, NatsWs::new, Servers.NATS_WS),
      new Def("redis", Servers.Kind.REDIS, Redis::new, Servers.REDIS),
      new Def("mosquitto", Servers.Kind.MOSQUITTO, Mqtt::new, Servers.MOSQUITTO));

  private Targets() {}

  public static List<Def> all() {
    return ALL;
  }

  /**
   * The targets a run takes when none is named: Switchboard's amps over TCP and the three peers over
   * TCP. The WebSocket targets (amps-ws, devicehive, xrpl, nats-ws) are named to be added.
   */
  public static List<Def> defaults() {
    return ALL.stream().filter(d -> List.of("switchboard-amps", "nats", "redis", "mosquitto").contains(d.name())).toList();
  }

  /** The target of this name. */
  public static Def named(String name) {
    return ALL.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow(() -> new BenchException(
        "no target " + name + "; known: " + ALL.stream().map(Def::name).collect(Collectors.joining(", "))));
  }
}
