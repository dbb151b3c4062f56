package switchboard.devicehive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import switchboard.core.spi.DeviceQuery;
import switchboard.core.spi.Page;
import switchboard.devicehive.auth.HiveAction;
import switchboard.devicehive.auth.Principal;

/**
 * {@code device/list}, {@code device/count} (GetDevice; a client sees only its token's networks and
 * types) and {@code device/delete} (RegisterDevice on that device, as DeviceHive checks it).
 */
final class DeviceListActions {
  private DeviceListActions() {}

  static void register(DevicehiveDialect d, Map<String, Operation> ops) {
    ops.put("device/list", (c, r) -> {
      DeviceQuery q = query(Access.require(c, HiveAction.GET_DEVICE), r).withPage(CommandActions.page(r));
      return d.blocking(c, () -> d.store().devices().list(q)).thenApply(found -> {
        ArrayNode out = Render.JSON.createArrayNode();
        found.forEach(dev -> out.add(Render.device(dev)));
        return Reply.of(Render.object().set("devices", out));
      });
    });
    ops.put("device/count", (c, r) -> {
      DeviceQuery q = query(Access.require(c, HiveAction.GET_DEVICE), r).withPage(Page.ALL);
      return d.blocking(c, () -> d.store().devices().list(q).size())
          .thenApply(n -> Reply.of(Render.object().put("count", n)));
    });
    ops.put("device/delete", DeviceListActions.delete(d));
  }

  private static Operation delete(DevicehiveDialect d) {
    return (c, r) -> Access.device(d, c, r.deviceId(), HiveAction.REGISTER_DEVICE)
        .thenCompose(dev -> d.blocking(c, () -> {
          d.store().devices().delete(dev.id());
          return Reply.EMPTY;
        }));
  }

  private static DeviceQuery query(Principal p, Request r) {
    DeviceQuery q = DeviceQuery.all().withName(r.text("name")).withNamePattern(r.text("namePattern"));
    q = q.inNetworks(narrow(r.longValue("networkId"), p.allNetworks() ? null : p.networkIds()));
    q = q.ofDeviceTypes(narrow(r.longValue("deviceTypeId"), p.allDeviceTypes() ? null : p.deviceTypeIds()));
    String sort = r.text("sortField");
    DeviceQuery.Sort by = sort == null || sort.equalsIgnoreCase("id") ? DeviceQuery.Sort.ID
        : sort.toLowerCase(Locale.ROOT).equals("name") ? DeviceQuery.Sort.NAME : null;
    if (by == null) {
      throw new DhException(400, "Unknown sort field: " + sort);
    }
    return q.sortedBy(by, CommandActions.descending(r.text("sortOrder")));
  }

  /** The asked id within what the token allows (null: all); an id outside it matches nothing. */
  private static Set<Long> narrow(Long asked, Set<Long> allowed) {
    if (asked == null) {
      return allowed;
    }
    Set<Long> out = new HashSet<>();
    if (allowed == null || allowed.contains(asked)) {
      out.add(asked);
    }
    return out;
  }
}
