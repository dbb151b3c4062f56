package switchboard.devicehive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import switchboard.core.Subscription;
import switchboard.devicehive.auth.AuthError;
import switchboard.devicehive.auth.HiveAction;
import switchboard.devicehive.auth.Principal;

/**
 * {@code command/unsubscribe} and {@code notification/unsubscribe} (seed 000: by
 * {@code subscriptionId}, or every subscription of that type on this connection when it is absent)
 * and {@code subscription/list} (seed 003). Subscribing is {@link Subscribe}.
 */
final class SubscriptionActions {
  private SubscriptionActions() {}

  static void register(DevicehiveDialect d, Map<String, Action> actions) {
    actions.put("command/subscribe", (c, r) -> Subscribe.run(d, c, r, DhSubscription.COMMAND));
    actions.put("notification/subscribe", (c, r) -> Subscribe.run(d, c, r, DhSubscription.NOTIFICATION));
    actions.put("command/unsubscribe", (c, r) -> unsubscribe(c, r, DhSubscription.COMMAND));
    actions.put("notification/unsubscribe", (c, r) -> unsubscribe(c, r, DhSubscription.NOTIFICATION));
    actions.put("subscription/list", SubscriptionActions::list);
  }

  static HiveAction permission(String type) {
    return DhSubscription.COMMAND.equals(type) ? HiveAction.GET_DEVICE_COMMAND : HiveAction.GET_DEVICE_NOTIFICATION;
  }

  /**
   * Ids live in one set per type, so a notification id given to command/unsubscribe is 404 (§3). The
   * engine ends the subscription before the reply is queued: nothing for it follows the reply.
   */
  private static CompletionStage<Reply> unsubscribe(DhConnection c, Request r, String type) {
    Access.require(c, permission(type));
    Long id = r.longValue("subscriptionId");
    Map<Long, Subscription> mine = c.subscriptions(type);
    if (id != null) {
      Subscription s = mine.remove(id);
      if (s == null) {
        throw DhException.subscriptionNotFound(id);
      }
      c.hub.unsubscribe(c, s.id());
    } else {
      for (Subscription s : mine.values()) {
        c.hub.unsubscribe(c, s.id());
      }
      mine.clear();
    }
    return CompletableFuture.completedFuture(Reply.EMPTY);
  }

  /** Seed 003; each type is listed only to a token that may read it (§3), an unknown type is []. */
  private static CompletionStage<Reply> list(DhConnection c, Request r) {
    Principal p = c.principal;
    if (p == null) {
      throw AuthError.UNAUTHORIZED.exception();
    }
    boolean commands = p.has(HiveAction.GET_DEVICE_COMMAND);
    boolean notifications = p.has(HiveAction.GET_DEVICE_NOTIFICATION);
    if (!commands && !notifications) {
      throw AuthError.ACCESS_DENIED.exception();
    }
    String type = r.text("type");
    ArrayNode out = Render.JSON.createArrayNode();
    if (commands && (type == null || type.equals(DhSubscription.COMMAND))) {
      c.commandSubscriptions.values().forEach(s -> out.add(s.attachment(DhSubscription.class).describe()));
    }
    if (notifications && (type == null || type.equals(DhSubscription.NOTIFICATION))) {
      c.notificationSubscriptions.values().forEach(s -> out.add(s.attachment(DhSubscription.class).describe()));
    }
    ObjectNode o = Render.object();
    o.set("subscriptions", out);
    return CompletableFuture.completedFuture(Reply.of(o));
  }
}
