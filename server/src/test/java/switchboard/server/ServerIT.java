package switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import switchboard.server.config.ConfigLoader;

/** The whole server, started in-process on a free port, over real HTTP. */
class ServerIT {
  private final HttpClient http = HttpClient.newHttpClient();
  private Server server;

  @BeforeEach
  void start() {
    server = new Server(ConfigLoader.load(null, List.of("http.host=127.0.0.1", "http.port=0"))).start();
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
    Server again = new Server(ConfigLoader.load(null, List.of("http.host=127.0.0.1", "http.port=" + port))).start();
    try {
      assertThat(again.port("http")).isEqualTo(port);
    } finally {
      again.close();
    }
  }
}
