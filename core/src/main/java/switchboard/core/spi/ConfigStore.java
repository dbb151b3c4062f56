package switchboard.core.spi;

import java.util.Optional;

/**
 * Named configuration values that outlive a restart, such as the generated JWT secret (DeviceHive's
 * {@code jwt.secret}). Blocking; see {@link Store}.
 */
public interface ConfigStore {
  Optional<String> get(String name);

  /** Sets the value, replacing any. */
  void put(String name, String value);

  /**
   * Sets the value unless one is already set, atomically: of several nodes generating a secret at
   * once, all end up with the same one.
   *
   * @return the value now stored: the given one, or the one that was there
   */
  String putIfAbsent(String name, String value);

  /** @return false when there was no such value */
  boolean delete(String name);
}
