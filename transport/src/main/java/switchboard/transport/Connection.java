package switchboard.transport;

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
 * <p>Everything a dialect sends goes through {@link #send}, replies and deliveries alike, so they leave
 * in the order they were sent; that order is what makes an unsubscribe reply a barrier. Writes are
 * flushed once per turn of the event loop, however many there were. All methods run on the event loop.
 */
public abstract class Connection implements Owner {
  private static final Logger log = LoggerFactory.getLogger(Connection.class);

  protected final Channel channel;
  private final DialectStats stats;
  private final Outbox<Object> outbox;
  private final Runnable flushTask = this::flushNow;
  private boolean flushScheduled;

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
    boolean sent = outbox.offer(message, bytes);
    if (sent) {
      stats.messagesOut.increment();
      if (!flushScheduled) {
        flushScheduled = true;
        channel.eventLoop().execute(flushTask);
      }
    }
    return sent;
  }

  /** Messages waiting in the outbox (beyond the socket's own buffer). */
  protected final int queuedMessages() {
    return outbox.queuedMessages();
  }

  private void flushNow() {
    flushScheduled = false;
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
