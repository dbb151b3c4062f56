package switchboard.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import switchboard.transport.HttpResponses;
import switchboard.transport.Routes;

/** {@code GET /health} (JSON) and {@code GET /metrics} (Prometheus text) on the main HTTP listener. */
final class AdminRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Server server;
  private final ServerMetrics metrics;

  AdminRoutes(Server server, ServerMetrics metrics) {
    this.server = server;
    this.metrics = metrics;
  }

  void install(Routes routes) {
    routes.http()
        .route("/health", (req, ch) -> CompletableFuture.completedFuture(
            req.method().equals(HttpMethod.GET) || req.method().equals(HttpMethod.HEAD)
                ? HttpResponses.json(HttpResponseStatus.OK, health())
                : HttpResponses.text(HttpResponseStatus.METHOD_NOT_ALLOWED, "GET only\n")))
        .route("/metrics", (req, ch) -> CompletableFuture.completedFuture(
            HttpResponses.of(HttpResponseStatus.OK, PROMETHEUS_TEXT, metrics.scrape().getBytes(StandardCharsets.UTF_8))));
  }

  byte[] health() {
    ObjectNode h = JSON.createObjectNode();
    h.put("status", "up");
    h.put("version", Version.current());
    h.put("uptimeSeconds", server.uptimeSeconds());
    h.put("connections", server.transport().connectionCount());
    h.put("subscriptions", server.hub().subscriptionCount());
    ObjectNode dialects = h.putObject("dialects");
    server.stats().all().forEach((name, s) -> dialects.putObject(name).put("connections", s.connections()));
    for (var d : server.dialects()) {
      if (!dialects.has(d.name())) {
        dialects.putObject(d.name()).put("connections", 0);
      }
      d.health().forEach((k, v) -> ((ObjectNode) dialects.get(d.name())).set(k, JSON.valueToTree(v)));
    }
    ObjectNode ports = h.putObject("ports");
    server.ports().forEach(ports::put);
    try {
      return JSON.writeValueAsBytes(h);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
