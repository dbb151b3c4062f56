package switchboard.core.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A notification a device sent (DeviceHive §3, the seven fields of a notification push).
 *
 * @param id assigned by the store: unique, positive, below 2^53 (safe in JavaScript)
 * @param timestamp when it was sent; when null, {@link NotificationStore#insert} uses the store's
 *     clock
 * @param parameters raw JSON text, or null
 */
public record Notification(
    long id,
    String notification,
    String deviceId,
    Long networkId,
    Long deviceTypeId,
    Instant timestamp,
    String parameters) {

  public Notification {
    Objects.requireNonNull(notification, "notification");
    Objects.requireNonNull(deviceId, "deviceId");
    timestamp = Copies.millis(timestamp);
  }

  /** A notification to insert, sent now by the store's clock, from the device's network and type. */
  public static Notification newNotification(Device device, String notification, String parameters) {
    return new Notification(0, notification, device.id(), device.networkId(), device.deviceTypeId(),
        null, parameters);
  }

  public Notification withId(long newId) {
    return new Notification(newId, notification, deviceId, networkId, deviceTypeId, timestamp,
        parameters);
  }

  public Notification withTimestamp(Instant at) {
    return new Notification(id, notification, deviceId, networkId, deviceTypeId, at, parameters);
  }
}
