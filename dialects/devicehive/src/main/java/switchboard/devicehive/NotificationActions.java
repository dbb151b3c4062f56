package switchboard.devicehive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import switchboard.core.spi.Notification;
import switchboard.core.spi.NotificationQuery;
import switchboard.devicehive.auth.HiveAction;

/** {@code notification/insert}, {@code notification/get}, {@code notification/list} (§3). */
final class NotificationActions {
  private NotificationActions() {}

  static void register(DevicehiveDialect d, Map<String, Operation> actions) {
    actions.put("notification/insert", (c, r) -> insert(d, c, r));
    actions.put("notification/get", (c, r) -> get(d, c, r));
    actions.put("notification/list", (c, r) -> list(d, c, r));
  }

  /** Check order as DeviceHive's: the notification, the device id, the device, its network. */
  private static CompletionStage<Reply> insert(DevicehiveDialect d, Caller c, Request r) {
    Access.require(c, HiveAction.CREATE_DEVICE_NOTIFICATION);
    ObjectNode body = r.object("notification");
    String name = body == null ? null : Request.text(body, "notification");
    if (name == null) {
      throw DhException.notificationRequired();
    }
    Instant at = new Request(r.action(), r.requestId(), body).timestamp("timestamp");
    String parameters = Request.raw(body, "parameters");
    return Access.device(d, c, r.deviceId(), HiveAction.CREATE_DEVICE_NOTIFICATION).thenCompose(device -> {
      if (device.networkId() == null) {
        throw DhException.noNetwork(device.id());
      }
      Notification draft = Notification.newNotification(device, name, parameters);
      Notification toStore = at == null ? draft : draft.withTimestamp(at);
      return d.blocking(c, () -> {
        Notification stored = d.store().notifications().insert(toStore);
        d.hub().publish(Topics.notification(stored));
        return stored;
      });
    }).thenApply(stored -> {
      ObjectNode o = Render.object();
      o.set("notification", Render.notificationInserted(stored));
      return Reply.of(o);
    });
  }

  private static CompletionStage<Reply> get(DevicehiveDialect d, Caller c, Request r) {
    Access.require(c, HiveAction.GET_DEVICE_NOTIFICATION);
    JsonNode idNode = r.get("notificationId");
    if (idNode == null || !(idNode.canConvertToExactIntegral() || idNode.isTextual() && idNode.textValue().matches("-?\\d{1,18}"))) {
      throw DhException.badNotificationId();
    }
    long id = idNode.isTextual() ? Long.parseLong(idNode.textValue()) : idNode.longValue();
    return Access.device(d, c, r.deviceId(), HiveAction.GET_DEVICE_NOTIFICATION)
        .thenCompose(device -> d.blocking(c, () -> d.store().notifications().find(device.id(), id)
            .orElseThrow(() -> DhException.notificationNotFound(id))))
        .thenApply(n -> {
          ObjectNode o = Render.object();
          o.set("notification", Render.notification(n));
          return Reply.of(o);
        });
  }

  private static CompletionStage<Reply> list(DevicehiveDialect d, Caller c, Request r) {
    Access.require(c, HiveAction.GET_DEVICE_NOTIFICATION);
    String name = r.text("notification");
    NotificationQuery q = NotificationQuery.forDevice(r.deviceId() == null ? "" : r.deviceId())
        .withNames(name == null ? null : Set.of(name))
        .between(r.timestamp("start"), r.timestamp("end"))
        .sortedBy(sort(r.text("sortField")), CommandActions.descending(r.text("sortOrder")))
        .withPage(CommandActions.page(r));
    return Access.device(d, c, r.deviceId(), HiveAction.GET_DEVICE_NOTIFICATION)
        .thenCompose(device -> d.blocking(c, () -> d.store().notifications().list(q)))
        .thenApply(found -> {
          ArrayNode list = Render.JSON.createArrayNode();
          found.forEach(n -> list.add(Render.notification(n)));
          ObjectNode o = Render.object();
          o.set("notifications", list);
          return Reply.of(o);
        });
  }

  private static NotificationQuery.Sort sort(String field) {
    if (field == null) {
      return NotificationQuery.Sort.TIMESTAMP;
    }
    return switch (field.toLowerCase(Locale.ROOT)) {
      case "notification" -> NotificationQuery.Sort.NOTIFICATION;
      case "timestamp" -> NotificationQuery.Sort.TIMESTAMP;
      default -> throw new DhException(400, "Unknown sort field: " + field);
    };
  }
}
