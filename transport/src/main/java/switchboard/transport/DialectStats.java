package switchboard.transport;

import java.util.concurrent.atomic.LongAdder;

/** Counters of one dialect's connections (or of plain HTTP, as "http"). Written on event loops, read by /metrics. */
public final class DialectStats {
  final LongAdder opened = new LongAdder();
  final LongAdder closed = new LongAdder();
  final LongAdder messagesIn = new LongAdder();
  final LongAdder messagesOut = new LongAdder();
  final LongAdder bytesIn = new LongAdder();
  final LongAdder bytesOut = new LongAdder();
  final LongAdder slowConsumers = new LongAdder();
  final LongAdder rejectedFrames = new LongAdder();

  public long connections() {
    return opened.sum() - closed.sum();
  }

  public long connectionsOpened() {
    return opened.sum();
  }

  public long messagesIn() {
    return messagesIn.sum();
  }

  public long messagesOut() {
    return messagesOut.sum();
  }

  public long bytesIn() {
    return bytesIn.sum();
  }

  public long bytesOut() {
    return bytesOut.sum();
  }

  /** Connections closed because their outbox passed its limit. */
  public long slowConsumerDisconnects() {
    return slowConsumers.sum();
  }

  /** Frames refused for size or framing; their connections were closed. */
  public long rejectedFrames() {
    return rejectedFrames.sum();
  }

  /** Counts one message a dialect received (the transport counts frames; a dialect may count more). */
  public void messageIn() {
    messagesIn.increment();
  }
}
