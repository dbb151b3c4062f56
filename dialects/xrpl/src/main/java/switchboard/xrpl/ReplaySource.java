package switchboard.xrpl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a recording: JSON Lines of stream messages as rippled pushes them (api_version 2; version 1
 * transactions are accepted too), at {@code rate} messages per second, from the start again when
 * {@code loop} is set. Blank lines are skipped; a line that is not a JSON object is logged and skipped.
 * Runs on a daemon thread of its own.
 */
final class ReplaySource implements AutoCloseable, Runnable {
  private static final Logger log = LoggerFactory.getLogger(ReplaySource.class);

  private final XrplConfig.Replay config;
  private final Feed feed;
  private final Thread thread;
  private volatile boolean running = true;

  private ReplaySource(XrplConfig.Replay config, Feed feed) {
    this.config = config;
    this.feed = feed;
    this.thread = new Thread(this, "xrpl-replay");
    thread.setDaemon(true);
  }

  static ReplaySource start(XrplConfig.Replay config, Feed feed) {
    ReplaySource r = new ReplaySource(config, feed);
    feed.source("replay " + config.file());
    r.thread.start();
    return r;
  }

  @Override
  public void run() {
    long interval = (long) (1_000_000_000L / config.rate());
    long next = System.nanoTime();
    try {
      do {
        int lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(config.file(), StandardCharsets.UTF_8)) {
          for (String line = in.readLine(); line != null && running; line = in.readLine()) {
            lineNo++;
            if (line.isBlank()) {
              continue;
            }
            ObjectNode msg = Feed.parse(line);
            if (msg == null) {
              log.warn("{}:{}: not a JSON object, skipped", config.file(), lineNo);
              continue;
            }
            long wait = next - System.nanoTime();
            if (wait > 0) {
              LockSupport.parkNanos(wait);
            }
            next = Math.max(next + interval, System.nanoTime() - interval);
            feed.accept(msg, line);
          }
        }
      } while (running && config.loop());
      if (running) {
        log.info("replay of {} finished", config.file());
        feed.source("replay " + config.file() + " (finished)");
      }
    } catch (IOException e) {
      log.error("replay of {} failed", config.file(), e);
      feed.source("replay " + config.file() + " (failed: " + e.getMessage() + ")");
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(5_000);
  }
}
