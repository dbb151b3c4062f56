package switchboard.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import switchboard.amps.AmpsDialect;
import switchboard.bench.harness.proto.AmpsTcp;
import switchboard.bench.harness.proto.AmpsWs;
import switchboard.bench.harness.proto.Devicehive;
import switchboard.bench.harness.proto.DhToken;
import switchboard.bench.harness.proto.Xrpl;
import switchboard.bench.harness.proto.XrplPublisher;
import switchboard.bench.harness.proto.XrplUpstream;
import switchboard.server.Server;
import switchboard.server.config.ConfigLoader;
import switchboard.xrpl.XrplDialect;

/**
 * The harness end to end on its {@code smoke} profile against Switchboard alone, started in this JVM
 * on free ports and given to the harness as an external server: every workload runs on every
 * Switchboard target, every message arrives, every latency is recorded, and the report names every
 * run. The xrpl dialect is fed by the harness's stand-in rippled, as in a bench. Nothing here depends
 * on how fast anything is.
 */
class HarnessSmokeIT {
  private static final Pattern FILTER = Pattern.compile("filter-1x(\\d+)-sel(\\d+)pct");

  private Server server;
  private XrplUpstream upstream;
  private Server xrplServer;

  @BeforeEach
  void start() throws Exception {
    // an outbox of 1 MiB rather than 16: the smoke profile's slow consumer is sent some 10 MB, of which
    // the kernel's socket buffers hold about 4, so that it passes the limit and is cut
    server = new Server(ConfigLoader.load(null, List.of(
        "http.host=127.0.0.1", "http.port=0", "amps.tcp-host=127.0.0.1", "amps.tcp-port=0", "xrpl.host=127.0.0.1", "xrpl.port=0",
        "limits.outbox-max-bytes=1048576",
        "store.url=jdbc:h2:mem:harness-" + UUID.randomUUID(), "devicehive.jwt.secret=" + Servers.DEVICEHIVE_SECRET))).start();
    // the xrpl dialect on a server of its own, fed by the stand-in rippled as in a bench. Its slow
    // consumer is cut by xrpl's own bound, in messages: 3000 (some 6.6 MB, a message being a transaction
    // around the 1 KB payload) rather than rippled's 100 or the 1 MiB above, so that the slow one, sent
    // some 22 MB, passes it and the ten that read do not when the machine is busy
    upstream = new XrplUpstream("127.0.0.1", 0);
    upstream.start();
    xrplServer = new Server(ConfigLoader.load(null, List.of(
        "http.host=127.0.0.1", "http.port=0", "amps.enabled=false", "devicehive.enabled=false",
        "xrpl.host=127.0.0.1", "xrpl.port=0", "xrpl.send-queue-limit=3000",
        "xrpl.upstream.url=" + upstream.url(), "xrpl.upstream.reconnect-min=100ms",
        "store.url=jdbc:h2:mem:harness-xrpl-" + UUID.randomUUID()))).start();
  }

  @AfterEach
  void stop() throws Exception {
    try (XrplUpstream up = upstream) {
      xrplServer.close();
      server.close();
    }
  }

  /** Every Switchboard target the smoke test covers, on the in-process server's ports. */
  private List<Target> targets() {
    ServerProcess self = ServerProcess.external("switchboard", "in-process", ProcessHandle.current().pid());
    InetSocketAddress http = local(server.port("http"));
    return List.of(
        new Target("switchboard-amps", new AmpsTcp(), local(server.port(AmpsDialect.TCP_LISTENER)), self),
        new Target("switchboard-amps-ws", new AmpsWs(), http, self),
        new Target("switchboard-devicehive", new Devicehive(DhToken.admin(Servers.DEVICEHIVE_SECRET, Duration.ofHours(1))), http, self),
        new Target("switchboard-xrpl", new Xrpl(), local(xrplServer.port(XrplDialect.LISTENER)), self, XrplPublisher.on(upstream)));
  }

  private static InetSocketAddress local(int port) {
    return new InetSocketAddress("127.0.0.1", port);
  }

