package switchboard.transport;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import java.util.concurrent.CompletionStage;

/**
 * Answers a plain HTTP request. Called on the connection's event loop: a handler whose work blocks
 * (JDBC) runs it elsewhere and completes the stage from there. The request is released after the
 * stage completes; the router sets Content-Length and keep-alive.
 */
@FunctionalInterface
public interface HttpHandler {
  CompletionStage<FullHttpResponse> handle(FullHttpRequest request, Channel channel);
}
