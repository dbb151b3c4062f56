package switchboard.xrpl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A plain WebSocket client for wire tests: sends text, collects every message it receives. */
final class WsClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  final WebSocket ws;

  WsClient(String url) throws Exception {
    ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
        .buildAsync(URI.create(url), new WebSocket.Listener() {
          private final StringBuilder text = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
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

          @Override
          public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
            closed.complete(status);
            return null;
          }

          @Override
          public void onError(WebSocket w, Throwable error) {
            closed.complete(-1);
          }
        }).get(5, TimeUnit.SECONDS);
  }

  void send(String json) {
    ws.sendText(json, true).join();
  }

  void sendBinary(byte[] bytes) {
    ws.sendBinary(ByteBuffer.wrap(bytes), true).join();
  }

  /** Sends a request and returns the response with this id. */
  JsonNode request(String json) throws Exception {
    JsonNode req = JSON.readTree(json);
    send(json);
    return next(m -> "response".equals(m.path("type").asText()) && m.path("id").equals(req.path("id")));
  }

  /** The next message that passes the test, skipping others; fails after 5 s. */
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

  /** The next message of this push type. */
  JsonNode nextOfType(String type) throws InterruptedException {
    return next(m -> type.equals(m.path("type").asText()));
  }

  @Override
  public void close() {
    ws.abort();
  }
}
