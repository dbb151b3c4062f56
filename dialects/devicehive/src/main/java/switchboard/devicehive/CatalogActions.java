package switchboard.devicehive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import switchboard.core.spi.NameQuery;
import switchboard.core.spi.Page;
import switchboard.core.spi.StoreConflictException;
import switchboard.devicehive.auth.Principal;

/**
 * {@code network/list|count|get|insert|update|delete} and the same six for {@code devicetype}: reading
 * needs GetNetwork (GetDeviceType) and shows a client only what its token names; writing needs
 * ManageNetwork (ManageDeviceType). {@code get} lists the entry's devices, as DeviceHive's does.
 */
final class CatalogActions {
  private final DevicehiveDialect d;
  private final Catalog k;

  private CatalogActions(DevicehiveDialect d, Catalog k) {
    this.d = d;
    this.k = k;
  }

  static void register(DevicehiveDialect d, Map<String, Operation> ops) {
    for (Catalog k : new Catalog[] {Catalog.NETWORKS, Catalog.DEVICE_TYPES}) {
      CatalogActions a = new CatalogActions(d, k);
      ops.put(k.action() + "/list", a::list);
      ops.put(k.action() + "/count", a::count);
      ops.put(k.action() + "/get", a::get);
      ops.put(k.action() + "/insert", a::insert);
      ops.put(k.action() + "/update", a::update);
      ops.put(k.action() + "/delete", a::delete);
    }
  }

  private NameQuery query(Principal p, Request r, boolean paged) {
    NameQuery q = NameQuery.all().withName(r.text("name")).withNamePattern(r.text("namePattern"))
        .withIds(k.visibleIds(p));
    String sort = r.text("sortField");
    NameQuery.Sort by = sort == null || sort.equalsIgnoreCase("id") ? NameQuery.Sort.ID
        : sort.toLowerCase(Locale.ROOT).equals("name") ? NameQuery.Sort.NAME : null;
    if (by == null) {
      throw new DhException(400, "Unknown sort field: " + sort);
    }
    q = q.sortedBy(by, CommandActions.descending(r.text("sortOrder")));
    return paged ? q.withPage(CommandActions.page(r)) : q.withPage(Page.ALL);
  }

  private CompletionStage<Reply> list(Caller c, Request r) {
    NameQuery q = query(Access.require(c, k.read()), r, true);
    return d.blocking(c, () -> k.list(d.store(), q)).thenApply(found -> {
      ArrayNode out = Render.JSON.createArrayNode();
      found.forEach(e -> out.add(render(e)));
      return Reply.of(Render.object().set(k.many(), out));
    });
  }

  private CompletionStage<Reply> count(Caller c, Request r) {
    NameQuery q = query(Access.require(c, k.read()), r, false);
    return d.blocking(c, () -> k.list(d.store(), q).size())
        .thenApply(n -> Reply.of(Render.object().put("count", n)));
  }

  private CompletionStage<Reply> get(Caller c, Request r) {
    Principal p = Access.require(c, k.read());
    long id = id(r);
    return d.blocking(c, () -> {
      Catalog.Entry e = visible(p, id);
      ObjectNode o = render(e);
      ArrayNode devices = o.putArray("devices");
      d.store().devices().list(k.devices(id)).forEach(dev -> {
        if (p.canAccessDevice(switchboard.devicehive.auth.HiveAction.GET_DEVICE, dev.networkId(), dev.deviceTypeId())) {
          devices.add(Render.device(dev));
        }
      });
      return Reply.of(Render.object().set(k.one(), o));
    });
  }

  private CompletionStage<Reply> insert(Caller c, Request r) {
    Access.require(c, k.manage());
    Request body = body(r);
    String name = body.text("name");
    if (name == null || name.isBlank()) {
      throw new DhException(400, "name field cannot be null.");
    }
    String description = body.text("description");
    return d.blocking(c, () -> {
      try {
        Catalog.Entry e = k.create(d.store(), name, description);
        return Reply.of(Render.object().set(k.one(), Render.object().put("id", e.id())));
      } catch (StoreConflictException x) {
        throw duplicate("created");
      }
    });
  }

  private CompletionStage<Reply> update(Caller c, Request r) {
    Principal p = Access.require(c, k.manage());
    long id = id(r);
    Request body = body(r);
    String name = body.text("name");
    String description = body.text("description");
    return d.blocking(c, () -> {
      Catalog.Entry old = visible(p, id);
      try {
        k.update(d.store(), new Catalog.Entry(id, name == null ? old.name() : name,
            body.has("description") ? description : old.description()));
      } catch (StoreConflictException x) {
        throw duplicate("updated");
      }
      return Reply.EMPTY;
    });
  }

  private CompletionStage<Reply> delete(Caller c, Request r) {
    Principal p = Access.require(c, k.manage());
    long id = id(r);
    return d.blocking(c, () -> {
      visible(p, id);
      try {
        k.delete(d.store(), id);
      } catch (StoreConflictException x) {
        throw new DhException(400, k.label() + " with id = " + id + " still has devices");
      }
      return Reply.EMPTY;
    });
  }

  /** Blocking: the entry, or 404 when it does not exist or the caller may not see it. */
  private Catalog.Entry visible(Principal p, long id) {
    return k.find(d.store(), id).filter(e -> k.visible(p, id)).orElseThrow(() -> notFound(k, id));
  }

  static DhException notFound(Catalog k, long id) {
    return new DhException(404, k.label() + " with id = " + id + " not found");
  }

  private DhException duplicate(String verb) {
    return new DhException(403, k.label() + " cannot be " + verb + ". " + k.label() + " with such name already exists");
  }

  private long id(Request r) {
    Long id = r.longValue(k.idField());
    if (id == null) {
      throw new DhException(400, k.label() + " id is required");
    }
    return id;
  }

  private Request body(Request r) {
    ObjectNode o = r.object(k.one());
    if (o == null) {
      throw new DhException(400, k.label() + " is required");
    }
    return new Request(r.action(), r.requestId(), o);
  }

  static ObjectNode render(Catalog.Entry e) {
    ObjectNode o = Render.object();
    o.put("id", e.id());
    o.put("name", e.name());
    o.put("description", e.description());
    return o;
  }
}
