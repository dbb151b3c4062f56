package switchboard.core.spi;

import java.util.List;
import java.util.Optional;

/** Users and the networks and device types each one may reach. Blocking; see {@link Store}. */
public interface UserStore {
  /**
   * Creates a user and gives it the next id; the very first user of a store gets id 1, as
   * DeviceHive's administrator has.
   *
   * @throws StoreConflictException DUPLICATE when the login is taken
   */
  User create(User user);

  Optional<User> find(long id);

  Optional<User> findByLogin(String login);

  /**
   * Replaces every field of the user with that id.
   *
   * @return false when there is no such user
   * @throws StoreConflictException DUPLICATE when the new login is another user's
   */
  boolean update(User user);

  /** Deletes the user and its links to networks and device types; false when there was none. */
  boolean delete(long id);

  List<User> list(UserQuery query);

  /**
   * Gives the user access to the network. Adding a link that exists changes nothing.
   *
   * @return true when the link is new
   * @throws StoreConflictException REFERENCE when the user or the network does not exist
   */
  boolean addNetwork(long userId, long networkId);

  /** @return false when there was no such link */
  boolean removeNetwork(long userId, long networkId);

  /** The networks linked to the user, by id. */
  List<Network> networks(long userId);

  /** Like {@link #addNetwork}, for a device type. */
  boolean addDeviceType(long userId, long deviceTypeId);

  boolean removeDeviceType(long userId, long deviceTypeId);

  /** The device types linked to the user, by id. */
  List<DeviceType> deviceTypes(long userId);
}
