package switchboard.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import switchboard.core.Owner;
import switchboard.core.delivery.Outbox;

/**
 * A client connection as the engine sees it: an {@link Owner} whose executor is the channel's event
 * loop, with an {@link Outbox} in front of the socket. A dialect's per-connection state extends this.
 *
 * <p>Everything a dialect sends goes through {@link #send} or {@link #reserve}/{@link #commit}, replies
 * and deliveries alike, so they leave in the order they were sent; that order is what makes an
 * unsubscribe reply a barrier. Writes are flushed once per turn of the event loop, however many there
 * were. All methods run on the event loop.
 *
 * <p><b>Batching.</b> Messages that a dialect encodes as bytes ({@link #reserve}) are written into one
 * buffer per connection while nothing waits in the outbox and the socket takes writes, and that buffer
 * goes to the socket as one write when the turn ends or it holds {@value #BATCH_BYTES} bytes. So a
 * subscriber that receives a hundred messages in one turn costs one buffer, one pipeline write and
 * one entry in the socket's queue, not a hundred. Once the socket pushes back, messages are queued one
 * by one in the outbox, as anything else, and count against its limits.
 */
public abstract class Connection implements Owner {
  private static final Logger log = LoggerFactory.getLogger(Connection.class);

  protected final Channel channel;
  private final DialectStats stats;
  private final Outbox<Object> outbox;
  private final Runnable flushTask = this::flushNow;
  private boolean flushScheduled;
  /** Bytes of whole messages not yet handed to the channel; exists only while the outbox is empty. */
  private ByteBuf batch;

  /**
   * A batch this large is handed to the channel at once rather than at the end of the turn. Small
   * enough for the buffer to come from the event loop's own cache in Netty's pool (32 KiB and less).
   */
  static final int BATCH_BYTES = 16 * 1024;

  protected Connection(Channel channel, Outbox.Limits limits, DialectStats stats) {
    this.channel = channel;
    this.stats = stats;
    this.outbox = new Outbox<>(new ChannelSink(channel), limits, (o, limit) -> slowConsumer(limit), ReferenceCountUtil::release);
    channel.pipeline().addLast(PipelineNames.OUTBOX_DRAIN, new ChannelInboundHandlerAdapter() {
      @Override
      public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
          outbox.drain();
        }
        ctx.fireChannelWritabilityChanged();
      }
    });
    channel.closeFuture().addListener(f -> {
      if (batch != null) {
        batch.release();
        batch = null;
      }
      outbox.close();
      onClose();
    });
  }

  @Override
  public final Executor executor() {
    return channel.eventLoop();
  }

  public Channel channel() {
    return channel;
  }

  /**
   * Sends one outbound message (a frame or buffer the pipeline can write), counted as {@code bytes}
   * against the outbox limit. Returns false when it was dropped (slow consumer, or closed).
   */
  protected final boolean send(Object message, int bytes) {
    handOver();
    boolean sent = outbox.offer(message, bytes);
    if (sent) {
      sent();
    }
    return sent;
  }

  /**
   * A buffer to write one outbound message of exactly {@code bytes} bytes into (a whole TCP frame, a
   * whole WebSocket frame with its header), to be passed to {@link #commit} before anything else is
   * sent on this connection. It is the connection's batch while nothing waits in the outbox and the
   * socket takes writes, otherwise a buffer of the message's own.
   */
  protected final ByteBuf reserve(int bytes) {
    if (outbox.queuedMessages() == 0 && !outbox.isClosed() && !outbox.isSlowConsumer() && channel.isWritable()) {
      if (batch != null && batch.writableBytes() < bytes) {
        handOver();
      }
      if (batch == null) {
        batch = channel.alloc().directBuffer(Math.max(bytes, BATCH_BYTES));
      }
      return batch;
    }
    return channel.alloc().directBuffer(bytes);
  }

  /** Sends what was written into a {@link #reserve}d buffer; false when it was dropped. */
  protected final boolean commit(ByteBuf reserved) {
    if (reserved != batch) {
      return send(reserved, reserved.readableBytes());
    }
    sent();
    if (batch.readableBytes() >= BATCH_BYTES) {
      handOver();
    }
    return true;
  }

  /** Sends {@code payload} as one WebSocket text frame; false when it was dropped. */
  protected final boolean sendTextFrame(byte[] payload) {
    ByteBuf b = reserve(WebSocketFrames.textFrameLength(payload.length));
    WebSocketFrames.writeTextHeader(b, payload.length);
    return commit(b.writeBytes(payload));
  }

  /** Sends bytes that are one or more whole frames as the client reads them; false when they were dropped. */
  protected final boolean sendBytes(byte[] frames) {
    return commit(reserve(frames.length).writeBytes(frames));
  }

  private void sent() {
    stats.messagesOut.increment();
    if (!flushScheduled) {
      flushScheduled = true;
      channel.eventLoop().execute(flushTask);
    }
  }

  /** Hands the batch to the outbox (which writes it at once: the batch exists only while it is empty). */
  private void handOver() {
    ByteBuf b = batch;
    if (b != null) {
      batch = null;
      outbox.offer(b, b.readableBytes());
    }
  }

  /** Messages waiting in the outbox (beyond the socket's own buffer). */
  protected final int queuedMessages() {
    return outbox.queuedMessages();
  }

  private void flushNow() {
    flushScheduled = false;
    handOver();
    outbox.flush();
  }

  /**
   * Disconnects this connection as a slow consumer: counted, logged, {@link #onSlowConsumer} told, then
   * closed. The outbox calls it when its queue passes a limit; a dialect may call it when something it
   * buffers itself for the connection passes the same limits.
   */
  protected final void slowConsumer(Outbox.Limit limit) {
    stats.slowConsumers.increment();
    log.info("disconnecting slow consumer {}: outbox passed its {} limit", channel.remoteAddress(), limit.name().toLowerCase());
    onSlowConsumer(limit);
    if (channel.isOpen()) {
      channel.close();
    }
  }

  /**
   * The outbox passed its limit: send the dialect's own reason if it has one (a close frame, an error
   * message) with {@code channel.writeAndFlush}, which bypasses the full outbox. The channel is closed
   * after this returns.
   */
  protected abstract void onSlowConsumer(Outbox.Limit limit);

  /** The connection has closed: release subscriptions and anything else it held. */
  protected abstract void onClose();

  private static final class ChannelSink implements Outbox.Sink<Object> {
    private final Channel channel;

    ChannelSink(Channel channel) {
      this.channel = channel;
    }

    @Override
    public boolean isWritable() {
      return channel.isWritable();
    }

    @Override
    public void write(Object item) {
      channel.write(item, channel.voidPromise());
    }

    @Override
    public void flush() {
      channel.flush();
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + channel.remoteAddress() + "]";
  }
}
