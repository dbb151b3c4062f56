package switchboard.bench.harness;

import java.io.IOException;
import java.time.Duration;

/**
 * How a workload publishes on a target: it makes a {@link Message} for a topic and payload, adds
 * messages to a batch, sends the batch, and polls between batches. Most targets take publishes on a
 * socket of their own ({@link Publisher}, which builds a message's frame once and writes it as often
 * as it is added); a target whose messages come from elsewhere brings its own (the xrpl dialect's
 * come from its upstream rippled, and every one must be a transaction of its own).
 *
 * <p>Not thread-safe: one workload thread owns it.
 */
public interface Publishing extends AutoCloseable {
  /** A publisher that takes nothing, or a run in which nothing moves, for this long is stalled. */
  Duration STALL = Duration.ofSeconds(10);

  /** Opens a run's publisher on a target. */
  @FunctionalInterface
  interface Opener {
    /**
     * Opens it, ready to publish (connected, its hello answered) within {@code timeout}.
     *
     * @throws BenchException when the target does not get ready in time or refuses
     */
    Publishing open(Target target, String clientName, Duration timeout) throws IOException, InterruptedException;
  }

  /** One message, to be added to its publisher's batches as often as wanted. */
  @FunctionalInterface
  interface Message {
    /** Appends one more of it to the batch. */
    void add();
  }

  /**
   * A message to {@code topic} carrying {@code payload}, which the subscribers receive byte for byte.
   * The payload may be read again at each {@link Message#add}: it must not change while the message
   * is in use.
   */
  Message message(String topic, byte[] payload);

  /** Appends one message to the batch, for a payload that is used once. */
  default void add(String topic, byte[] payload) {
    message(topic, payload).add();
  }

  /**
   * Sends the batch whole and begins a new one, handling what the server sends back meanwhile.
   *
   * @return false when nothing could be sent for {@link #STALL}
   * @throws BenchException when the server refused something or closed the connection
   */
  boolean send() throws IOException;

  /** Handles whatever the server has sent back, without waiting; called between batches. */
  void poll() throws IOException;

  @Override
  void close() throws IOException;
}
