package switchboard.devicehive;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import switchboard.core.Hub;
import switchboard.core.Message;
import switchboard.core.Subscription;
import switchboard.core.delivery.Outbox;
import switchboard.devicehive.auth.Principal;
import switchboard.transport.Connection;
import switchboard.transport.DialectStats;

/**
 * One DeviceHive session: its principal (null until it authenticates), its command and notification
 * subscriptions by id, and its queue of requests. Touched on its event loop only.
 *
 * <p>Requests run one at a time, in arrival order: store calls leave the event loop, so without the
 * queue a quick request could overtake a slow one and replies would leave out of order.
 */
final class DhConnection extends Connection implements Caller {
  private static final Logger log = LoggerFactory.getLogger(DhConnection.class);
  /** DeviceHive closes a session whose send buffer overflows; 1008 names the policy it broke. */
  static final int POLICY_ERROR = 1008;

  final Hub hub;
  Principal principal;
  /** The upgrade request's Host header, for server/info's restServerUrl; null when absent. */
  String host;
  final Map<Long, Subscription> commandSubscriptions = new LinkedHashMap<>();
  final Map<Long, Subscription> notificationSubscriptions = new LinkedHashMap<>();
  private final ArrayDeque<Supplier<CompletionStage<?>>> queue = new ArrayDeque<>();
  private boolean busy;

  DhConnection(Channel channel, Hub hub, Outbox.Limits limits, DialectStats stats) {
    super(channel, limits, stats);
    this.hub = hub;
  }

  @Override
  public Principal principal() {
    return principal;
  }

  @Override
  public String host() {
    return host;
  }

  /** Runs the task after every task queued before it has finished. */
  void enqueue(Supplier<CompletionStage<?>> task) {
    queue.add(task);
    if (!busy) {
      next();
    }
  }

  private void next() {
    Supplier<CompletionStage<?>> task = queue.poll();
    busy = task != null;
    if (task == null) {
      return;
    }
    CompletionStage<?> done;
    try {
      done = task.get();
    } catch (RuntimeException e) {
      log.warn("request task failed on {}", this, e);
      next();
      return;
    }
    done.whenComplete((r, e) -> executor().execute(this::next));
  }

  Map<Long, Subscription> subscriptions(String type) {
    return DhSubscription.COMMAND.equals(type) ? commandSubscriptions : notificationSubscriptions;
  }

  void sendJson(byte[] json) {
    sendTextFrame(json);
  }

  void push(DhSubscription s, DhEvent e) {
    sendJson(e.forSubscription(s.id));
  }

  /** One push per matching subscription, as DeviceHive sends (§3): each names its subscriptionId. */
  @Override
  public void deliver(Message m, List<Subscription> matched) {
    if (!(m.attachment() instanceof DhEvent event)) {
      return;
    }
    for (Subscription s : matched) {
      DhSubscription ds = s.attachment(DhSubscription.class);
      if (!ds.hold(event)) {
        push(ds, event);
      }
    }
  }

  @Override
  protected void onSlowConsumer(Outbox.Limit limit) {
    channel.writeAndFlush(new CloseWebSocketFrame(POLICY_ERROR, "Send buffer overflow"))
        .addListener(ChannelFutureListener.CLOSE);
  }

  /** §1: a closed session's subscriptions all end. */
  @Override
  protected void onClose() {
    hub.release(this);
    commandSubscriptions.clear();
    notificationSubscriptions.clear();
    queue.clear();
  }
}
