package switchboard.devicehive;

import java.util.concurrent.CompletionStage;
import switchboard.core.spi.Device;
import switchboard.devicehive.auth.AuthError;
import switchboard.devicehive.auth.HiveAction;
import switchboard.devicehive.auth.Principal;

/**
 * DeviceHive's permission checks as the actions need them (§5): 401 "Unauthorized" for a session
 * that has not authenticated, 403 "Access is denied" for a missing permission or an inaccessible
 * device, and a missing device answered 404 only to a token that covers every network and type.
 */
final class Access {
  private Access() {}

  /** The session's principal with the action granted. */
  static Principal require(Caller c, HiveAction action) {
    Principal p = c.principal();
    if (p == null) {
      throw AuthError.UNAUTHORIZED.exception();
    }
    p.require(action);
    return p;
  }

  static boolean isAdmin(Principal p) {
    return p.admin().orElse(false);
  }

  /**
   * The device, when it exists and the session may act on it; check order as DeviceHive's: the
   * permission, then an empty id (400), then existence (404 or 403), then the device's network and type.
   */
  static CompletionStage<Device> device(DevicehiveDialect d, Caller c, String deviceId, HiveAction action) {
    Principal p = require(c, action);
    if (deviceId == null || deviceId.isEmpty()) {
      throw DhException.badDeviceId();
    }
    return d.blocking(c, () -> d.store().devices().find(deviceId)).thenApply(found -> {
      if (found.isEmpty()) {
        if (p.canAccessMissingDevice(action)) {
          throw DhException.deviceNotFound(deviceId);
        }
        throw AuthError.ACCESS_DENIED.exception();
      }
      Device dev = found.get();
      p.requireDevice(action, dev.networkId(), dev.deviceTypeId());
      return dev;
    });
  }
}
