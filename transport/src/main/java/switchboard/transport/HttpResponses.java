package switchboard.transport;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Small builders for plain HTTP answers. */
public final class HttpResponses {
  private HttpResponses() {}

  public static FullHttpResponse json(HttpResponseStatus status, byte[] body) {
    return of(status, "application/json", body);
  }

  public static FullHttpResponse text(HttpResponseStatus status, String body) {
    return of(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  public static FullHttpResponse of(HttpResponseStatus status, String contentType, byte[] body) {
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    return r;
  }

  public static FullHttpResponse notFound(String path) {
    return text(HttpResponseStatus.NOT_FOUND, "no such path: " + path + "\n");
  }
}
