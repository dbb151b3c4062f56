package switchboard.core.spi;

/** A user's role, with DeviceHive's stored codes. */
public enum UserRole {
  ADMIN(0),
  CLIENT(1);

  private final int code;

  UserRole(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static UserRole ofCode(int code) {
    for (UserRole role : values()) {
      if (role.code == code) {
        return role;
      }
    }
    throw new IllegalArgumentException("no user role with code " + code);
  }
}
