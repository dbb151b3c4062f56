package switchboard.xrpl;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * One request per WebSocket message. rippled reads binary messages as it reads text ones, so both
 * are taken.
 */
final class XrplHandler extends ChannelInboundHandlerAdapter {
  private final XrplDialect dialect;
  private XrplConnection conn;

  XrplHandler(XrplDialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    conn = dialect.newConnection(ctx.channel());
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame) {
        byte[] frame = ByteBufUtil.getBytes(((io.netty.buffer.ByteBufHolder) msg).content());
        dialect.commands().handle(conn, frame);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }
}
