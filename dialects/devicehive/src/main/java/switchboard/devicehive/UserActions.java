package switchboard.devicehive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import switchboard.core.spi.Page;
import switchboard.core.spi.User;
import switchboard.core.spi.UserQuery;
import switchboard.core.spi.UserRole;
import switchboard.core.spi.UserStatus;
import switchboard.devicehive.auth.HiveAction;
import switchboard.devicehive.auth.Principal;

/**
 * {@code user/list|count|get|insert|update|delete} (ManageUser) and {@code user/getCurrent}
 * (GetCurrentUser), {@code user/updateCurrent} (UpdateCurrentUser; a client may change only its
 * password, data and introReviewed). Users are rendered without their password hash and salt.
 */
final class UserActions {
  private UserActions() {}

  static void register(DevicehiveDialect d, Map<String, Operation> ops) {
    ops.put("user/list", (c, r) -> {
      Access.require(c, HiveAction.MANAGE_USER);
      UserQuery q = query(r).withPage(CommandActions.page(r));
      return d.blocking(c, () -> d.store().users().list(q)).thenApply(found -> {
        ArrayNode out = Render.JSON.createArrayNode();
        found.forEach(u -> out.add(render(u)));
        return Reply.of(Render.object().set("users", out));
      });
    });
    ops.put("user/count", (c, r) -> {
      Access.require(c, HiveAction.MANAGE_USER);
      UserQuery q = query(r).withPage(Page.ALL);
      return d.blocking(c, () -> d.store().users().list(q).size()).thenApply(n -> Reply.of(Render.object().put("count", n)));
    });
    ops.put("user/get", (c, r) -> {
      Access.require(c, HiveAction.MANAGE_USER);
      long id = UserEdits.userId(r);
      return d.blocking(c, () -> Reply.of(Render.object().set("user", withLinks(d, UserEdits.user(d, id)))));
    });
    ops.put("user/getCurrent", (c, r) -> {
      long id = current(c, HiveAction.GET_CURRENT_USER);
      return d.blocking(c, () -> Reply.of(Render.object().set("current", withLinks(d, UserEdits.user(d, id)))));
    });
    ops.put("user/insert", (c, r) -> UserEdits.insert(d, c, r));
    ops.put("user/update", (c, r) -> {
      Access.require(c, HiveAction.MANAGE_USER);
      return UserEdits.update(d, c, UserEdits.userId(r), UserEdits.body(r), true);
    });
    ops.put("user/updateCurrent", (c, r) -> {
      long id = current(c, HiveAction.UPDATE_CURRENT_USER);
      return UserEdits.update(d, c, id, UserEdits.body(r), Access.isAdmin(c.principal()));
    });
    ops.put("user/delete", (c, r) -> {
      Access.require(c, HiveAction.MANAGE_USER);
      long id = UserEdits.userId(r);
      return d.blocking(c, () -> {
        if (!d.store().users().delete(id)) {
          throw UserEdits.notFound(id);
        }
        return Reply.EMPTY;
      });
    });
  }

  private static long current(Caller c, HiveAction action) {
    Principal p = Access.require(c, action);
    return p.userId().orElseThrow(() -> new DhException(404, "Current user not found"));
  }

  private static UserQuery query(Request r) {
    UserQuery q = UserQuery.all().withLoginPattern(r.text("loginPattern"));
    Integer role = r.intValue("role");
    Integer status = r.intValue("status");
    try {
      q = role == null ? q : q.withRole(UserRole.ofCode(role));
      q = status == null ? q : q.withStatus(UserStatus.ofCode(status));
    } catch (IllegalArgumentException e) {
      throw DhException.malformed();
    }
    String login = r.text("login");
    if (login != null) {
      q = new UserQuery(login, q.loginPattern(), q.role(), q.status(), q.sort(), q.descending(), q.page());
    }
    String sort = r.text("sortField");
    UserQuery.Sort by = sort == null || sort.equalsIgnoreCase("id") ? UserQuery.Sort.ID
        : sort.toLowerCase(Locale.ROOT).equals("login") ? UserQuery.Sort.LOGIN : null;
    if (by == null) {
      throw new DhException(400, "Unknown sort field: " + sort);
    }
    return q.sortedBy(by, CommandActions.descending(r.text("sortOrder")));
  }

  static ObjectNode render(User u) {
    ObjectNode o = Render.object();
    o.put("id", u.id());
    o.put("login", u.login());
    o.put("role", u.role().code());
    o.put("status", u.status().code());
    o.put("lastLogin", Times.format(u.lastLogin()));
    o.set("data", Render.raw(u.data()));
    o.put("introReviewed", u.introReviewed());
    o.put("allDeviceTypesAvailable", u.allDeviceTypesAvailable());
    return o;
  }

  /** Blocking: the user with the networks (and device types) it is linked to. */
  private static ObjectNode withLinks(DevicehiveDialect d, User u) {
    ObjectNode o = render(u);
    ArrayNode networks = o.putArray("networks");
    d.store().users().networks(u.id()).forEach(n -> networks.add(CatalogActions.render(Catalog.of(n))));
    ArrayNode types = o.putArray("deviceTypes");
    d.store().users().deviceTypes(u.id()).forEach(t -> types.add(CatalogActions.render(Catalog.of(t))));
    return o;
  }
}