  @Test
  void smokeProfileDeliversEveryMessageAndReportsEveryRun(@TempDir Path out) throws Exception {
    List<Target> targets = targets();
    List<Workload> workloads = Workloads.of(Profile.SMOKE);

    Report report = Bench.run(Profile.SMOKE, 1, workloads, targets, out, System.out, Proc.loadAverage(), Map.of());

    List<RunResult> runs = report.summary().results();
    long supported = workloads.stream().mapToLong(w -> targets.stream().filter(w::supports).count()).sum();
    assertThat(runs).hasSize((int) supported);
    // every workload runs on xrpl too, each message a transaction of its own from the stand-in rippled
    assertThat(runs.stream().filter(r -> r.target().equals("switchboard-xrpl")).map(RunResult::workload))
        .containsExactlyInAnyOrderElementsOf(workloads.stream().map(Workload::name).toList());
    for (RunResult r : runs) {
      String run = r.workload() + " on " + r.target() + " " + r.notes();
      assertThat(r.sent()).as(run).isPositive();
      assertThat(r.expected()).as(run).isPositive();
      assertThat(r.delivered()).as(run).isEqualTo(r.expected());
      assertThat(r.notes()).as(run).noneMatch(n -> n.startsWith("failed") || n.startsWith("stalled") || n.startsWith("incomplete") || n.contains("lost"));
      if (r.figures().containsKey("recorded")) { // the workloads that time every delivery
        assertThat(r.figure("recorded")).as(run).isEqualTo((double) r.delivered());
      }
      if (r.workload().startsWith("keyed-")) { // each message touches two keys, each with one subscriber
        assertThat(r.expected()).as(run).isEqualTo(2 * r.sent());
      }
      Matcher filter = FILTER.matcher(r.workload());
      if (filter.matches()) { // each message reaches exactly its selectivity's share of the subscribers
        long subscribers = Long.parseLong(filter.group(1));
        long percent = Long.parseLong(filter.group(2));
        assertThat(r.expected()).as(run).isEqualTo(r.sent() * subscribers * percent / 100);
      }
      if (r.workload().startsWith("subs-")) { // every subscribe and unsubscribe answered; memory read
        assertThat(r.sent()).as(run).isEqualTo(r.expected());
        assertThat(r.figure("subscribe_per_s")).as(run).isPositive();
        assertThat(r.figure("unsubscribe_per_s")).as(run).isPositive();
        assertThat(r.figure("memory_is_live_heap")).as(run).isEqualTo(1.0);
        assertThat(r.figure("bytes_per_subscription")).as(run).isNotNaN();
      }
      if (r.workload().startsWith("unsub-effect")) {
        // what Switchboard promises: once the unsubscribe is answered, nothing more for it
        assertThat(r.figure("unsubscribes")).as(run).isEqualTo((double) r.expected());
        assertThat(r.figure("after_reply")).as(run).isZero();
      }
      if (r.workload().startsWith("slow-consumer")) {
        assertThat(r.figure("cut")).as(run + ": the slow subscriber was cut").isEqualTo(1.0);
      }
      if (r.workload().startsWith("idle-conns")) {
        // every connection said its hello and subscribed
        assertThat(r.figure("connections_up")).as(run).isEqualTo((double) r.expected());
      }
    }

    JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    assertThat(json.path("profile").asText()).isEqualTo("smoke");
    assertThat(json.path("machine").path("cores").asInt()).isPositive();
    List<String> named = new ArrayList<>();
    json.path("runs").forEach(r -> named.add(r.path("workload").asText() + " " + r.path("target").asText()));
    List<String> expected = new ArrayList<>();
    for (Workload w : workloads) {
      for (Target t : targets) {
        if (w.supports(t)) {
          expected.add(w.name() + " " + t.name());
        }
      }
    }
    assertThat(named).containsExactlyInAnyOrderElementsOf(expected);
    String table = Files.readString(out.resolve("table.md"));
    String chart = Files.readString(out.resolve("chart.svg"));
    for (Workload w : workloads) {
      assertThat(table).contains("## " + w.name());
      assertThat(chart).contains(w.name());
    }
  }
}
