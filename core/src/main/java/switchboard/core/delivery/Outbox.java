package switchboard.core.delivery;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What one connection still has to send: writes go straight to the {@link Sink} while it takes them,
 * and queue here, in order, while it does not. The queue is bounded in messages and in bytes; the
 * first item that would pass either bound makes the connection a slow consumer: the handler is told
 * once, the item and everything after it are discarded, and the connection is expected to close.
 *
 * <p>Not thread-safe: every method runs on the connection's own thread (its event loop). Nothing here
 * blocks.
 *
 * @param <T> the item type the sink writes (a Netty frame, a byte array ...)
 */
public final class Outbox<T> {

  /** Where items go: the connection's socket. */
  public interface Sink<T> {
    /** True while the socket's own buffer has room. */
    boolean isWritable();

    /** Hands one item to the socket, without flushing. */
    void write(T item);

    /** Flushes what was written. */
    void flush();
  }

  /** Told once when the outbox passes a limit. */
  public interface SlowConsumerHandler {
    void onSlowConsumer(Outbox<?> outbox, Limit limit);
  }

  /** Which bound was passed. */
  public enum Limit {
    MESSAGES,
    BYTES
  }

  /** The bounds of the queue (what waits beyond the socket's own buffer). */
  public record Limits(int maxMessages, long maxBytes) {
    public Limits {
      if (maxMessages < 1 || maxBytes < 1) {
        throw new IllegalArgumentException("outbox limits must be positive: " + maxMessages + ", " + maxBytes);
      }
    }
  }

  private final Sink<T> sink;
  private final Limits limits;
  private final SlowConsumerHandler handler;
  private final Consumer<? super T> discard;

  private Object[] items = new Object[8];
  private int[] sizes = new int[8];
  private int head;
  private int count;
  private long queuedBytes;
  private boolean dirty;
  private boolean tripped;
  private boolean closed;
  private long written;

  /**
   * @param discard called with every item that is dropped rather than written (to release buffers)
   */
  public Outbox(Sink<T> sink, Limits limits, SlowConsumerHandler handler, Consumer<? super T> discard) {
    this.sink = Objects.requireNonNull(sink);
    this.limits = Objects.requireNonNull(limits);
    this.handler = Objects.requireNonNull(handler);
    this.discard = Objects.requireNonNull(discard);
  }

  /**
   * Writes the item, or queues it behind what is already waiting. Returns false when it was dropped:
   * the outbox is closed, or over its limit (this call may be the one that tells the handler).
   */
  public boolean offer(T item, int bytes) {
    if (closed || tripped) {
      discard.accept(item);
      return false;
    }
    if (count == 0 && sink.isWritable()) {
      write(item);
      return true;
    }
    if (count + 1 > limits.maxMessages()) {
      trip(item, Limit.MESSAGES);
      return false;
    }
    if (queuedBytes + bytes > limits.maxBytes()) {
      trip(item, Limit.BYTES);
      return false;
    }
    enqueue(item, bytes);
    return true;
  }

  /** Moves queued items to the sink while it takes them; call when the socket becomes writable. */
  public void drain() {
    while (count > 0 && !closed && sink.isWritable()) {
      @SuppressWarnings("unchecked")
      T item = (T) items[head];
      queuedBytes -= sizes[head];
      items[head] = null;
      head = (head + 1) & (items.length - 1);
      count--;
      write(item);
    }
    flush();
  }

  /** Flushes the sink if anything was written since the last flush. */
  public void flush() {
    if (dirty) {
      dirty = false;
      sink.flush();
    }
  }

  /** Drops whatever waits; later offers are discarded. */
  public void close() {
    closed = true;
    while (count > 0) {
      @SuppressWarnings("unchecked")
      T item = (T) items[head];
      items[head] = null;
      head = (head + 1) & (items.length - 1);
      count--;
      discard.accept(item);
    }
    queuedBytes = 0;
  }

  /** Items waiting for the socket. */
  public int queuedMessages() {
    return count;
  }

  /** Bytes waiting for the socket, as the offers counted them. */
  public long queuedBytes() {
    return queuedBytes;
  }

  /** Items handed to the sink so far. */
  public long writtenMessages() {
    return written;
  }

  /** True once a limit was passed. */
  public boolean isSlowConsumer() {
    return tripped;
  }

  public boolean isClosed() {
    return closed;
  }

  private void write(T item) {
    sink.write(item);
    written++;
    dirty = true;
  }

  private void trip(T item, Limit limit) {
    tripped = true;
    discard.accept(item);
    handler.onSlowConsumer(this, limit);
  }

  private void enqueue(T item, int bytes) {
    if (count == items.length) {
      grow();
    }
    int tail = (head + count) & (items.length - 1);
    items[tail] = item;
    sizes[tail] = bytes;
    count++;
    queuedBytes += bytes;
  }

  private void grow() {
    int n = items.length * 2;
    Object[] ni = new Object[n];
    int[] ns = new int[n];
    for (int i = 0; i < count; i++) {
      int j = (head + i) & (items.length - 1);
      ni[i] = items[j];
      ns[i] = sizes[j];
    }
    items = ni;
    sizes = ns;
    head = 0;
  }
}
