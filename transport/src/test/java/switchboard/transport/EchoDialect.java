package switchboard.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import switchboard.core.Hub;
import switchboard.core.Message;
import switchboard.core.Subscription;
import switchboard.core.SubscriptionSpec;
import switchboard.core.delivery.Outbox;

/**
 * A dialect for testing the transport: echoes WebSocket text and TCP frames; "flood N SIZE" answers
 * with N messages of SIZE bytes, to make a slow consumer of a client that does not read; "sub T",
 * "unsub" and "pub T TEXT" go through the hub.
 */
final class EchoDialect implements Dialect {
  private final TransportStats stats;
  private final Outbox.Limits limits;
  private final Hub hub;

  EchoDialect(TransportStats stats, Outbox.Limits limits, Hub hub) {
    this.stats = stats;
    this.limits = limits;
    this.hub = hub;
  }

  @Override
  public String name() {
    return "echo";
  }

  @Override
  public void install(Routes routes) {
    routes.http()
        .webSocket("/echo", new Endpoint("echo", () -> new Handler(false)))
        .route("/hello", (req, ch) -> CompletableFuture.completedFuture(HttpResponses.text(HttpResponseStatus.OK, "hello\n")))
        .routePrefix("/tree", (req, ch) -> CompletableFuture.completedFuture(HttpResponses.text(HttpResponseStatus.OK, req.uri())));
    routes.tcpListener("echo-tcp", "127.0.0.1", 0, new Endpoint("echo", () -> new Handler(true)));
  }

  final class EchoConnection extends Connection {
    private final boolean tcp;

    EchoConnection(io.netty.channel.Channel ch, boolean tcp) {
      super(ch, limits, stats.of("echo"));
      this.tcp = tcp;
    }

    @Override
    public void deliver(Message message, List<Subscription> matched) {
      sendText(new String(message.payload(), StandardCharsets.UTF_8), tcp);
    }

    void sendText(String s, boolean tcp) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      if (tcp) {
        ByteBuf out = Unpooled.buffer(4 + b.length).writeInt(b.length).writeBytes(b);
        send(out, out.readableBytes());
      } else {
        send(new TextWebSocketFrame(s), b.length);
      }
    }

    @Override
    protected void onSlowConsumer(Outbox.Limit limit) {}

    @Override
    protected void onClose() {
      hub.release(this);
    }
  }

  final class Handler extends ChannelInboundHandlerAdapter {
    private final boolean tcp;
    private EchoConnection conn;

    Handler(boolean tcp) {
      this.tcp = tcp;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      conn = new EchoConnection(ctx.channel(), tcp);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete hc) {
        conn.sendText("welcome " + hc.requestUri(), false);
      }
      ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      try {
        String text;
        if (msg instanceof TextWebSocketFrame f) {
          text = f.text();
        } else if (msg instanceof ByteBuf b) {
          text = b.toString(StandardCharsets.UTF_8);
        } else {
          return;
        }
        if (text.startsWith("sub ")) {
          hub.subscribe(conn, SubscriptionSpec.onTopic(text.substring(4)).build());
          conn.sendText("subscribed", tcp);
        } else if (text.equals("unsub")) {
          hub.unsubscribeAll(conn);
          conn.sendText("unsubscribed", tcp);
        } else if (text.startsWith("pub ")) {
          String[] parts = text.split(" ", 3);
          hub.publish(Message.builder(parts[1]).payload(parts[2].getBytes(StandardCharsets.UTF_8)).build());
        } else if (text.startsWith("flood ")) {
          String[] parts = text.split(" ");
          String chunk = "x".repeat(Integer.parseInt(parts[2]));
          for (int i = 0; i < Integer.parseInt(parts[1]) && ctx.channel().isOpen(); i++) {
            conn.sendText(chunk, tcp);
          }
        } else {
          conn.sendText(text, tcp);
        }
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }
  }
}
