package switchboard.core.spi;

import java.util.List;
import java.util.Optional;

/** Devices. Blocking; see {@link Store}. */
public interface DeviceStore {
  /**
   * Creates the device or replaces every field of the one with that id (REST {@code PUT
   * /device/{id}}, WS {@code device/save}).
   *
   * @return true when the device is new (DeviceHive then sends {@code $device-add}, else
   *     {@code $device-update})
   * @throws StoreConflictException REFERENCE when its network or device type does not exist
   */
  boolean put(Device device);

  Optional<Device> find(String id);

  /** Deletes the device with its commands and notifications; false when there was none. */
  boolean delete(String id);

  List<Device> list(DeviceQuery query);
}
