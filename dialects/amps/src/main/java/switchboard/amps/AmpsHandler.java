package switchboard.amps;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.ByteOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what arrives on one connection into commands.
 *
 * <p>TCP (protocols/amps.md §1.1): the transport has cut the stream into frames; each frame is a JSON
 * header and then the body, with nothing between them.
 *
 * <p>WebSocket (§1.2): first a text frame {@code text} naming the message type; then per command a
 * 4-byte little-endian count N of the frames that follow, the header frame, and N-1 body frames.
 * A count that breaks this framing leaves no way to find the next command, so the connection is closed
 * with 1002 after a {@code parse error} ack.
 */
final class AmpsHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(AmpsHandler.class);
  private static final byte[] EMPTY = new byte[0];
  /** JSON commands have a header and at most one body; a larger count is a broken stream. */
  private static final int MAX_FRAMES = 2;

  private enum WsState { PREAMBLE, COUNT, HEADER, BODY }

  private final AmpsDialect dialect;
  private final boolean webSocket;
  private AmpsConnection conn;
  private WsState state = WsState.PREAMBLE;
  private int framesLeft;
  private Header pending;

  AmpsHandler(AmpsDialect dialect, boolean webSocket) {
    this.dialect = dialect;
    this.webSocket = webSocket;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    conn = dialect.newConnection(ctx.channel(), webSocket);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof ByteBuf frame && !webSocket) {
        tcpFrame(frame);
      } else if (msg instanceof WebSocketFrame frame && webSocket) {
        webSocketFrame(ctx, frame);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void tcpFrame(ByteBuf frame) {
    Header h;
    try {
      h = Header.parse(frame);
    } catch (IOException e) {
      dialect.commands().parseError(conn);
      return;
    }
    int bodyLength = frame.readableBytes() - h.bodyOffset;
    // the body is copied once: it becomes the message's payload, which outlives this frame
    byte[] body = bodyLength <= 0 ? EMPTY : ByteBufUtil.getBytes(frame, frame.readerIndex() + h.bodyOffset, bodyLength);
    dialect.commands().handle(conn, h, body);
  }

  private void webSocketFrame(ChannelHandlerContext ctx, WebSocketFrame frame) {
    ByteBuf content = frame.content();
    switch (state) {
      case PREAMBLE -> {
        if (frame instanceof TextWebSocketFrame t) {
          String type = t.text().trim();
          if (!type.equals("text")) {
            // only the JSON message type is served
            log.info("closing {}: message type '{}' is not served", ctx.channel().remoteAddress(), type);
            conn.sendHeader(conn.header("ack").field("a", "processed").field("status", "failure").reason("invalid message type"));
            close(ctx, WebSocketCloseStatus.INVALID_MESSAGE_TYPE);
            return;
          }
          state = WsState.COUNT;
        } else {
          state = WsState.COUNT; // a client that skips the preamble starts with a count
          webSocketFrame(ctx, frame);
        }
      }
      case COUNT -> {
        if (!(frame instanceof BinaryWebSocketFrame) || content.readableBytes() != 4) {
          broken(ctx, "expected a 4-byte frame count");
          return;
        }
        int n = content.order(ByteOrder.LITTLE_ENDIAN).getInt(content.readerIndex());
        if (n < 1 || n > MAX_FRAMES) {
          broken(ctx, "frame count " + Integer.toUnsignedString(n));
          return;
        }
        framesLeft = n;
        state = WsState.HEADER;
      }
      case HEADER -> {
        framesLeft--;
        Header h;
        try {
          h = Header.parse(content); // in place, as on TCP
        } catch (IOException e) {
          h = null;
        }
        if (framesLeft == 0) {
          state = WsState.COUNT;
          if (h == null) {
            dialect.commands().parseError(conn);
          } else {
            dialect.commands().handle(conn, h, EMPTY);
          }
        } else {
          pending = h;
          state = WsState.BODY;
        }
      }
      case BODY -> {
        framesLeft--;
        byte[] body = ByteBufUtil.getBytes(content);
        state = WsState.COUNT;
        Header h = pending;
        pending = null;
        if (h == null) {
          dialect.commands().parseError(conn);
        } else {
          dialect.commands().handle(conn, h, body);
        }
      }
    }
  }

  private void broken(ChannelHandlerContext ctx, String what) {
    log.info("closing {}: broken WebSocket framing ({})", ctx.channel().remoteAddress(), what);
    dialect.commands().parseError(conn);
    close(ctx, WebSocketCloseStatus.PROTOCOL_ERROR);
  }

  private void close(ChannelHandlerContext ctx, WebSocketCloseStatus status) {
    // after what the outbox already holds, so the failure ack goes out first
    ctx.channel().eventLoop().execute(() ->
        ctx.writeAndFlush(new CloseWebSocketFrame(status)).addListener(ChannelFutureListener.CLOSE));
  }
}
