package switchboard.core.spi;

import java.util.Objects;

/**
 * A DeviceHive network: a named group of devices that users are given access to.
 *
 * @param id assigned by the store
 * @param description free text, or null
 */
public record Network(long id, String name, String description) {
  public Network {
    Objects.requireNonNull(name, "name");
  }
}
