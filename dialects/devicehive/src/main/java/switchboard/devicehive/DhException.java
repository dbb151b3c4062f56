package switchboard.devicehive;

/**
 * A request failed with one of DeviceHive's WebSocket errors: the reply's {@code code} (an HTTP
 * status) and {@code error} text, spelled as DeviceHive spells them (protocols/devicehive.md §3).
 * Routine input, so no stack trace is captured.
 */
final class DhException extends RuntimeException {
  final int code;

  DhException(int code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  static DhException malformed() {
    return new DhException(400, "Malformed Json received.");
  }

  static DhException illegalAction(String action) {
    return new DhException(400, "Illegal argument: " + action);
  }

  static DhException noAction() {
    return new DhException(500, "'action' field could not be parsed to known endpoint");
  }

  static DhException badDeviceId() {
    return new DhException(400, "Device id is wrong or empty");
  }

  static DhException deviceNotFound(String deviceId) {
    return new DhException(404, "Device with such deviceId = " + deviceId + " not found");
  }

  static DhException noNetwork(String deviceId) {
    return new DhException(403, "Device with deviceId = " + deviceId + " is not connected to any network");
  }

  static DhException commandRequired() {
    return new DhException(400, "Command is required");
  }

  static DhException badCommandId() {
    return new DhException(400, "Command id is wrong or empty");
  }

  static DhException commandNotFound(long id) {
    return new DhException(404, "Command with id = " + id + " not found");
  }

  static DhException notificationRequired() {
    return new DhException(400, "Notification is required");
  }

  static DhException badNotificationId() {
    return new DhException(400, "Notification id should be an integer value.");
  }

  static DhException notificationNotFound(long id) {
    return new DhException(404, "Notification with id = " + id + " not found");
  }

  static DhException subscriptionNotFound(long id) {
    return new DhException(404, "Subscription with id " + id + " was not found");
  }

  static DhException noNetworksOrTypes() {
    return new DhException(403, "No access to any device type or network");
  }

  /** {@code %s} is a Java Set's toString in DeviceHive, so the text reads {@code {[1, 2]}}. */
  static DhException networksNotFound(java.util.Collection<Long> ids) {
    return new DhException(404, "Networks with such networkIds wasn't found: {" + ids + "}");
  }

  static DhException deviceTypesNotFound(java.util.Collection<Long> ids) {
    return new DhException(404, "Device types with such deviceTypeIds wasn't found: {" + ids + "}");
  }
}
