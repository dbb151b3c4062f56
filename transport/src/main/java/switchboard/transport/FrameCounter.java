package switchboard.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** Counts the whole messages that reach the dialect. */
final class FrameCounter extends ChannelInboundHandlerAdapter {
  private final DialectStats stats;

  FrameCounter(DialectStats stats) {
    this.stats = stats;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    stats.messagesIn.increment();
    ctx.fireChannelRead(msg);
  }
}
