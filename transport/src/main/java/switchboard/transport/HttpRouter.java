package switchboard.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each HTTP request of one connection: a WebSocket upgrade on a registered path rebuilds the
 * pipeline for that dialect and hands the request on to Netty's handshake; anything else goes to the
 * matching {@link HttpHandler}, or gets 404. One request at a time per connection (reading pauses while
 * a handler works), so pipelined requests are answered in order.
 */
final class HttpRouter extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger log = LoggerFactory.getLogger(HttpRouter.class);

  private final HttpRoutes routes;
  private final TransportConfig config;
  private final TransportStats stats;

  HttpRouter(HttpRoutes routes, TransportConfig config, TransportStats stats) {
    super(false);
    this.routes = routes;
    this.config = config;
    this.stats = stats;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    DialectStats http = stats.of(TransportStats.HTTP);
    http.messagesIn.increment();
    if (!req.decoderResult().isSuccess()) {
      respond(ctx, req, HttpResponses.text(HttpResponseStatus.BAD_REQUEST, "malformed request\n"));
      return;
    }
    String path = new QueryStringDecoder(req.uri()).path();
    Endpoint ws = routes.webSocketFor(path);
    if (ws != null && isUpgrade(req)) {
      upgrade(ctx, req, path, ws);
      return;
    }
    HttpHandler handler = routes.handlerFor(path);
    if (handler == null) {
      FullHttpResponse r = ws != null
          ? HttpResponses.text(HttpResponseStatus.UPGRADE_REQUIRED, "this path takes WebSocket connections\n")
          : HttpResponses.notFound(path);
      if (ws != null) {
        r.headers().set(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET);
      }
      respond(ctx, req, r);
      return;
    }
    ctx.channel().config().setAutoRead(false);
    CompletionStage<FullHttpResponse> answer;
    try {
      answer = handler.handle(req, ctx.channel());
    } catch (RuntimeException e) {
      log.warn("HTTP handler for {} failed", path, e);
      respond(ctx, req, HttpResponses.text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error\n"));
      return;
    }
    answer.whenComplete((resp, err) -> ctx.executor().execute(() -> {
      if (err != null || resp == null) {
        log.warn("HTTP handler for {} failed", path, err);
        respond(ctx, req, HttpResponses.text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error\n"));
      } else {
        respond(ctx, req, resp);
      }
    }));
  }

  private static boolean isUpgrade(FullHttpRequest req) {
    return req.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)
        && req.headers().contains(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
  }

  private void upgrade(ChannelHandlerContext ctx, FullHttpRequest req, String path, Endpoint endpoint) {
    DialectStats dialect = stats.of(endpoint.dialect());
    ChannelPipeline p = ctx.pipeline();
    WebSocketServerProtocolConfig wsConfig = WebSocketServerProtocolConfig.newBuilder()
        .websocketPath(path)
        .checkStartsWith(true) // the path is already matched; this lets a query string follow it
        .handleCloseFrames(true)
        .dropPongFrames(true)
        .handshakeTimeoutMillis(10_000)
        .decoderConfig(WebSocketDecoderConfig.newBuilder()
            .maxFramePayloadLength(config.maxFrameBytes())
            .allowExtensions(false)
            .closeOnProtocolViolation(true)
            .build())
        .build();
    p.addAfter(ctx.name(), PipelineNames.WS_PROTOCOL, new WebSocketServerProtocolHandler(wsConfig));
    p.addAfter(PipelineNames.WS_PROTOCOL, PipelineNames.WS_AGGREGATOR, new WebSocketFrameAggregator(config.maxFrameBytes()));
    p.addAfter(PipelineNames.WS_AGGREGATOR, PipelineNames.FRAME_COUNTER, new FrameCounter(dialect));
    p.addAfter(PipelineNames.FRAME_COUNTER, PipelineNames.DIALECT, endpoint.handlers().get());
    p.replace(PipelineNames.ERRORS, PipelineNames.ERRORS, new ErrorCloser(dialect, true));
    StatsHandler sh = p.get(StatsHandler.class);
    if (sh != null) {
      sh.moveTo(dialect);
    }
    IdlePolicy idle = p.get(IdlePolicy.class);
    if (idle != null) {
      idle.webSocket();
    }
    ctx.fireChannelRead(req); // to the handshake, which releases the request
    p.remove(this);
  }

  private void respond(ChannelHandlerContext ctx, FullHttpRequest req, FullHttpResponse resp) {
    Channel ch = ctx.channel();
    boolean keepAlive = HttpUtil.isKeepAlive(req) && resp.status().code() < 500;
    HttpUtil.setContentLength(resp, resp.content().readableBytes());
    HttpUtil.setKeepAlive(resp, keepAlive);
    req.release();
    stats.of(TransportStats.HTTP).messagesOut.increment();
    var f = ctx.writeAndFlush(resp);
    if (!keepAlive) {
      f.addListener(ChannelFutureListener.CLOSE);
    }
    ch.config().setAutoRead(true);
  }
}
