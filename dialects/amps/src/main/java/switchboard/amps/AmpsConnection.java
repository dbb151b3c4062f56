package switchboard.amps;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.List;
import switchboard.core.Hub;
import switchboard.core.Message;
import switchboard.core.Subscription;
import switchboard.core.ValueKeyedMap;
import switchboard.core.delivery.Outbox;
import switchboard.transport.Connection;
import switchboard.transport.DialectStats;
import switchboard.transport.WebSocketFrames;

/**
 * One AMPS client connection: its session (logon, heartbeat), its subscriptions by the client's
 * {@code sub_id}, its SOW queries in progress, and how a header and a body go out on its transport.
 * On its event loop only.
 */
final class AmpsConnection extends Connection {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AmpsConnection.class);
  /** The pipeline handler that sends more of the SOW answers when the socket has drained. */
  static final String SOW_PUMP = "amps-sow-pump";
  final Hub hub;
  final AmpsConfig config;
  private final boolean webSocket;
  private final HeaderWriter writer = new HeaderWriter();

  boolean loggedOn;
  String clientName;
  String userId;
  /** The hub's subscriptions by the client's sub_id (a compact map: a connection may hold 100k). */
  final ValueKeyedMap<String, Subscription> subscriptions =
      new ValueKeyedMap<>(AmpsSubscription::subId);
  final Heartbeat heartbeat;
  /** SOW queries whose answers are still being sent. */
  final SowStreams queries;
  /** Persisted acks of this connection's publishes that wait for the SOW journal ({@link SowPersistence}). */
  int persistedPending;

  /** Accepts a token as a logon password, or null. */
  final switchboard.core.spi.Authenticator tokens;

  AmpsConnection(Channel channel, boolean webSocket, Hub hub, AmpsConfig config, switchboard.core.spi.Authenticator tokens,
      Outbox.Limits limits, DialectStats stats) {
    super(channel, limits, stats);
    this.tokens = tokens;
    this.webSocket = webSocket;
    this.hub = hub;
    this.config = config;
    this.heartbeat = new Heartbeat(this);
    this.queries = new SowStreams(this, limits);
    // after the transport's outbox drain (added by super): what waited there goes first, then more records
    channel.pipeline().addLast(SOW_PUMP, new ChannelInboundHandlerAdapter() {
      @Override
      public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
          queries.pump();
        }
        ctx.fireChannelWritabilityChanged();
      }
    });
  }

  /** True while a SOW batch may go out: the socket takes writes and nothing waits in the outbox. */
  boolean hasRoom() {
    return channel.isWritable() && queuedMessages() == 0;
  }

  /** A fresh header writer; its bytes must be taken before the next call. */
  HeaderWriter header(String command) {
    return writer.reset().field("c", command);
  }

  /** Sends a header with no body. */
  void sendHeader(HeaderWriter h) {
    int n = h.close();
    ByteBuf b;
    if (webSocket) {
      b = reserve(WebSocketFrames.textFrameLength(n));
      WebSocketFrames.writeTextHeader(b, n);
    } else {
      b = reserve(4 + n);
      b.writeInt(n);
    }
    h.writeTo(b);
    commit(b);
  }

  /**
   * Sends a header and its body. On TCP the body follows the header in the same frame; on WebSocket it
   * is a frame of its own, and an empty body is announced with {@code "l":0} and not sent.
   */
  void sendMessage(HeaderWriter h, byte[] body) {
    if (webSocket && body.length == 0) {
      h.field("l", 0);
      sendHeader(h);
      return;
    }
    int n = h.close();
    ByteBuf b;
    if (webSocket) {
      b = reserve(WebSocketFrames.textFrameLength(n) + WebSocketFrames.textFrameLength(body.length));
      WebSocketFrames.writeTextHeader(b, n);
      h.writeTo(b);
      WebSocketFrames.writeTextHeader(b, body.length);
    } else {
      b = reserve(4 + n + body.length);
      b.writeInt(n + body.length);
      h.writeTo(b);
    }
    b.writeBytes(body);
    commit(b);
  }

  /**
   * One batch of SOW records (protocols/amps.md §1.1, §1.2): the batch header carries {@code bs}, the
   * number of records; each record has its own header with its key {@code k}. On TCP the whole batch
   * is one frame and each record header gives its body length {@code l}; on WebSocket each record
   * header and each body is a frame of its own.
   */
  void sendSowBatch(String topic, String queryId, String subId, List<switchboard.core.sow.SowRecord> batch) {
    byte[] outer = header("sow").field("t", topic).field("query_id", queryId).field("sub_id", subId)
        .field("bs", batch.size()).toBytes();
    if (webSocket) {
      send(new TextWebSocketFrame(Unpooled.wrappedBuffer(outer)), outer.length);
      for (switchboard.core.sow.SowRecord r : batch) {
        byte[] rh = writer.reset().field("k", r.sowKey()).field("ts", Timestamps.format(r.timestamp())).toBytes();
        send(new TextWebSocketFrame(Unpooled.wrappedBuffer(rh)), rh.length);
        send(new TextWebSocketFrame(Unpooled.wrappedBuffer(r.payload())), r.payload().length);
      }
      return;
    }
    ByteBuf b = channel.alloc().buffer();
    b.writeInt(0).writeBytes(outer);
    for (switchboard.core.sow.SowRecord r : batch) {
      b.writeBytes(writer.reset().field("k", r.sowKey()).field("l", r.payload().length)
          .field("ts", Timestamps.format(r.timestamp())).toBytes());
      b.writeBytes(r.payload());
    }
    b.setInt(0, b.readableBytes() - 4);
    send(b, b.readableBytes());
  }

  /**
   * One {@code p} message per publish, listing every subscription of this connection it matched; or an
   * {@code oof} notice, with its reason and the record's latest body (protocols/amps.md §3.2).
   */
  @Override
  public void deliver(Message m, List<Subscription> matched) {
    List<Subscription> now = queries.hold(m, matched);
    if (!now.isEmpty()) {
      deliverNow(m, now);
    }
  }

  /**
   * Sends a delivery to these subscriptions, none of which has a query in progress holding it: one
   * {@code p} (or {@code oof}) listing them all, or, for an update of a State-of-the-World record
   * that delta subscriptions matched, the whole record to the others and the change to those.
   */
  void deliverNow(Message m, List<Subscription> matched) {
    if (!(m.attachment() instanceof AmpsSubscription.Change change) || !anyDelta(matched)) {
      send(m, matched, m.payload());
      return;
    }
    List<Subscription> whole = new java.util.ArrayList<>(matched.size());
    List<Subscription> deltas = new java.util.ArrayList<>(matched.size());
    for (Subscription s : matched) {
      AmpsSubscription a = AmpsSubscription.options(s);
      if (!a.delta()) {
        whole.add(s);
      } else if (!(change.empty() && a.noEmpties())) {
        deltas.add(s);
      }
    }
    if (!whole.isEmpty()) {
      send(m, whole, m.payload());
    }
    if (!deltas.isEmpty()) {
      send(m, deltas, change.body());
    }
  }

  private static boolean anyDelta(List<Subscription> matched) {
    for (Subscription s : matched) {
      if (AmpsSubscription.options(s).delta()) {
        return true;
      }
    }
    return false;
  }

  private void send(Message m, List<Subscription> to, byte[] body) {
    boolean timestamp = false;
    boolean sowKey = false;
    for (int i = 0; i < to.size(); i++) {
      AmpsSubscription a = AmpsSubscription.options(to.get(i));
      timestamp |= a.timestamp();
      sowKey |= !a.noSowKey();
    }
    AmpsSubscription.OutOfFocus oof = m.attachment() instanceof AmpsSubscription.OutOfFocus o ? o : null;
    HeaderWriter h = writer.reset(Prefix.of(m, oof == null ? "p" : "oof")).field("sids", sids(to));
    if (oof != null) {
      h.field("reason", oof.reason());
    }
    if (sowKey && m.key() != null) {
      h.field("k", m.key());
    }
    if (timestamp) {
      h.field("ts", Timestamps.format(m.timestamp()));
    }
    sendMessage(h, body);
  }

  private static String sids(List<Subscription> to) {
    if (to.size() == 1) {
      return AmpsSubscription.subId(to.get(0));
    }
    StringBuilder sids = new StringBuilder();
    for (int i = 0; i < to.size(); i++) {
      if (i > 0) {
        sids.append(',');
      }
      sids.append(AmpsSubscription.subId(to.get(i)));
    }
    return sids.toString();
  }

  /**
   * The start of a delivery's header, {@code {"c":"p","s":…,"t":"…"}} without its closing brace, the
   * same for every connection the message reaches: written once per message on each event loop, which
   * delivers one message to all its connections before the next.
   */
  private static final class Prefix {
    private static final ThreadLocal<Prefix> LAST = ThreadLocal.withInitial(Prefix::new);
    private final HeaderWriter writer = new HeaderWriter();
    private Message message;
    private String command;
    private byte[] bytes;

    static byte[] of(Message m, String command) {
      Prefix p = LAST.get();
      if (p.message != m || !p.command.equals(command)) {
        p.bytes = p.writer.reset().field("c", command).field("s", m.sequence()).field("t", m.topic()).prefix();
        p.message = m;
        p.command = command;
      }
      return p.bytes;
    }
  }

  /** Held live messages passed the outbox limits: as for a full outbox, the connection is dropped. */
  void disconnectSlowConsumer(Outbox.Limit limit) {
    slowConsumer(limit);
  }

  @Override
  protected void onSlowConsumer(Outbox.Limit limit) {
    // As AMPS: the reason is logged and the connection dropped; the protocol has no message for it.
    log.info("disconnecting client '{}' at {}: {}", clientName, channel.remoteAddress(), Reason.SLOW_CLIENT);
  }

  @Override
  protected void onClose() {
    heartbeat.stop();
    queries.close();
    hub.release(this);
    subscriptions.clear();
  }
}
