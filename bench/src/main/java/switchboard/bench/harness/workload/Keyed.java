package switchboard.bench.harness.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import switchboard.bench.harness.Deliveries;
import switchboard.bench.harness.Interest;
import switchboard.bench.harness.Meter;
import switchboard.bench.harness.Metric;
import switchboard.bench.harness.Payload;
import switchboard.bench.harness.Profile;
import switchboard.bench.harness.Publishing;
import switchboard.bench.harness.Replies;
import switchboard.bench.harness.RunContext;
import switchboard.bench.harness.RunResult;
import switchboard.bench.harness.Subscribers;
import switchboard.bench.harness.Target;
import switchboard.bench.harness.Workload;

/**
 * {@code keyed-K}: K subscriptions, each on a key of its own (a device id, an account, a subject),
 * and messages that each touch two keys. A key is a topic in every protocol here (an amps topic, a
 * NATS subject, a Redis channel, an MQTT topic, an XRPL account in {@code accounts}, to which a
 * transaction by that account is published): subscription i is on topic {@code k<i>}, spread round
 * robin over {@value #CONNECTIONS} connections (fewer when K is smaller) and subscribed in one
 * pipelined burst per connection. A message is two publishes, to two distinct keys drawn from a
 * random sequence with a fixed seed (the same keys in the same order on every target), each
 * delivered to the one subscription on its key. Closed loop as in {@link Fanout}. The point is the
 * comparison of {@code keyed-100k} with {@code keyed-100}, the same run with 100 subscriptions: how
 * much holding many subscriptions slows the routing of a keyed publish.
 */
public final class Keyed implements Workload {
  static final int CONNECTIONS = 100;
  /** Publishes per message: the keys it touches. */
  static final int KEYS_PER_MESSAGE = 2;
  private static final long SEED = 0x5EEDL;
  /** Messages in flight at most beyond what has been delivered. */
  private static final long WINDOW = 2_000;

  private final int keys;
  private final long messages;
  private final long seconds;

  Keyed(int keys, long messages, long seconds) {
    if (keys < KEYS_PER_MESSAGE) {
      throw new IllegalArgumentException("a message touches " + KEYS_PER_MESSAGE + " distinct keys: at least that many are needed");
    }
    this.keys = keys;
    this.messages = messages;
    this.seconds = seconds;
  }

  /** K = 100 and 1,000 (smoke, a few hundred messages), 100 and 100,000 (quick, 3 s; full, 10 s). */
  public static List<Workload> cases(Profile p) {
    List<Integer> sizes = p.pick(List.of(100, 1_000), List.of(100, 100_000), List.of(100, 100_000));
    long messages = p.pick(300L, 2_000_000L, 10_000_000L);
    long seconds = p.pick(60L, 3L, 5L);
    return sizes.stream().<Workload>map(k -> new Keyed(k, messages, seconds)).toList();
  }

  @Override
  public String name() {
    return "keyed-" + (keys % 1000 == 0 ? keys / 1000 + "k" : Integer.toString(keys));
  }

  private int connections() {
    return Math.min(CONNECTIONS, keys);
  }

  @Override
  public String method() {
    return keys + " subscriptions, each on a topic of its own (the key), " + connections() + " subscriber connections of "
        + (keys / connections()) + (keys % connections() == 0 ? "" : "+") + ", subscribed pipelined; 1 publisher, each message "
        + "published to " + KEYS_PER_MESSAGE + " distinct keys drawn at random (fixed seed, the same sequence on every target), "
        + "each delivery counted; closed loop with at most " + WINDOW + " messages in flight, batches of " + Fanout.BATCH + "; up to "
        + messages + " messages or " + seconds + " s; delivered messages per second and per server CPU-second, and subscribe "
        + "operations per second while setting up. Compare keyed-100k with keyed-100, the same run with 100 subscriptions";
  }

  /** Not on a protocol whose every topic must be created first: this workload uses thousands. */
  @Override
  public boolean supports(Target target) {
    return !target.protocol().preparesTopics();
  }

  @Override
  public List<Metric> metrics() {
    return List.of(
        ClosedLoop.DELIVERED,
        ClosedLoop.PER_SERVER_CPU,
        Metric.shown("subscribe_per_s", "set-up subscribes/s", true),
        Metric.shown("server_rss_mib", "server RSS MiB", false));
  }

  @Override
  public RunResult run(RunContext ctx) throws Exception {
    Target target = ctx.target();
    String prefix = ctx.topic("k");
    long limit = ctx.scaled(messages);
    long nanosLimit = ctx.scaled(seconds) * 1_000_000_000L;
    int conns = connections();
    Deliveries sink = Deliveries.counting();
    List<String> notes = new ArrayList<>();
    ClosedLoop.Outcome loop;
    Meter meter;
    double subscribeSeconds;
    long rssKib;
    try (Subscribers subs = Subscribers.connect(ctx, conns, sink)) {
      Replies confirmed = new Replies(keys);
      long setUp = System.nanoTime();
      for (int i = 0; i < keys; i++) {
        subs.conns().get(i % conns).subscribe(Interest.topic(prefix + i), i / conns + 1, confirmed);
      }
      confirmed.await(Subscribers.SET_UP.plusSeconds(keys / 2_000), target.name() + ": subscribing to " + keys + " keys");
      subscribeSeconds = (System.nanoTime() - setUp) / 1e9;
      try (Publishing pub = target.publisher(ctx.client("p"), Subscribers.SET_UP)) {
        byte[] payload = Payload.of(Fanout.PAYLOAD, System.nanoTime());
        Publishing.Message[] messages = new Publishing.Message[keys];
        for (int i = 0; i < keys; i++) {
          messages[i] = pub.message(prefix + i, payload);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        meter = Meter.start(target.server());
        loop = ClosedLoop.run(pub, sink, meter, limit, nanosLimit, WINDOW * KEYS_PER_MESSAGE, (first, n) -> {
          for (int i = 0; i < n; i++) {
            int a = random.nextInt(keys);
            int b = random.nextInt(keys - 1);
            messages[a].add();
            messages[b < a ? b : b + 1].add();
          }
          return (long) n * KEYS_PER_MESSAGE;
        });
        rssKib = target.server().rssKib();
      }
      notes.addAll(subs.failures());
    }
    long delivered = sink.count();
    Map<String, Double> own = new LinkedHashMap<>();
    own.put("subscribe_per_s", keys / subscribeSeconds);
    own.put("server_rss_mib", rssKib < 0 ? Double.NaN : rssKib / 1024.0);
    own.put("subscriptions", (double) keys);
    return loop.result(name(), ctx, meter, delivered, own, notes);
  }
}
