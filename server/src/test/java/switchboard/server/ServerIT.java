package switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import switchboard.amps.AmpsDialect;
import switchboard.xrpl.XrplDialect;
import switchboard.server.config.Config;
import switchboard.server.config.ConfigLoader;

/** The whole server, started in-process on a free port, over real HTTP. */
class ServerIT {
  private final HttpClient http = HttpClient.newHttpClient();
  private Server server;

  /** The embedded defaults on loopback and free ports, plus the given overrides. */
  static Config testConfig(String... more) {
    List<String> sets = new ArrayList<>(List.of("http.host=127.0.0.1", "http.port=0", "amps.tcp-host=127.0.0.1", "amps.tcp-port=0", "xrpl.host=127.0.0.1", "xrpl.port=0",
        "store.url=jdbc:h2:mem:server-" + java.util.UUID.randomUUID()));
    sets.addAll(List.of(more));
    return ConfigLoader.load(null, sets);
  }

  @BeforeEach
  void start() {
    server = new Server(testConfig("limits.max-frame-bytes=4096")).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port("http") + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthAnswersWithStatusUptimeConnectionsAndSubscriptions() throws Exception {
    HttpResponse<String> r = get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).contains("application/json");
    JsonNode h = new ObjectMapper().readTree(r.body());
    assertThat(h.path("status").asText()).isEqualTo("up");
    assertThat(h.path("uptimeSeconds").isIntegralNumber()).isTrue();
    assertThat(h.path("connections").asInt()).isEqualTo(1); // this request's own
    assertThat(h.path("subscriptions").asInt()).isZero();
    assertThat(h.path("ports").path("http").asInt()).isEqualTo(server.port("http"));
  }

  @Test
  void metricsAnswerInPrometheusText() throws Exception {
    get("/health");
    HttpResponse<String> r = get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
    assertThat(r.body())
        .contains("# TYPE switchboard_subscriptions gauge")
        .contains("switchboard_published_total")
        .contains("switchboard_connections{dialect=\"http\"}")
        .contains("switchboard_messages_in_total{dialect=\"http\"}")
        .contains("switchboard_slow_consumer_disconnects_total{dialect=\"http\"}")
        .contains("jvm_memory_used_bytes");
    // the counters count: at least the /health request before and this one
    String in = r.body().lines().filter(l -> l.startsWith("switchboard_messages_in_total{dialect=\"http\"}")).findFirst().orElseThrow();
    assertThat(Double.parseDouble(in.substring(in.lastIndexOf(' ') + 1))).isGreaterThanOrEqualTo(2.0);
  }

  @Test
  void unknownPathGets404() throws Exception {
    assertThat(get("/no/such/thing").statusCode()).isEqualTo(404);
    assertThat(get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void closeIsIdempotentAndReleasesThePort() throws Exception {
    int port = server.port("http");
    server.close();
    server.close();
    Server again = new Server(testConfig("http.port=" + port)).start();
    try {
      assertThat(again.port("http")).isEqualTo(port);
    } finally {
      again.close();
    }
  }

  @Test
  void ampsIsServedOnItsOwnTcpPortAndCanBeTurnedOff() throws Exception {
    assertThat(server.ports()).containsKey(AmpsDialect.TCP_LISTENER);
    assertThat(server.port(AmpsDialect.TCP_LISTENER)).isNotEqualTo(server.port("http"));
    Server without = new Server(testConfig("amps.enabled=false")).start();
    try {
      assertThat(without.ports()).doesNotContainKey(AmpsDialect.TCP_LISTENER);
    } finally {
      without.close();
    }
  }

  @Test
  void xrplIsServedOnItsOwnPortFromTheBundledRecording() throws Exception {
    Path recording = Path.of("../dialects/xrpl/recordings/demo.jsonl").toAbsolutePath();
    Server xrpl = new Server(testConfig("xrpl.replay.file=" + recording, "xrpl.replay.rate=200")).start();
    try {
      URI ws = URI.create("ws://127.0.0.1:" + xrpl.port(XrplDialect.LISTENER) + "/");
      CompletableFuture<String> ledger = new CompletableFuture<>();
      WebSocket client = http.newWebSocketBuilder().buildAsync(ws, new WebSocket.Listener() {
        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
          if (data.toString().contains("\"ledgerClosed\"")) {
            ledger.complete(data.toString());
          }
          w.request(1);
          return null;
        }
      }).get(5, TimeUnit.SECONDS);
      client.sendText("{\"id\":1,\"command\":\"subscribe\",\"streams\":[\"ledger\"]}", true);
      assertThat(ledger.get(10, TimeUnit.SECONDS)).contains("\"ledger_index\":900000");
      String health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + xrpl.port("http") + "/health")).build(), HttpResponse.BodyHandlers.ofString()).body();
      assertThat(health).contains("\"source\":\"replay ").contains("\"serverState\":\"full\"");
      client.abort();
    } finally {
      xrpl.close();
    }
  }

  @Test
  void oversizedWebSocketFrameClosesThatConnectionAndTheServerGoesOn() throws Exception {
    URI ws = URI.create("ws://127.0.0.1:" + server.port("http") + "/amps/json");
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    WebSocket.Listener listener = new WebSocket.Listener() {
      @Override
      public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
        closed.complete(code);
        return null;
      }
    };
    WebSocket big = http.newWebSocketBuilder().buildAsync(ws, listener).get(5, TimeUnit.SECONDS);
    CompletableFuture<String> otherAck = new CompletableFuture<>();
    WebSocket other = http.newWebSocketBuilder().buildAsync(ws, new WebSocket.Listener() {
      @Override
      public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
        otherAck.complete(data.toString());
        return null;
      }
    }).get(5, TimeUnit.SECONDS);
    big.sendBinary(ByteBuffer.allocate(4097), true);
    assertThat(closed.get(5, TimeUnit.SECONDS)).isEqualTo(1009);
    assertThat(get("/health").statusCode()).isEqualTo(200);
    // the other connection is still served: an amps logon (preamble, frame count, header) is answered
    other.sendText("text", true).get(5, TimeUnit.SECONDS);
    other.sendBinary(ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0, 1), true).get(5, TimeUnit.SECONDS);
    other.sendText("{\"c\":\"logon\",\"cid\":\"1\",\"client_name\":\"other\",\"a\":\"processed\"}", true).get(5, TimeUnit.SECONDS);
    assertThat(otherAck.get(5, TimeUnit.SECONDS)).contains("\"c\":\"ack\"").contains("\"status\":\"success\"");
    assertThat(server.stats().of(AmpsDialect.NAME).rejectedFrames()).isEqualTo(1);
  }
}
