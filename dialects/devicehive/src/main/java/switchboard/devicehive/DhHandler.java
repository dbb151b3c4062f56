package switchboard.devicehive;

import io.netty.buffer.ByteBufHolder;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.util.ReferenceCountUtil;

/**
 * One JSON request per WebSocket message; the upgrade's {@code Authorization: Bearer} header
 * authenticates the session before its first request (§3 authenticate, "Inferred").
 */
final class DhHandler extends ChannelInboundHandlerAdapter {
  private final DevicehiveDialect dialect;
  private DhConnection conn;

  DhHandler(DevicehiveDialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    conn = dialect.newConnection(ctx.channel());
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof HandshakeComplete hs) {
      conn.host = hs.requestHeaders().get(HttpHeaderNames.HOST);
      String auth = hs.requestHeaders().get(HttpHeaderNames.AUTHORIZATION);
      if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
        String token = auth.substring(7).trim();
        conn.enqueue(() -> AuthActions.bearer(dialect, conn, token));
      }
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame) {
        byte[] frame = ByteBufUtil.getBytes(((ByteBufHolder) msg).content());
        conn.enqueue(() -> dialect.requests().handle(conn, frame));
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }
}
