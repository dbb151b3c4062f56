package switchboard.devicehive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A plain WebSocket client for wire tests: sends JSON, collects every message it receives, raw and parsed. */
final class DhWsClient implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
  final BlockingQueue<String> raw = new LinkedBlockingQueue<>();
  private final AtomicInteger ids = new AtomicInteger();
  final WebSocket ws;

  DhWsClient(String url) throws Exception {
    this(url, Map.of());
  }

  DhWsClient(String url, Map<String, String> headers) throws Exception {
    WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    headers.forEach(b::header);
    ws = b.buildAsync(URI.create(url), new WebSocket.Listener() {
      private final StringBuilder text = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
          raw.add(text.toString());
          try {
            received.add(JSON.readTree(text.toString()));
          } catch (Exception e) {
            received.add(JSON.createObjectNode().put("unparseable", text.toString()));
          }
          text.setLength(0);
        }
        w.request(1);
        return null;
      }
    }).get(5, TimeUnit.SECONDS);
  }

  void send(String json) {
    ws.sendText(json, true).join();
  }

  /** Sends {@code fields} as action {@code action} with a fresh requestId; returns the reply to it. */
  JsonNode call(String action, Object... fields) throws Exception {
    ObjectNode req = JSON.createObjectNode();
    req.put("action", action);
    String id = "r" + ids.incrementAndGet();
    req.put("requestId", id);
    for (int i = 0; i < fields.length; i += 2) {
      req.set((String) fields[i], JSON.valueToTree(fields[i + 1]));
    }
    send(req.toString());
    return next(m -> id.equals(m.path("requestId").asText(null)));
  }

  /** Like {@link #call}, and fails unless the reply is a success. */
  JsonNode ok(String action, Object... fields) throws Exception {
    JsonNode r = call(action, fields);
    if (!"success".equals(r.path("status").asText())) {
      throw new AssertionError(action + " failed: " + r);
    }
    return r;
  }

  JsonNode next(Predicate<JsonNode> test) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (true) {
      JsonNode m = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (m == null) {
        throw new AssertionError("no matching message within 5 s");
      }
      if (test.test(m)) {
        return m;
      }
    }
  }

  JsonNode next() throws InterruptedException {
    return next(m -> true);
  }

  /** The next push (a message without requestId and status) of this action. */
  JsonNode push(String action) throws InterruptedException {
    return next(m -> !m.has("status") && action.equals(m.path("action").asText()));
  }

  /** Fails if any push arrives within the wait. */
  void noPushWithin(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (true) {
      JsonNode m = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (m == null) {
        return;
      }
      if (!m.has("status")) {
        throw new AssertionError("unexpected push: " + m);
      }
    }
  }

  @Override
  public void close() {
    ws.abort();
  }
}
