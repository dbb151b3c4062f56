package switchboard.devicehive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import switchboard.core.spi.Device;
import switchboard.core.spi.Network;
import switchboard.core.spi.NameQuery;
import switchboard.core.spi.Notification;
import switchboard.core.spi.Store;
import switchboard.devicehive.auth.AuthError;
import switchboard.devicehive.auth.HiveAction;
import switchboard.devicehive.auth.Principal;

/**
 * {@code device/save} {@code {deviceId, device:{name, data?, networkId?, deviceTypeId?, isBlocked?}}},
 * which is how the npm client registers a device over WebSocket ({@code device.add}), and
 * {@code device/get}. Saving sends {@code $device-add} or {@code $device-update} to notification
 * subscribers, with the device as its parameters (§3 "Special notifications").
 */
final class DeviceActions {
  static final String DEVICE_ADD = "$device-add";
  static final String DEVICE_UPDATE = "$device-update";

  private DeviceActions() {}

  static void register(DevicehiveDialect d, Map<String, Operation> actions) {
    actions.put("device/save", (c, r) -> save(d, c, r));
    actions.put("device/get", (c, r) -> Access.device(d, c, r.deviceId(), HiveAction.GET_DEVICE).thenApply(dev -> {
      ObjectNode o = Render.object();
      o.set("device", Render.device(dev));
      return Reply.of(o);
    }));
  }

  private static CompletionStage<Reply> save(DevicehiveDialect d, Caller c, Request r) {
    Principal p = Access.require(c, HiveAction.REGISTER_DEVICE);
    String id = r.deviceId();
    if (!Device.isValidId(id)) {
      throw DhException.badDeviceId();
    }
    ObjectNode body = r.object("device");
    if (body == null) {
      throw new DhException(400, "Device is required");
    }
    Request dev = new Request(r.action(), r.requestId(), body);
    String name = dev.text("name");
    if (name == null || name.isEmpty()) {
      throw new DhException(400, "Device name is required");
    }
    Long networkId = dev.longValue("networkId");
    Long typeId = dev.longValue("deviceTypeId");
    boolean blocked = dev.bool("isBlocked");
    String data = Request.raw(body, "data");
    return d.blocking(c, () -> {
      Store s = d.store();
      Optional<Device> old = s.devices().find(id);
      if (old.isPresent() && !p.canAccessDevice(HiveAction.REGISTER_DEVICE, old.get().networkId(), old.get().deviceTypeId())) {
        throw AuthError.ACCESS_DENIED.exception();
      }
      Long network = networkId != null ? checkedNetwork(s, p, networkId)
          : old.map(Device::networkId).orElseGet(() -> defaultNetwork(s, p));
      Long type = typeId != null ? checkedType(s, p, typeId)
          : old.map(Device::deviceTypeId).orElseGet(() -> p.allDeviceTypes() ? null : p.deviceTypeIds().stream().findFirst().orElse(null));
      Device saved = new Device(id, name, data, network, type, blocked);
      boolean added = s.devices().put(saved);
      Notification n = s.notifications().insert(Notification.newNotification(saved,
          added ? DEVICE_ADD : DEVICE_UPDATE, Render.device(saved).toString()));
      d.hub().publish(Topics.notification(n));
      return Reply.EMPTY;
    });
  }

  private static Long checkedNetwork(Store s, Principal p, long id) {
    if (s.networks().find(id).isEmpty()) {
      throw new DhException(404, "Network with id = " + id + " not found");
    }
    if (!p.canAccessNetwork(id)) {
      throw AuthError.ACCESS_DENIED.exception();
    }
    return id;
  }

  private static Long checkedType(Store s, Principal p, long id) {
    if (s.deviceTypes().find(id).isEmpty()) {
      throw new DhException(404, "Device type with id = " + id + " not found");
    }
    if (!p.canAccessDeviceType(id)) {
      throw AuthError.ACCESS_DENIED.exception();
    }
    return id;
  }

  /** A device saved without a network joins its user's first network (an admin's: the first one). */
  private static Long defaultNetwork(Store s, Principal p) {
    List<Network> mine = p.userId().map(u -> s.users().networks(u)).orElse(List.of());
    if (!mine.isEmpty()) {
      return mine.get(0).id();
    }
    if (p.allNetworks()) {
      return s.networks().list(NameQuery.all()).stream().findFirst().map(Network::id).orElse(null);
    }
    return null;
  }
}
