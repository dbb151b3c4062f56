package switchboard.core.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A DeviceHive device, known by the string id its owner chose.
 *
 * @param id letters, digits and dashes ({@link #isValidId})
 * @param data raw JSON text, or null
 * @param networkId the network it belongs to, or null
 * @param deviceTypeId its device type, or null
 */
public record Device(
    String id, String name, String data, Long networkId, Long deviceTypeId, boolean blocked) {

  private static final Pattern ID = Pattern.compile("[a-zA-Z0-9-]+");

  public Device {
    if (!isValidId(id)) {
      throw new IllegalArgumentException("device id must match [a-zA-Z0-9-]+: " + id);
    }
    Objects.requireNonNull(name, "name");
  }

  /** Whether DeviceHive accepts this as a device id. */
  public static boolean isValidId(String id) {
    return id != null && ID.matcher(id).matches();
  }
}
