package switchboard.core.spi;

import java.util.Objects;

/**
 * A DeviceHive device type: a named kind of device that users are given access to.
 *
 * @param id assigned by the store
 * @param description free text, or null
 */
public record DeviceType(long id, String name, String description) {
  public DeviceType {
    Objects.requireNonNull(name, "name");
  }
}
