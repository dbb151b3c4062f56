package switchboard.core.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A command sent to a device, with the status and result the device reported back (DeviceHive §3,
 * the twelve fields of a command push plus {@code isUpdated}).
 *
 * @param id assigned by the store: unique, positive, below 2^53 (safe in JavaScript)
 * @param command the command's name; DeviceHive lets it be null
 * @param timestamp when it was sent; when null, {@link CommandStore#insert} uses the store's clock
 * @param lastUpdated when status or result last changed; on insert, null means {@code timestamp}
 * @param userId the user who sent it
 * @param networkId the device's network when it was sent
 * @param deviceTypeId the device's type when it was sent
 * @param parameters raw JSON text, or null
 * @param lifetime seconds the command stays relevant, or null
 * @param result raw JSON text, or null
 * @param isUpdated whether status or result was ever updated
 */
public record Command(
    long id,
    String command,
    Instant timestamp,
    Instant lastUpdated,
    Long userId,
    String deviceId,
    Long networkId,
    Long deviceTypeId,
    String parameters,
    Integer lifetime,
    String status,
    String result,
    boolean isUpdated) {

  public Command {
    Objects.requireNonNull(deviceId, "deviceId");
    timestamp = Copies.millis(timestamp);
    lastUpdated = Copies.millis(lastUpdated);
  }

  /**
   * A command to insert: sent now (by the store's clock), not yet updated. The device's network and
   * type are copied in so that subscriptions by network or type find it later.
   */
  public static Command newCommand(
      Device device, String command, Long userId, String parameters, Integer lifetime) {
    return new Command(0, command, null, null, userId, device.id(), device.networkId(),
        device.deviceTypeId(), parameters, lifetime, null, null, false);
  }

  public Command withId(long newId) {
    return new Command(newId, command, timestamp, lastUpdated, userId, deviceId, networkId,
        deviceTypeId, parameters, lifetime, status, result, isUpdated);
  }

  public Command withTimestamp(Instant at) {
    return new Command(id, command, at, lastUpdated, userId, deviceId, networkId, deviceTypeId,
        parameters, lifetime, status, result, isUpdated);
  }

  /** The status and result a sender may set when inserting (DeviceHive allows both). */
  public Command withOutcome(String newStatus, String newResult) {
    return new Command(id, command, timestamp, lastUpdated, userId, deviceId, networkId,
        deviceTypeId, parameters, lifetime, newStatus, newResult, isUpdated);
  }
}
