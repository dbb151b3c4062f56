package switchboard.devicehive;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import switchboard.devicehive.auth.Principal;
import switchboard.transport.HttpHandler;
import switchboard.transport.HttpResponses;

/**
 * DeviceHive's REST API (§6) under one root ({@code /dh/rest}, {@code /api/rest}, {@code /auth/rest}):
 * finds the route, reads the JSON body, turns {@code Authorization: Bearer <access token>} into the
 * caller's principal, runs the route and writes its answer, or the error as {@code {"error", "message"}}.
 * Called on the connection's event loop; store work leaves it through {@link DevicehiveDialect#blocking}.
 */
final class RestApi implements HttpHandler {
  private final DevicehiveDialect dialect;
  private final String root;
  private final List<RestRoute> routes;

  RestApi(DevicehiveDialect dialect, String root, List<RestRoute> routes) {
    this.dialect = dialect;
    this.root = root;
    this.routes = routes;
  }

  @Override
  public CompletionStage<FullHttpResponse> handle(FullHttpRequest req, Channel channel) {
    QueryStringDecoder uri = new QueryStringDecoder(req.uri());
    String rest = uri.path().substring(Math.min(root.length(), uri.path().length()));
    String[] path = split(rest);
    String host = req.headers().get(HttpHeaderNames.HOST);
    String auth = req.headers().get(HttpHeaderNames.AUTHORIZATION);
    CompletionStage<RestAnswer> answer;
    try {
      RestRoute route = null;
      Map<String, String> captured = null;
      boolean pathKnown = false;
      for (RestRoute r : routes) {
        Map<String, String> m = r.match(path);
        if (m != null) {
          pathKnown = true;
          if (r.method().equals(req.method().name())) {
            route = r;
            captured = m;
            break;
          }
        }
      }
      if (route == null) {
        return done(RestAnswer.error(pathKnown ? new Failure(405, "Method Not Allowed") : new Failure(404, "Not Found")));
      }
      JsonNode body = body(req);
      RestRoute chosen = route;
      Map<String, String> params = captured;
      answer = principal(channel, host, auth).thenCompose(p -> chosen.handler().handle(
          new RestCall(new RestCaller(p, channel.eventLoop(), host), channel, params, uri.parameters(), body)));
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    return answer.handle((a, e) -> e != null ? RestAnswer.error(Failure.of(e, req.method() + " " + uri.path())) : a)
        .thenApply(RestApi::response);
  }

  /** No header: anonymous (the operation answers 401 if it needs more); a bad token: 401 here. */
  private CompletionStage<Principal> principal(Channel channel, String host, String auth) {
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return CompletableFuture.completedFuture(null);
    }
    return AuthActions.principal(dialect, new RestCaller(null, channel.eventLoop(), host), auth.substring(7).trim());
  }

  private static JsonNode body(FullHttpRequest req) {
    if (req.content().readableBytes() == 0) {
      return null;
    }
    try {
      return Render.JSON.readTree(ByteBufUtil.getBytes(req.content()));
    } catch (IOException e) {
      throw DhException.malformed();
    }
  }

  private static String[] split(String path) {
    List<String> out = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out.toArray(new String[0]);
  }

  private static CompletionStage<FullHttpResponse> done(RestAnswer a) {
    return CompletableFuture.completedFuture(response(a));
  }

  static FullHttpResponse response(RestAnswer a) {
    HttpResponseStatus status = HttpResponseStatus.valueOf(a.status());
    if (a.body() == null) {
      return HttpResponses.of(status, "application/json", new byte[0]);
    }
    return HttpResponses.json(status, Render.bytes(a.body()));
  }
}
