package switchboard.bench.harness.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import switchboard.bench.harness.Conn;
import switchboard.bench.harness.DeliverySink;
import switchboard.bench.harness.Interest;
import switchboard.bench.harness.Metric;
import switchboard.bench.harness.Profile;
import switchboard.bench.harness.Progress;
import switchboard.bench.harness.Publishing;
import switchboard.bench.harness.Replies;
import switchboard.bench.harness.RunContext;
import switchboard.bench.harness.RunResult;
import switchboard.bench.harness.Subscribers;
import switchboard.bench.harness.Target;
import switchboard.bench.harness.Workload;

/**
 * {@code subs-N-1conn}: one connection subscribes to N distinct topics, pipelined with at most
 * {@value #WINDOW} requests unanswered, until every subscription is confirmed; the server's memory is
 * measured ({@link ServerMemory}) before the first subscribe and after the last confirmation; then
 * the same connection unsubscribes from all of them the same way. Figures: subscribes and
 * unsubscribes per second (first request sent to last reply) and the server's bytes per
 * subscription. Nothing is published. A run's "deliveries" are the replies: 2N expected.
 */
public final class SubscribeChurn implements Workload {
  /** Requests sent and not yet answered, at most. */
  static final int WINDOW = 5_000;
  private static final long WAIT_NANOS = 20_000;

  private final int subscriptions;

  SubscribeChurn(int subscriptions) {
    this.subscriptions = subscriptions;
  }

  /** N = 1,000 (smoke), 100,000 (quick, and full with its repetitions). */
  public static List<Workload> cases(Profile p) {
    return List.of(new SubscribeChurn(p.pick(1_000, 20_000, 100_000)));
  }

  @Override
  public String name() {
    return "subs-" + (subscriptions % 1000 == 0 ? subscriptions / 1000 + "k" : Integer.toString(subscriptions)) + "-1conn";
  }

  @Override
  public String method() {
    return "1 connection subscribes to " + subscriptions + " distinct topics, pipelined with at most " + WINDOW + " requests "
        + "unanswered, then unsubscribes from all of them the same way; subscribes and unsubscribes per second, first request to "
        + "last reply. Bytes per subscription: the server's memory after the last subscribe's reply minus before the first, "
        + "divided by " + subscriptions + ", as each server counts what it has allocated, since a resident set keeps what earlier "
        + "runs freed: Switchboard (a JVM) the bytes of live objects after a full GC (jcmd GC.class_histogram), redis-server "
        + "used_memory (INFO memory), mosquitto $SYS/broker/heap/current (waiting up to 12 s for it to be published); "
        + "nats-server tells only its resident set (VmRSS after a 300 ms settle), which is meaningful on a fresh server only";
  }

  /** Not on a protocol whose every topic must be created first: this workload uses thousands. */
  @Override
  public boolean supports(Target target) {
    return !target.protocol().preparesTopics();
  }

  @Override
  public List<Metric> metrics() {
    return List.of(
        Metric.compared("subscribe_per_s", "subscribes/s", true),
        Metric.compared("unsubscribe_per_s", "unsubscribes/s", true),
        Metric.compared("bytes_per_subscription", "server bytes per subscription", false));
  }

  @Override
  public RunResult run(RunContext ctx) throws Exception {
    Target target = ctx.target();
    String prefix = ctx.topic("c");
    DeliverySink nothing = (buf, from, to) -> { };
    List<String> notes = new ArrayList<>();
    long before;
    long after = -1;
    double subscribeSeconds = Double.NaN;
    double unsubscribeSeconds = Double.NaN;
    long sent;
    long replies;
    String stalled = null;
    ServerMemory memory = new ServerMemory(target);
    try (memory; Subscribers subs = Subscribers.connect(ctx, 1, nothing)) {
      Conn conn = subs.conns().get(0);
      before = memory.bytes();
      Replies subscribed = new Replies(subscriptions);
      long start = System.nanoTime();
      sent = pipeline(i -> conn.subscribe(Interest.topic(prefix + i), i + 1, subscribed), subscribed, target.name() + ": subscribing");
      replies = subscribed.arrived();
      if (replies < subscriptions) {
        stalled = "subscribing";
      } else {
        subscribeSeconds = (System.nanoTime() - start) / 1e9;
        after = memory.bytes();
        Replies unsubscribed = new Replies(subscriptions);
        start = System.nanoTime();
        sent += pipeline(i -> conn.unsubscribe(Interest.topic(prefix + i), i + 1, unsubscribed), unsubscribed,
            target.name() + ": unsubscribing");
        replies += unsubscribed.arrived();
        if (unsubscribed.arrived() < subscriptions) {
          stalled = "unsubscribing";
        } else {
          unsubscribeSeconds = (System.nanoTime() - start) / 1e9;
        }
      }
      notes.addAll(subs.failures());
    }
    long expected = 2L * subscriptions;
    if (stalled != null) {
      notes.add("stalled " + stalled + ": no reply for " + Publishing.STALL.toSeconds() + " s");
    }
    if (replies != expected) {
      notes.add(String.format("incomplete: %,d of %,d replies", replies, expected));
    }
    if (memory.problem() != null) {
      notes.add("memory unknown: " + memory.problem());
    } else if (after >= 0 && before >= 0 && after < before) {
      notes.add("the server's " + memory.measure().description + " fell while it took " + subscriptions + " subscriptions");
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("subscribe_per_s", subscriptions / subscribeSeconds);
    figures.put("unsubscribe_per_s", subscriptions / unsubscribeSeconds);
    figures.put("bytes_per_subscription", before < 0 || after < 0 ? Double.NaN : (after - before) / (double) subscriptions);
    figures.put("memory_before_bytes", before < 0 ? Double.NaN : before);
    figures.put("memory_after_bytes", after < 0 ? Double.NaN : after);
    figures.put("memory_is_live_heap", memory.measure() == ServerMemory.Measure.LIVE_HEAP ? 1.0 : 0.0);
    double seconds = (Double.isNaN(subscribeSeconds) ? 0 : subscribeSeconds) + (Double.isNaN(unsubscribeSeconds) ? 0 : unsubscribeSeconds);
    return new RunResult(name(), target.name(), ctx.repetition(), sent, replies, expected, seconds, figures, notes);
  }

  /**
   * Sends requests {@code 0..N-1} with {@code send}, keeping at most {@link #WINDOW} unanswered, and
   * waits for every reply. Returns the number sent; fewer replies than that have arrived when nothing
   * moved for {@link Publishing#STALL}.
   *
   * @throws switchboard.bench.harness.BenchException when a request was refused or the connection lost
   */
  private long pipeline(IntConsumer send, Replies replies, String what) throws InterruptedException {
    Progress progress = new Progress();
    int sent = 0;
    while (true) {
      int arrived = replies.arrived();
      if (replies.isDone()) {
        replies.await(Duration.ZERO, what); // throws if it failed
        if (arrived == subscriptions) {
          return sent;
        }
      }
      if (sent < subscriptions && sent - arrived < WINDOW) {
        int n = Math.min(subscriptions - sent, WINDOW - (sent - arrived));
        for (int i = 0; i < n; i++) {
          send.accept(sent++);
        }
        continue;
      }
      if (progress.stalled(arrived)) {
        return sent;
      }
      LockSupport.parkNanos(WAIT_NANOS);
    }
  }
}
