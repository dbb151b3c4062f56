package switchboard.devicehive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import switchboard.core.spi.User;
import switchboard.devicehive.auth.HiveAction;

/**
 * The networks and device types a user is given (ManageUser): {@code user/getNetwork},
 * {@code user/assignNetwork}, {@code user/unassignNetwork}, and the device type counterparts REST
 * serves under {@code /user/{id}/devicetype}, with {@code all} toggling the user's
 * {@code allDeviceTypesAvailable}. A missing user, entry or link is 404.
 */
final class UserLinks {
  private UserLinks() {}

  static void register(DevicehiveDialect d, Map<String, Operation> ops) {
    link(d, ops, Catalog.NETWORKS, "Network");
    link(d, ops, Catalog.DEVICE_TYPES, "DeviceType");
    ops.put("user/getDeviceTypes", (c, r) -> {
      Access.require(c, HiveAction.MANAGE_USER);
      long user = UserEdits.userId(r);
      return d.blocking(c, () -> {
        UserEdits.user(d, user);
        ArrayNode out = Render.JSON.createArrayNode();
        d.store().users().deviceTypes(user).forEach(t -> out.add(CatalogActions.render(Catalog.of(t))));
        return Reply.of(Render.object().set("deviceTypes", out));
      });
    });
    ops.put("user/assignAllDeviceTypes", (c, r) -> allTypes(d, c, r, true));
    ops.put("user/unassignAllDeviceTypes", (c, r) -> allTypes(d, c, r, false));
  }

  private static void link(DevicehiveDialect d, Map<String, Operation> ops, Catalog k, String suffix) {
    ops.put("user/get" + suffix, (c, r) -> run(d, c, r, k, (user, id) -> {
      List<Catalog.Entry> linked = k == Catalog.NETWORKS
          ? d.store().users().networks(user).stream().map(Catalog::of).toList()
          : d.store().users().deviceTypes(user).stream().map(Catalog::of).toList();
      Catalog.Entry e = linked.stream().filter(x -> x.id() == id).findFirst()
          .orElseThrow(() -> CatalogActions.notFound(k, id));
      return Reply.of(Render.object().set(k.one(), CatalogActions.render(e)));
    }));
    ops.put("user/assign" + suffix, (c, r) -> run(d, c, r, k, (user, id) -> {
      if (k == Catalog.NETWORKS) {
        d.store().users().addNetwork(user, id);
      } else {
        d.store().users().addDeviceType(user, id);
      }
      return Reply.EMPTY;
    }));
    ops.put("user/unassign" + suffix, (c, r) -> run(d, c, r, k, (user, id) -> {
      if (k == Catalog.NETWORKS) {
        d.store().users().removeNetwork(user, id);
      } else {
        d.store().users().removeDeviceType(user, id);
      }
      return Reply.EMPTY;
    }));
  }

  private interface LinkWork {
    Reply apply(long userId, long entryId);
  }

  /** Checks ManageUser, then (blocking) that the user and the entry exist, then does the work. */
  private static CompletionStage<Reply> run(DevicehiveDialect d, Caller c, Request r, Catalog k, LinkWork work) {
    Access.require(c, HiveAction.MANAGE_USER);
    long user = UserEdits.userId(r);
    Long id = r.longValue(k.idField());
    if (id == null) {
      throw new DhException(400, k.label() + " id is required");
    }
    return d.blocking(c, () -> {
      UserEdits.user(d, user);
      k.find(d.store(), id).orElseThrow(() -> CatalogActions.notFound(k, id));
      return work.apply(user, id);
    });
  }

  private static CompletionStage<Reply> allTypes(DevicehiveDialect d, Caller c, Request r, boolean all) {
    Access.require(c, HiveAction.MANAGE_USER);
    long id = UserEdits.userId(r);
    return d.blocking(c, () -> {
      User u = UserEdits.user(d, id);
      d.store().users().update(new User(u.id(), u.login(), u.passwordHash(), u.passwordSalt(), u.role(), u.status(),
          u.loginAttempts(), u.lastLogin(), u.data(), u.introReviewed(), all));
      return Reply.EMPTY;
    });
  }
}
