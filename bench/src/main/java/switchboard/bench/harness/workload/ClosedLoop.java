package switchboard.bench.harness.workload;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import switchboard.bench.harness.Deliveries;
import switchboard.bench.harness.Meter;
import switchboard.bench.harness.Metric;
import switchboard.bench.harness.Progress;
import switchboard.bench.harness.Publishing;
import switchboard.bench.harness.RunContext;
import switchboard.bench.harness.RunResult;

/**
 * The closed publishing loop of the throughput workloads (fan-out, keyed, filter): batches of
 * {@value Fanout#BATCH} messages, never more than a window of deliveries in flight beyond what the
 * subscribers have received, until the message count or the time is reached; then it waits for the
 * last deliveries and stops the meter. A stall (nothing delivered for {@link Publishing#STALL}) ends it.
 */
final class ClosedLoop {
  private static final long WAIT_NANOS = 20_000;
  /** The two figures every closed-loop workload is compared by. */
  static final Metric DELIVERED = Metric.compared("delivered_per_s", "delivered msgs/s", true);
  static final Metric PER_SERVER_CPU = Metric.compared("deliveries_per_server_cpu_s", "deliveries per server CPU-s", true);

  private ClosedLoop() {}

  /** Adds messages {@code first .. first+n-1} to the publisher's batch; returns the deliveries they are owed. */
  interface Filler {
    long fill(long first, int n);
  }

  /** What a loop did: messages sent, deliveries owed for them, and whether it stalled. */
  record Outcome(long sent, long expected, boolean stalled) {
    /** Adds the notes a stall or missing deliveries call for. */
    void note(List<String> notes, long delivered) {
      if (stalled) {
        notes.add("stalled: nothing moved for " + Publishing.STALL.toSeconds() + " s");
      }
      if (delivered != expected) {
        notes.add(String.format("incomplete: %,d of %,d deliveries", delivered, expected));
      }
    }

    /**
     * The run's result: {@link #DELIVERED}, {@link #PER_SERVER_CPU} and both processes' CPU seconds,
     * then the workload's own figures; the notes a stall or missing deliveries call for are added.
     */
    RunResult result(String workload, RunContext ctx, Meter meter, long delivered, Map<String, Double> own, List<String> notes) {
      note(notes, delivered);
      Map<String, Double> figures = new LinkedHashMap<>();
      figures.put(DELIVERED.key(), delivered / meter.seconds());
      figures.put(PER_SERVER_CPU.key(), meter.perServerCpuSecond(delivered));
      figures.putAll(own);
      figures.put("server_cpu_s", meter.serverCpuSeconds());
      figures.put("generator_cpu_s", meter.generatorCpuSeconds());
      return new RunResult(workload, ctx.target().name(), ctx.repetition(), sent, delivered, expected, meter.seconds(), figures, notes);
    }
  }

  /** Runs the loop from now; {@code meter} has just been started and is stopped here. */
  static Outcome run(Publishing pub, Deliveries sink, Meter meter, long limit, long nanosLimit, long windowDeliveries,
      Filler filler) throws IOException {
    Progress progress = new Progress();
    long deadline = meter.startNanos() + nanosLimit;
    long sent = 0;
    long expected = 0;
    boolean stalled = false;
    publishing:
    while (sent < limit && System.nanoTime() < deadline) {
      while (expected - sink.count() > windowDeliveries) {
        if (progress.stalled(sink.count())) {
          stalled = true;
          break publishing;
        }
        pub.poll();
        LockSupport.parkNanos(WAIT_NANOS);
      }
      int n = (int) Math.min(Fanout.BATCH, limit - sent);
      long due = filler.fill(sent, n);
      if (!pub.send()) {
        stalled = true;
        break;
      }
      sent += n;
      expected += due;
    }
    while (!stalled && sink.count() < expected) {
      stalled = progress.stalled(sink.count());
      pub.poll();
      LockSupport.parkNanos(WAIT_NANOS);
    }
    meter.stop(stalled ? progress.lastChange() : System.nanoTime());
    return new Outcome(sent, expected, stalled);
  }
}
