package switchboard.devicehive;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import switchboard.core.Owner;

/**
 * What a REST poll waits with: an engine subscriber owned by its request's event loop, a timer there,
 * and the request's channel, whose closing ends the wait. No thread is held while it waits. Its state
 * is touched on that event loop only; every way out ({@link #finish}, {@link #fail}) ends the
 * subscription, the timer and the close listener, so a keep-alive connection keeps nothing behind.
 */
abstract class RestPoll implements Owner {
  final DevicehiveDialect d;
  final EventLoop loop;
  final CompletableFuture<RestAnswer> answer = new CompletableFuture<>();
  private final Channel channel;
  private final ChannelFutureListener onClose;
  private ScheduledFuture<?> timer;

  RestPoll(DevicehiveDialect d, Channel channel) {
    this.d = d;
    this.channel = channel;
    this.loop = channel.eventLoop();
    this.onClose = f -> loop.execute(this::timedOut);
    channel.closeFuture().addListener(onClose);
  }

  /** What the poll answers when its wait passes (or its connection closes) with nothing. */
  abstract RestAnswer nothing();

  /** Waits this many seconds for a delivery, then answers {@link #nothing()}; at once for 0. */
  final void waitFor(int seconds) {
    if (answer.isDone()) {
      return;
    }
    if (seconds == 0) {
      timedOut();
    } else {
      timer = loop.schedule(this::timedOut, seconds, TimeUnit.SECONDS);
    }
  }

  private void timedOut() {
    finish(nothing());
  }

  final void finish(RestAnswer a) {
    if (end()) {
      answer.complete(a);
    }
  }

  final void fail(Throwable e) {
    if (end()) {
      answer.completeExceptionally(e);
    }
  }

  /** Ends the wait; false when it had ended already. */
  private boolean end() {
    if (answer.isDone()) {
      return false;
    }
    if (timer != null) {
      timer.cancel(false);
    }
    channel.closeFuture().removeListener(onClose);
    d.hub().release(this);
    return true;
  }

  @Override
  public final Executor executor() {
    return loop;
  }
}
