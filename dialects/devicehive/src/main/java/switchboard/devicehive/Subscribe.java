package switchboard.devicehive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import switchboard.core.Subscription;
import switchboard.core.SubscriptionSpec;
import switchboard.core.spi.Device;
import switchboard.core.spi.ReplayQuery;
import switchboard.core.spi.Store;
import switchboard.devicehive.auth.AuthError;
import switchboard.devicehive.auth.HiveAction;
import switchboard.devicehive.auth.Principal;

/**
 * {@code command/subscribe} and {@code notification/subscribe} (§3, §4). The filters become key
 * constraints on the engine's index: a device subscription constrains {@code deviceId}; otherwise
 * the requested (or the token's) networks and device types constrain {@code networkId} and
 * {@code deviceTypeId}, whose product is DeviceHive's filter expansion, so devices added to those
 * networks later are covered too; {@code names} constrains {@code name}. A {@code timestamp} replays
 * what is strictly newer from the store after the reply, then the subscription goes live.
 */
final class Subscribe {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Subscribe.class);
  private Subscribe() {}

  /** The filters as resolved: a device, or networks and types (null meaning all). */
  private record Filter(String deviceId, Set<Long> networks, Set<Long> types) {}

  static CompletionStage<Reply> run(DevicehiveDialect d, DhConnection c, Request r, String type) {
    HiveAction action = SubscriptionActions.permission(type);
    Principal p = Access.require(c, action);
    boolean commands = DhSubscription.COMMAND.equals(type);
    String deviceId = r.deviceId();
    if (deviceId != null && deviceId.isEmpty()) {
      throw DhException.badDeviceId();
    }
    Set<Long> networkIds = r.longSet("networkIds");
    Set<Long> typeIds = r.longSet("deviceTypeIds");
    Set<String> names = r.stringSet("names");
    Instant since = r.timestamp("timestamp");
    Integer limit = commands ? r.intValue("limit") : null;
    int replayLimit = commands ? (limit == null ? d.config().commandReplayLimit() : Math.max(0, limit))
        : d.config().notificationReplayLimit();
    boolean updates = commands && r.bool("returnUpdatedCommands");
    return d.blocking(c, () -> resolve(d.store(), p, action, deviceId, networkIds, typeIds)).thenApply(f -> {
      DhSubscription ds = new DhSubscription(d.subscriptionIds().next(), type, deviceId, networkIds, typeIds, names, since);
      SubscriptionSpec.Builder spec = SubscriptionSpec.onTopic(topic(type, updates)).type(type);
      if (f.deviceId() != null) {
        spec.key(Topics.DEVICE, f.deviceId());
      }
      if (f.networks() != null) {
        spec.key(Topics.NETWORK, strings(f.networks()));
      }
      if (f.types() != null) {
        spec.key(Topics.TYPE, strings(f.types()));
      }
      if (names != null) {
        if (names.isEmpty()) {
          throw DhException.malformed();
        }
        spec.key(Topics.NAME, names);
      }
      Subscription s = c.hub.subscribe(c, spec.build(), ds);
      c.subscriptions(type).put(ds.id, s);
      ObjectNode o = Render.object();
      o.put("subscriptionId", ds.id);
      if (since == null) {
        return Reply.of(o);
      }
      ReplayQuery q = query(ReplayQuery.since(since, replayLimit), f, names);
      return new Reply(o, () -> replay(d, c, ds, q, commands, updates));
    });
  }

  private static String topic(String type, boolean updates) {
    if (!DhSubscription.COMMAND.equals(type)) {
      return Topics.NOTIFICATION;
    }
    return updates ? Topics.COMMAND_UPDATE : Topics.COMMAND;
  }

  /** Blocking: checks the requested networks, types and device against the store and the token (§4). */
  private static Filter resolve(Store store, Principal p, HiveAction action, String deviceId,
      Set<Long> networkIds, Set<Long> typeIds) {
    boolean admin = Access.isAdmin(p);
    if (networkIds != null) {
      Set<Long> missing = new TreeSet<>();
      for (long id : networkIds) {
        if (store.networks().find(id).isEmpty() || !p.canAccessNetwork(id)) {
          missing.add(id);
        }
      }
      if (!missing.isEmpty()) {
        throw admin ? DhException.networksNotFound(missing) : AuthError.ACCESS_DENIED.exception();
      }
    }
    if (typeIds != null) {
      Set<Long> missing = new TreeSet<>();
      for (long id : typeIds) {
        if (store.deviceTypes().find(id).isEmpty() || !p.canAccessDeviceType(id)) {
          missing.add(id);
        }
      }
      if (!missing.isEmpty()) {
        throw admin ? DhException.deviceTypesNotFound(missing) : AuthError.ACCESS_DENIED.exception();
      }
    }
    Set<Long> networks = networkIds != null ? networkIds : p.allNetworks() ? null : p.networkIds();
    Set<Long> types = typeIds != null ? typeIds : p.allDeviceTypes() ? null : p.deviceTypeIds();
    if (networks != null && networks.isEmpty() || types != null && types.isEmpty()) {
      throw DhException.noNetworksOrTypes();
    }
    if (deviceId == null) {
      return new Filter(null, networks, types);
    }
    Device dev = store.devices().find(deviceId).orElse(null);
    if (dev == null) {
      throw p.canAccessMissingDevice(action) ? DhException.deviceNotFound(deviceId) : AuthError.ACCESS_DENIED.exception();
    }
    p.requireDevice(action, dev.networkId(), dev.deviceTypeId());
    return new Filter(deviceId, null, null);
  }

  private static ReplayQuery query(ReplayQuery q, Filter f, Set<String> names) {
    if (f.deviceId() != null) {
      q = q.forDevice(f.deviceId());
    }
    if (f.networks() != null) {
      q = q.inNetworks(f.networks());
    }
    if (f.types() != null) {
      q = q.ofDeviceTypes(f.types());
    }
    return names == null ? q : q.withNames(names);
  }

  /** After the reply: the replay, then what arrived live meanwhile and was not in the replay. */
  private static CompletionStage<?> replay(DevicehiveDialect d, DhConnection c, DhSubscription ds, ReplayQuery q,
      boolean commands, boolean updates) {
    return d.blocking(c, () -> {
      List<DhEvent> events = new ArrayList<>();
      if (commands) {
        var found = updates ? d.store().commands().replayUpdated(q) : d.store().commands().replay(q);
        String act = updates ? "command/update" : "command/insert";
        found.forEach(cmd -> events.add(DhEvent.of(act, "command", cmd.id(), Render.command(cmd))));
      } else {
        d.store().notifications().replay(q).forEach(n ->
            events.add(DhEvent.of("notification/insert", "notification", n.id(), Render.notification(n))));
      }
      return events;
    }).handle((events, err) -> {
      if (err != null) {
        log.warn("devicehive replay for subscription {} failed", ds.id, err);
      }
      Set<Long> ids = new HashSet<>();
      boolean live = c.subscriptions(ds.type).containsKey(ds.id);
      if (events != null && live) {
        for (DhEvent e : events) {
          ids.add(e.id());
          c.push(ds, e);
        }
      }
      for (DhEvent e : ds.release(ids)) {
        if (live) {
          c.push(ds, e);
        }
      }
      return CompletableFuture.completedFuture(null);
    });
  }

  private static Set<String> strings(Set<Long> ids) {
    Set<String> out = new HashSet<>();
    ids.forEach(id -> out.add(String.valueOf(id)));
    return out;
  }
}
