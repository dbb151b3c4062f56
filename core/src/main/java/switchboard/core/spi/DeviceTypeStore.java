package switchboard.core.spi;

import java.util.List;
import java.util.Optional;

/** Device types. Blocking; see {@link Store}. */
public interface DeviceTypeStore {
  /** @throws StoreConflictException DUPLICATE when the name is taken */
  DeviceType create(String name, String description);

  Optional<DeviceType> find(long id);

  Optional<DeviceType> findByName(String name);

  /**
   * Replaces the name and description of the device type with that id.
   *
   * @return false when there is no such device type
   * @throws StoreConflictException DUPLICATE when the new name is another device type's
   */
  boolean update(DeviceType deviceType);

  /**
   * Deletes the device type and the users' links to it.
   *
   * @return false when there was none
   * @throws StoreConflictException REFERENCE while devices are still of this type
   */
  boolean delete(long id);

  List<DeviceType> list(NameQuery query);
}
