package switchboard.client;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches a connection that has heartbeats on (protocols/amps.md §2): anything received counts as a
 * sign of life, and when the server has been silent for more than twice the interval the connection is
 * declared lost.
 */
final class HeartbeatMonitor {
  private final ScheduledExecutorService timer;
  private final Consumer<DisconnectedException> onSilence;
  private volatile long lastHeard = System.nanoTime();
  private ScheduledFuture<?> task;

  HeartbeatMonitor(ScheduledExecutorService timer, Consumer<DisconnectedException> onSilence) {
    this.timer = timer;
    this.onSilence = onSilence;
  }

  /** Something arrived from the server. */
  void heard() {
    lastHeard = System.nanoTime();
  }

  /** Starts (or restarts) watching with this interval. */
  synchronized void start(Duration interval) {
    stop();
    lastHeard = System.nanoTime();
    long limit = interval.toNanos() * 2;
    long period = Math.max(interval.toNanos() / 4, TimeUnit.MILLISECONDS.toNanos(10));
    task = timer.scheduleAtFixedRate(() -> check(limit, interval), period, period, TimeUnit.NANOSECONDS);
  }

  /** Stops watching. */
  synchronized void stop() {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
  }

  private void check(long limit, Duration interval) {
    if (System.nanoTime() - lastHeard > limit) {
      stop();
      onSilence.accept(new DisconnectedException("heartbeat timeout: nothing from the server for more than twice the "
          + interval.toSeconds() + " s interval", null));
    }
  }
}
