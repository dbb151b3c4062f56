package switchboard.devicehive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A plain REST client for wire tests over java.net.http: JSON in, status and JSON out. */
final class DhRest {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One answer: the status and the parsed body (null when empty). */
  record Answer(int status, JsonNode body) {
    String message() {
      return body == null ? null : body.path("message").asText(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  private final String base;
  private final String token;

  DhRest(String base, String token) {
    this.base = base;
    this.token = token;
  }

  DhRest as(String accessToken) {
    return new DhRest(base, accessToken);
  }

  Answer get(String path) throws Exception {
    return send("GET", path, null);
  }

  Answer delete(String path) throws Exception {
    return send("DELETE", path, null);
  }

  Answer post(String path, Object body) throws Exception {
    return send("POST", path, body);
  }

  Answer put(String path, Object body) throws Exception {
    return send("PUT", path, body);
  }

  Answer send(String method, String path, Object body) throws Exception {
    return sendAsync(method, path, body).get();
  }

  CompletableFuture<Answer> sendAsync(String method, String path, Object body) throws Exception {
    String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(90))
        .method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
    if (text != null) {
      b.header("Content-Type", "application/json");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
      try {
        return new Answer(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + r.body(), e);
      }
    });
  }
}
