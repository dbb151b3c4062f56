package switchboard.client;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The messages of a subscription or query, to be pulled one at a time instead of handled by a callback.
 *
 * <p>A query stream ({@link AmpsClient#sowStream}) ends after its {@code group_end}. A subscription
 * stream ends when it is closed or unsubscribed. Either ends when the connection fails; then
 * {@link #next(Duration)} throws the {@link DisconnectedException} once the messages already received
 * have been taken. Messages are buffered without limit until taken.
 */
public final class MessageStream implements AutoCloseable {
  private static final Object END = new Object();

  private final AmpsClient client;
  private final boolean endsAtGroupEnd;
  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private volatile Subscription subscription;
  private volatile boolean ended;
  private volatile Throwable failure;
  private volatile boolean drained;

  MessageStream(AmpsClient client, boolean endsAtGroupEnd) {
    this.client = client;
    this.endsAtGroupEnd = endsAtGroupEnd;
  }

  void attach(Subscription s) {
    this.subscription = s;
  }

  /** Receiving thread: one more message. */
  void deliver(Message m) {
    if (ended) {
      return;
    }
    queue.add(m);
    if (endsAtGroupEnd && "group_end".equals(m.command())) {
      end(null);
    }
  }

  /** No more messages will come; a non-null cause is thrown to the reader after the last message. */
  void end(Throwable cause) {
    if (ended) {
      return;
    }
    failure = cause;
    ended = true;
    queue.add(END);
  }

  /**
   * The next message, waiting at most {@code timeout}; null when none came in time, or when the stream
   * has ended normally and every message has been taken.
   *
   * @throws AmpsException when the stream ended because the query or the connection failed
   * @throws InterruptedException when interrupted while waiting
   */
  public Message next(Duration timeout) throws InterruptedException {
    if (drained) {
      return endOfStream();
    }
    Object o = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    if (o == END) {
      drained = true;
      return endOfStream();
    }
    return (Message) o;
  }

  /** The next message if one is already here, else null (see {@link #next(Duration)}). */
  public Message poll() {
    try {
      return next(Duration.ZERO);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private Message endOfStream() {
    Throwable f = failure;
    if (f instanceof AmpsException a) {
      throw a;
    }
    if (f != null) {
      throw new AmpsException("stream failed: " + f, f);
    }
    return null;
  }

  /** Whether the stream has ended and every message in it has been taken. */
  public boolean isComplete() {
    return drained;
  }

  /** The subscription behind a subscription stream; null for a query stream. */
  public Subscription subscription() {
    return subscription;
  }

  /**
   * Ends the stream; a subscription stream also unsubscribes (without waiting for the ack). Messages
   * already received can still be taken.
   */
  @Override
  public void close() {
    Subscription s = subscription;
    if (s != null && !ended && client.isConnected()) {
      s.unsubscribe();
    }
    end(null);
  }
}
