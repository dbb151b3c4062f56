package switchboard.bench.harness;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The usual sink: counts deliveries and, when asked, records each one's latency, now minus the
 * intended send time its payload carries ({@link Payload}), into an HdrHistogram of nanoseconds.
 *
 * <p>Threads: written by the loop thread only. {@link #count()} and {@link #lastNanos()} may be read
 * at any time; the histogram only after the loop has been closed (which joins its thread).
 */
public final class Deliveries implements DeliverySink {
  /** Latencies above a minute are recorded as a minute. */
  private static final long HIGHEST = TimeUnit.MINUTES.toNanos(1);

  private final AtomicLong count = new AtomicLong();
  private final Histogram histogram;
  private volatile long lastNanos;
  private long unstamped;

  private Deliveries(Histogram histogram) {
    this.histogram = histogram;
  }

  /** Counts only: the cheapest, for throughput. */
  public static Deliveries counting() {
    return new Deliveries(null);
  }

  /** Counts and records latency. */
  public static Deliveries timed() {
    return new Deliveries(new Histogram(HIGHEST, 3));
  }

  @Override
  public void delivery(ByteBuffer buf, int from, int to) {
    if (histogram != null) {
      long now = System.nanoTime();
      long sent = Payload.sentAt(buf, from, to);
      if (sent < 0) {
        unstamped++;
      } else {
        histogram.recordValue(Math.min(HIGHEST, Math.max(0, now - sent)));
      }
      lastNanos = now;
    }
    count.lazySet(count.get() + 1); // one writer
  }

  public long count() {
    return count.get();
  }

  /** When the last delivery arrived ({@link System#nanoTime()}); 0 before any, or when not timed. */
  public long lastNanos() {
    return lastNanos;
  }

  /** The latencies in nanoseconds, or null when not timed; read after the loop is closed. */
  public Histogram histogram() {
    return histogram;
  }

  /** Deliveries whose payload carried no send time; read after the loop is closed. */
  public long unstamped() {
    return unstamped;
  }
}
