package switchboard.xrpl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to a rippled (or anything that speaks its subscription API) and republishes what it
 * pushes. Each stream is asked for in a request of its own, so a server that refuses one (Clio answers
 * {@code notSupported} for {@code server} and {@code consensus}) still sends the others. When the
 * connection fails or closes, it reconnects after a wait that doubles from {@code reconnect-min} up to
 * {@code reconnect-max}, and subscribes again.
 */
final class UpstreamSource implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(UpstreamSource.class);
  static final List<String> STREAMS = List.of(
      "ledger", "transactions", "transactions_proposed", "validations", "manifests", "server", "book_changes", "consensus");

  private final XrplConfig.Upstream config;
  private final Feed feed;
  private final URI uri;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "xrpl-upstream");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean running = true;
  private volatile WebSocket socket;
  private long wait;
  private final AtomicLong requestIds = new AtomicLong();
  private CompletableFuture<?> sends = CompletableFuture.completedFuture(null);
  private final Map<String, CompletableFuture<ObjectNode>> pending = new ConcurrentHashMap<>();

  private UpstreamSource(XrplConfig.Upstream config, Feed feed) {
    this.config = config;
    this.feed = feed;
    this.uri = URI.create(config.url());
    this.wait = config.reconnectMin().toMillis();
  }

  static UpstreamSource start(XrplConfig.Upstream config, Feed feed) {
    UpstreamSource s = new UpstreamSource(config, feed);
    s.timer.execute(s::connect);
    return s;
  }

  private void connect() {
    if (!running) {
      return;
    }
    feed.source("upstream " + uri + " connecting");
    http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, new Listener())
        .whenComplete((ws, error) -> {
          if (error != null) {
            retry("could not connect: " + error.getMessage());
          }
        });
  }

  /**
   * Sends a request of our own (book_offers for a snapshot) and completes with the upstream's result,
   * or fails: not connected, an error response, no answer within 10 s, or the connection lost.
   */
  CompletableFuture<ObjectNode> request(ObjectNode request) {
    WebSocket ws = socket;
    if (ws == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("upstream not connected"));
    }
    String id = "switchboard-q" + requestIds.incrementAndGet();
    CompletableFuture<ObjectNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    request.put("id", id);
    request.put("api_version", 2);
    sendText(ws, request.toString());
    return answer.orTimeout(10, TimeUnit.SECONDS).whenComplete((r, e) -> pending.remove(id));
  }

  boolean isConnected() {
    return socket != null;
  }

  private void retry(String why) {
    socket = null;
    pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("upstream connection lost")));
    if (!running) {
      return;
    }
    long delay = wait;
    wait = Math.min(wait * 2, config.reconnectMax().toMillis());
    feed.source("upstream " + uri + " disconnected, retrying in " + delay + " ms");
    log.info("upstream {}: {}; reconnecting in {} ms", uri, why, delay);
    timer.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public void onOpen(WebSocket ws) {
      socket = ws;
      timer.execute(() -> wait = config.reconnectMin().toMillis());
      feed.source("upstream " + uri + " connected");
      log.info("upstream {} connected; subscribing to {}", uri, STREAMS);
      for (String s : STREAMS) {
        sendText(ws, "{\"id\":\"switchboard-" + s + "\",\"command\":\"subscribe\",\"api_version\":2,\"streams\":[\"" + s + "\"]}");
      }
      ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String frame = text.toString();
        text.setLength(0);
        ObjectNode msg = Feed.parse(frame);
        if (msg != null && "response".equals(msg.path("type").asText())) {
          CompletableFuture<ObjectNode> answer = pending.remove(msg.path("id").asText());
          if (answer != null) {
            if ("success".equals(msg.path("status").asText()) && msg.get("result") instanceof ObjectNode r) {
              answer.complete(r);
            } else {
              answer.completeExceptionally(new IllegalStateException("upstream answered " + msg.path("error").asText()));
            }
          } else if (!"success".equals(msg.path("status").asText())) {
            log.info("upstream {} refused {}: {}", uri, msg.path("id").asText(), msg.path("error").asText());
          }
        } else if (msg != null) {
          feed.accept(msg, frame);
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
      timer.execute(() -> retry("closed " + status + " " + reason));
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      timer.execute(() -> retry("failed: " + error));
    }
  }

  /**
   * One frame after the other without waiting: the JDK's WebSocket refuses a send while another is
   * in progress, and a caller on an event loop must not block.
   */
  private synchronized void sendText(WebSocket ws, String text) {
    sends = sends.handle((x, e) -> null).thenCompose(x -> ws.sendText(text, true));
  }

  @Override
  public void close() {
    running = false;
    WebSocket ws = socket;
    if (ws != null) {
      ws.abort();
    }
    timer.shutdownNow();
  }
}
