package switchboard.devicehive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.netty.channel.EventLoop;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import switchboard.core.Message;
import switchboard.core.Subscription;
import switchboard.core.SubscriptionSpec;
import switchboard.core.spi.Notification;
import switchboard.core.spi.ReplayQuery;
import switchboard.devicehive.auth.HiveAction;

/**
 * {@code GET /device/{deviceId}/notification/poll?waitTimeout=0..60&timestamp=&names=}: the device's
 * notifications newer than {@code timestamp} (strictly, in order, at most
 * {@link DevicehiveConfig#notificationReplayLimit()}), at once when there are any; else the next one
 * to arrive (with one of {@code names}, when given); an empty array when {@code waitTimeout} seconds
 * (default 30) pass first. Without a timestamp only new notifications count.
 *
 * <p>Like {@link CommandPoll}: an engine subscriber owned by the request's event loop, subscribed
 * before the store is read, with a timer there; no thread waits. Its state is touched on that loop only.
 */
final class NotificationPoll implements switchboard.core.Owner {
  private final DevicehiveDialect d;
  private final EventLoop loop;
  private final CompletableFuture<RestAnswer> answer = new CompletableFuture<>();
  private ScheduledFuture<?> timer;

  private NotificationPoll(DevicehiveDialect d, EventLoop loop) {
    this.d = d;
    this.loop = loop;
  }

  static CompletionStage<RestAnswer> of(DevicehiveDialect d, RestCall call) {
    int wait = CommandPoll.waitTimeout(call.param("waitTimeout"));
    String ts = call.param("timestamp");
    Instant since;
    try {
      since = ts == null ? null : Times.parse(ts);
    } catch (RuntimeException e) {
      throw DhException.malformed();
    }
    String namesParam = call.param("names");
    Set<String> names = namesParam == null || namesParam.isBlank() ? null : Set.of(namesParam.split(","));
    return Access.device(d, call.caller(), call.path().get("deviceId"), HiveAction.GET_DEVICE_NOTIFICATION).thenCompose(device -> {
      NotificationPoll poll = new NotificationPoll(d, call.channel().eventLoop());
      SubscriptionSpec.Builder spec = SubscriptionSpec.onTopic(Topics.NOTIFICATION).key(Topics.DEVICE, device.id());
      if (names != null) {
        spec.key(Topics.NAME, names);
      }
      d.hub().subscribe(poll, spec.build());
      call.channel().closeFuture().addListener(f -> poll.loop.execute(() -> poll.finish(List.of())));
      if (since == null) {
        poll.waitFor(wait);
        return poll.answer;
      }
      ReplayQuery q = new ReplayQuery(since, Set.of(device.id()), null, null, names, d.config().notificationReplayLimit());
      d.blocking(call.caller(), () -> d.store().notifications().replay(q)).whenComplete((found, err) -> {
        if (err != null) {
          poll.fail(err);
        } else if (!found.isEmpty()) {
          poll.finish(found);
        } else {
          poll.waitFor(wait);
        }
      });
      return poll.answer;
    });
  }

  private void waitFor(int seconds) {
    if (answer.isDone()) {
      return;
    }
    if (seconds == 0) {
      finish(List.of());
    } else {
      timer = loop.schedule(() -> finish(List.of()), seconds, TimeUnit.SECONDS);
    }
  }

  @Override
  public Executor executor() {
    return loop;
  }

  @Override
  public void deliver(Message m, List<Subscription> matched) {
    if (answer.isDone()) {
      return;
    }
    ArrayNode list = Render.object().arrayNode();
    list.add(m.json());
    end();
    answer.complete(new RestAnswer(200, list));
  }

  private void finish(List<Notification> found) {
    if (answer.isDone()) {
      return;
    }
    ArrayNode list = Render.object().arrayNode();
    found.forEach(n -> list.add(Render.notification(n)));
    end();
    answer.complete(new RestAnswer(200, list));
  }

  private void fail(Throwable e) {
    end();
    answer.completeExceptionally(e);
  }

  private void end() {
    if (timer != null) {
      timer.cancel(false);
    }
    d.hub().release(this);
  }
}
