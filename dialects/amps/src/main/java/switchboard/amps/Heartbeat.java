package switchboard.amps;

import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heartbeat a client asked for with {@code start,N}: the server sends {@code {"c":"heartbeat"}}
 * every N seconds, and closes the connection when the client has sent nothing for two intervals
 * (protocols/amps.md §2). On the connection's event loop.
 */
final class Heartbeat {
  private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);
  private final AmpsConnection conn;
  private ScheduledFuture<?> task;
  private long intervalNanos;
  private long lastHeard = System.nanoTime();

  Heartbeat(AmpsConnection conn) {
    this.conn = conn;
  }

  /** Something arrived from the client. */
  void heard() {
    lastHeard = System.nanoTime();
  }

  void start(long seconds) {
    stop();
    intervalNanos = TimeUnit.SECONDS.toNanos(seconds);
    lastHeard = System.nanoTime();
    task = conn.channel().eventLoop().scheduleAtFixedRate(this::tick, seconds, seconds, TimeUnit.SECONDS);
  }

  void stop() {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
  }

  private void tick() {
    if (System.nanoTime() - lastHeard > 2 * intervalNanos) {
      log.info("closing {}: no heartbeat from the client for two intervals", conn.channel().remoteAddress());
      stop();
      conn.channel().close();
      return;
    }
    conn.sendHeader(conn.header("heartbeat"));
  }
}
