package switchboard.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * First in every pipeline: counts the connection and its raw bytes under one dialect at a time. A
 * WebSocket connection starts as plain HTTP and moves to its dialect when upgraded.
 */
final class StatsHandler extends ChannelDuplexHandler {
  private DialectStats stats;
  private boolean active;

  StatsHandler(DialectStats initial) {
    this.stats = initial;
  }

  /** Moves the connection to another dialect's counters. On the event loop. */
  void moveTo(DialectStats next) {
    if (next == stats) {
      return;
    }
    if (active) {
      stats.closed.increment();
      next.opened.increment();
    }
    stats = next;
  }

  DialectStats stats() {
    return stats;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    active = true;
    stats.opened.increment();
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (active) {
      active = false;
      stats.closed.increment();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf b) {
      stats.bytesIn.add(b.readableBytes());
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof ByteBuf b) {
      stats.bytesOut.add(b.readableBytes());
    } else if (msg instanceof ByteBufHolder h) {
      stats.bytesOut.add(h.content().readableBytes());
    }
    ctx.write(msg, promise);
  }
}
