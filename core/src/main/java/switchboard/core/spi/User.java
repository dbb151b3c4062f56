package switchboard.core.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A DeviceHive user. The password is kept as DeviceHive keeps it: Base64(SHA-256(salt + password)),
 * computed by the dialect; the store only holds the two strings.
 *
 * @param id assigned by the store; ignored by {@link UserStore#create}
 * @param data raw JSON text, or null
 * @param lastLogin the last successful login, or null
 */
public record User(
    long id,
    String login,
    String passwordHash,
    String passwordSalt,
    UserRole role,
    UserStatus status,
    int loginAttempts,
    Instant lastLogin,
    String data,
    boolean introReviewed,
    boolean allDeviceTypesAvailable) {

  public User {
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(status, "status");
    lastLogin = Copies.millis(lastLogin);
  }

  /** A user to create: active, no login yet, no data, every device type available. */
  public static User newUser(String login, String passwordHash, String passwordSalt, UserRole role) {
    return new User(0, login, passwordHash, passwordSalt, role, UserStatus.ACTIVE, 0, null, null,
        false, true);
  }

  public User withId(long newId) {
    return new User(newId, login, passwordHash, passwordSalt, role, status, loginAttempts, lastLogin,
        data, introReviewed, allDeviceTypesAvailable);
  }

  public User withStatus(UserStatus newStatus) {
    return new User(id, login, passwordHash, passwordSalt, role, newStatus, loginAttempts, lastLogin,
        data, introReviewed, allDeviceTypesAvailable);
  }

  /** After a login attempt: the failed attempts so far and the last successful login. */
  public User withLogins(int attempts, Instant last) {
    return new User(id, login, passwordHash, passwordSalt, role, status, attempts, last, data,
        introReviewed, allDeviceTypesAvailable);
  }
}
