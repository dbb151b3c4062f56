package switchboard.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What to do with a connection that has sent nothing for the idle timeout: a WebSocket is pinged
 * once (its client's pong counts as traffic) and closed if the next period is silent too; anything
 * else is closed.
 */
final class IdlePolicy extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(IdlePolicy.class);
  private boolean webSocket;
  private boolean pinged;

  void webSocket() {
    webSocket = true;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    pinged = false;
    ctx.fireChannelRead(msg);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent e && e.state() == IdleState.READER_IDLE) {
      if (webSocket && !pinged) {
        pinged = true;
        ctx.writeAndFlush(new PingWebSocketFrame());
      } else {
        log.info("closing idle connection {}", ctx.channel().remoteAddress());
        ctx.close();
      }
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }
}
