package switchboard.xrpl;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import switchboard.core.Message;
import switchboard.core.Owner;
import switchboard.core.Subscription;

/**
 * An admin's {@code url} subscription (protocols/xrpl.md §1.1): every message it is subscribed to is
 * POSTed as JSON to the URL, one at a time and in order, on a thread of its own. A callback that falls
 * {@value #QUEUE} messages behind loses the newest ones, as rippled's RPCSub drops events rather than
 * hold them without bound. Its maps are touched only under the dialect's lock for url subscribers.
 */
final class UrlSubscriber implements Owner, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(UrlSubscriber.class);
  static final int QUEUE = 1_000;

  final URI url;
  private final HttpClient http;
  private volatile String authorization;
  volatile int apiVersion = 1;
  private final ThreadPoolExecutor executor;
  private final AtomicLong dropped = new AtomicLong();
  final Holdings holdings = new Holdings();

  UrlSubscriber(URI url, HttpClient http) {
    this.url = url;
    this.http = http;
    this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
      Thread t = new Thread(r, "xrpl-url-" + url.getHost());
      t.setDaemon(true);
      return t;
    }, (r, ex) -> {
      if (dropped.getAndIncrement() == 0) {
        log.warn("url subscriber {} is {} messages behind: dropping new messages", url, QUEUE);
      }
    });
  }

  void credentials(String username, String password) {
    authorization = username == null ? null
        : "Basic " + Base64.getEncoder().encodeToString((username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Executor executor() {
    return executor;
  }

  @Override
  public void deliver(Message m, List<Subscription> matched) {
    if (!(m.attachment() instanceof XrplEvent event)) {
      return;
    }
    HttpRequest.Builder req = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(event.bytes(apiVersion)));
    String auth = authorization;
    if (auth != null) {
      req.header("Authorization", auth);
    }
    try {
      HttpResponse<Void> r = http.send(req.build(), HttpResponse.BodyHandlers.discarding());
      if (r.statusCode() >= 300) {
        log.debug("url subscriber {} answered {}", url, r.statusCode());
      }
    } catch (java.io.IOException e) {
      log.debug("url subscriber {} failed: {}", url, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }


  @Override
  public void close() {
    executor.shutdownNow();
  }
}
