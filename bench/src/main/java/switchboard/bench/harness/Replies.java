package switchboard.bench.harness;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A count of expected answers, shared by any number of connections: a workload asks for N replies
 * (N connections up, N subscriptions confirmed) and waits for all of them. It completes when the last
 * arrives and fails at the first error reply or lost connection. Counted on a {@link Loop} thread,
 * awaited on the workload's.
 */
public final class Replies {
  private final int expected;
  private final AtomicInteger remaining;
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  /** Told one answer when this completes (a connection's hello replies make one "connection up"). */
  private final Replies parent;
  /** When it completed ({@link System#nanoTime()}), set before it counts as done; 0 until then. */
  private volatile long doneNanos;

  public Replies(int expected) {
    this(expected, null);
  }

  Replies(int expected, Replies parent) {
    this.expected = expected;
    this.remaining = new AtomicInteger(expected);
    this.parent = parent;
    if (expected == 0) {
      complete();
    }
  }

  /** One answer arrived. */
  void ok() {
    if (remaining.decrementAndGet() == 0) {
      complete();
    }
  }

  /** An error reply or a lost connection: fails the whole count. */
  void fail(String why) {
    if (done.completeExceptionally(new IllegalStateException(why)) && parent != null) {
      parent.fail(why);
    }
  }

  private void complete() {
    if (!done.isDone()) {
      doneNanos = System.nanoTime();
    }
    if (done.complete(null) && parent != null) {
      parent.ok();
    }
  }

  public boolean isDone() {
    return done.isDone();
  }

  /**
   * When the last answer arrived ({@link System#nanoTime()} on the thread that counted it: for a
   * reply, its connection's loop as it parsed it); 0 while not complete or when it failed.
   */
  public long doneNanos() {
    return doneNanos;
  }

  /**
   * Runs {@code action} once this is done: with null when every answer arrived, with the reason when
   * it failed. It runs on the thread that completes it (for replies, the connection's loop, as it
   * parses the last one, so before anything after it in the stream), or at once on this thread when
   * already done. It must be quick and must not block.
   */
  public void whenDone(Consumer<String> action) {
    done.whenComplete((v, e) -> action.accept(e == null ? null : e.getMessage()));
  }

  /** How many answers have arrived. */
  public int arrived() {
    return expected - Math.max(0, remaining.get());
  }

  /**
   * Waits for every answer.
   *
   * @param what what is awaited, for the message of the exception
   * @throws BenchException on an error reply, a lost connection or the timeout, saying how many
   *     answers had arrived
   */
  public void await(Duration timeout, String what) throws InterruptedException {
    try {
      done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new BenchException(what + " failed: " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      throw new BenchException(what + ": " + arrived() + " of " + expected + " answers in " + timeout.toSeconds() + " s");
    }
  }
}
