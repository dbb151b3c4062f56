package switchboard.bench.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's subscriber connections, all on one {@link Loop}, all handing deliveries to one sink: opened
 * together, subscribed in one pipelined burst, closed together. Set-up waits are bounded and fail with
 * a {@link BenchException} saying how far they got.
 */
public final class Subscribers implements AutoCloseable {
  /** How long setting up a connection may take; more for many ({@link #timeout}). */
  public static final Duration SET_UP = Duration.ofSeconds(30);

  private final Loop loop;
  private final Protocol protocol;
  private final List<Conn> conns = new ArrayList<>();

  private Subscribers(Loop loop, Protocol protocol) {
    this.loop = loop;
    this.protocol = protocol;
  }

  /** Opens {@code count} connections to the run's target and waits until each is up. */
  public static Subscribers connect(RunContext ctx, int count, DeliverySink sink) throws InterruptedException {
    Subscribers s = new Subscribers(new Loop("subscribers-" + ctx.target().name()), ctx.target().protocol());
    try {
      Replies ready = new Replies(count);
      for (int i = 0; i < count; i++) {
        s.conns.add(s.loop.connect(ctx.target(), ctx.client("s" + i), sink, ready));
      }
      ready.await(timeout(count), ctx.target().name() + ": connecting " + count + " subscribers");
      return s;
    } catch (RuntimeException | InterruptedException e) {
      s.close();
      throw e;
    }
  }

  /**
   * Subscribes every connection to {@code interest} with sid 1 and waits for every confirmation; first
   * {@link Protocol#prepare prepares} the topic on the first connection where the protocol asks for it.
   */
  public void subscribeAll(Interest interest) throws InterruptedException {
    prepare(interest.topic());
    Replies confirmed = new Replies(conns.size());
    for (Conn c : conns) {
      c.subscribe(interest, 1, confirmed);
    }
    confirmed.await(timeout(conns.size()), "subscribing " + conns.size() + " connections");
  }

  /** Sends the protocol's {@link Protocol#prepare} request for {@code topic}, if any, and waits for its reply. */
  public void prepare(String topic) throws InterruptedException {
    byte[] request = conns.isEmpty() ? null : protocol.prepare(topic);
    if (request != null) {
      Replies prepared = new Replies(1);
      conns.get(0).request(request, prepared);
      prepared.await(SET_UP, "preparing " + topic);
    }
  }

  /** The connections, in the order opened: for a workload that gives each something of its own. */
  public List<Conn> conns() {
    return conns;
  }

  /** What was lost on the way: empty, or one note on how many connections failed and why. */
  public List<String> failures() {
    int n = loop.failedCount();
    return n == 0 ? List.of() : List.of(n + " subscriber connection(s) lost, first: " + loop.failures().get(0));
  }

  /** {@link #SET_UP}, and more for many: a thousand connections on a busy machine take a while. */
  private static Duration timeout(int count) {
    return SET_UP.plusSeconds(count / 50);
  }

  /** Closes every connection; afterwards the sink's state is safe to read. */
  @Override
  public void close() {
    loop.close();
  }
}
