package switchboard.bench.harness.workload;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import switchboard.bench.harness.Deliveries;
import switchboard.bench.harness.Payload;
import switchboard.bench.harness.Progress;
import switchboard.bench.harness.Publishing;

/**
 * Publishing at a fixed rate, open loop, as {@link Latency} does: message i is due at start + i /
 * rate whatever happened to the ones before, and carries that intended send time in its payload
 * ({@link Payload}); what falls behind is sent in batches of up to {@link Fanout#BATCH} as soon as it
 * can be. On the thread that owns the publisher.
 */
final class Paced {
  /**
   * @param sent messages written
   * @param stalled whether the socket took nothing for {@link Publishing#STALL}
   */
  record Result(long sent, boolean stalled) {}

  private static final long WAIT_NANOS = 50_000;

  private Paced() {}

  /**
   * Publishes up to {@code total} messages of {@code size} bytes to {@code topic}, the first due at
   * {@code start}, until {@code stop} says so (checked between batches).
   */
  static Result publish(Publishing pub, String topic, int size, int rate, long total, long start, BooleanSupplier stop)
      throws IOException {
    double interval = 1e9 / rate;
    byte[] payload = Payload.of(size, 0);
    long sent = 0;
    while (sent < total && !stop.getAsBoolean()) {
      long now = System.nanoTime();
      long due = start + (long) (sent * interval);
      if (due > now) {
        pub.poll();
        LockSupport.parkNanos(due - now);
        continue;
      }
      for (int i = 0; i < Fanout.BATCH && sent < total && (due = start + (long) (sent * interval)) <= now; i++, sent++) {
        Payload.stamp(payload, due);
        pub.add(topic, payload);
      }
      if (!pub.send()) {
        return new Result(sent, true);
      }
    }
    return new Result(sent, false);
  }

  /**
   * After the last send: waits until {@code expected} deliveries arrived, nothing has moved for
   * {@link Publishing#STALL} (returns true), or {@code seconds} passed (noted as cut off).
   */
  static boolean drain(Publishing pub, Deliveries sink, long expected, long seconds, List<String> notes) throws IOException {
    Progress progress = new Progress();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (sink.count() < expected) {
      if (System.nanoTime() > deadline) {
        notes.add("cut off " + seconds + " s after the last send");
        return false;
      }
      if (progress.stalled(sink.count())) {
        return true;
      }
      pub.poll();
      LockSupport.parkNanos(WAIT_NANOS);
    }
    return false;
  }
}
