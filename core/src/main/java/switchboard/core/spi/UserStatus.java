package switchboard.core.spi;

/** A user's status, with DeviceHive's stored codes. Only an ACTIVE user may hold a token. */
public enum UserStatus {
  ACTIVE(0),
  LOCKED_OUT(1),
  DISABLED(2);

  private final int code;

  UserStatus(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static UserStatus ofCode(int code) {
    for (UserStatus status : values()) {
      if (status.code == code) {
        return status;
      }
    }
    throw new IllegalArgumentException("no user status with code " + code);
  }
}
