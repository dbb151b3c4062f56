package switchboard.devicehive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import switchboard.core.Message;
import switchboard.core.Subscription;
import switchboard.core.SubscriptionSpec;
import switchboard.core.spi.ReplayQuery;
import switchboard.devicehive.auth.HiveAction;

/**
 * {@code GET /device/{deviceId}/notification/poll?waitTimeout=0..60&timestamp=&names=}: the device's
 * notifications newer than {@code timestamp} (strictly, in order, at most
 * {@link DevicehiveConfig#notificationReplayLimit()}), at once when there are any; else the next one
 * to arrive (with one of {@code names}, when given); an empty array when {@code waitTimeout} seconds
 * (default 30) pass first. Without a timestamp only new notifications count.
 *
 * <p>A {@link RestPoll}, subscribed before the store is read, so nothing arrives between the two unseen.
 */
final class NotificationPoll extends RestPoll {

  private NotificationPoll(DevicehiveDialect d, io.netty.channel.Channel channel) {
    super(d, channel);
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
      NotificationPoll poll = new NotificationPoll(d, call.channel());
      SubscriptionSpec.Builder spec = SubscriptionSpec.onTopic(Topics.NOTIFICATION).key(Topics.DEVICE, device.id());
      if (names != null) {
        spec.key(Topics.NAME, names);
      }
      d.hub().subscribe(poll, spec.build());
      if (since == null) {
        poll.waitFor(wait);
        return poll.answer;
      }
      ReplayQuery q = new ReplayQuery(since, Set.of(device.id()), null, null, names, d.config().notificationReplayLimit());
      d.blocking(call.caller(), () -> d.store().notifications().replay(q)).whenComplete((found, err) -> {
        if (err != null) {
          poll.fail(err);
        } else if (!found.isEmpty()) {
          poll.finish(list(found.stream().map(Render::notification).toList()));
        } else {
          poll.waitFor(wait);
        }
      });
      return poll.answer;
    });
  }

  private static RestAnswer list(List<? extends JsonNode> items) {
    ArrayNode list = Render.object().arrayNode();
    list.addAll(items);
    return new RestAnswer(200, list);
  }

  @Override
  RestAnswer nothing() {
    return list(List.of());
  }

  @Override
  public void deliver(Message m, List<Subscription> matched) {
    finish(list(List.of(m.json())));
  }
}
