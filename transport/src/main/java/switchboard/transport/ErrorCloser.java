package switchboard.transport;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last in every pipeline: whatever exception a dialect did not handle closes that connection, and only
 * that one. An oversized or malformed frame is counted as rejected; a WebSocket gets a close frame
 * with the matching status (1009 too big, 1002 protocol error) first.
 */
final class ErrorCloser extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(ErrorCloser.class);
  private final DialectStats stats;
  private final boolean webSocket;

  ErrorCloser(DialectStats stats, boolean webSocket) {
    this.stats = stats;
    this.webSocket = webSocket;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    boolean tooLong = cause instanceof TooLongFrameException || cause.getCause() instanceof TooLongFrameException;
    boolean corrupted = cause instanceof CorruptedFrameException || cause instanceof DecoderException;
    if (tooLong || corrupted) {
      // counted even when the decoder has already closed the channel itself (WebSocket frames too large)
      stats.rejectedFrames.increment();
    }
    if (!ctx.channel().isActive()) {
      return;
    }
    if (cause instanceof IOException) {
      log.debug("connection {} failed", ctx.channel().remoteAddress(), cause);
      ctx.close();
      return;
    }
    if (tooLong || corrupted) {
      log.info("closing {}: {}", ctx.channel().remoteAddress(), cause.getMessage());
      if (webSocket) {
        WebSocketCloseStatus status = tooLong ? WebSocketCloseStatus.MESSAGE_TOO_BIG : WebSocketCloseStatus.PROTOCOL_ERROR;
        ctx.writeAndFlush(new CloseWebSocketFrame(status)).addListener(ChannelFutureListener.CLOSE);
      } else {
        ctx.close();
      }
      return;
    }
    log.warn("closing {} after an unexpected error", ctx.channel().remoteAddress(), cause);
    ctx.close();
  }
}
