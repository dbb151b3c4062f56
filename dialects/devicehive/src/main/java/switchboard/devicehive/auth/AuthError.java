package switchboard.devicehive.auth;

/**
 * An authentication or permission failure as the DeviceHive WebSocket API reports it: the reply's
 * {@code code} (an HTTP status) and {@code error} text, spelled exactly as DeviceHive clients and
 * DeviceHive's own integration tests expect them (protocols/devicehive.md §3, §5).
 */
public record AuthError(int code, String message) {

  /** No token, an empty token, or an unauthenticated session calling a protected action. */
  public static final AuthError UNAUTHORIZED = new AuthError(401, "Unauthorized");
  /** Bad signature, malformed token, a refresh token used as access, an unknown or inactive user. */
  public static final AuthError INVALID_CREDENTIALS = new AuthError(401, "Invalid credentials");
  /** An access token whose {@code e} lies in the past. */
  public static final AuthError TOKEN_EXPIRED = new AuthError(401, "Token expired");
  /** Authenticated, but the action is not granted or the device, network or type is out of scope. */
  public static final AuthError ACCESS_DENIED = new AuthError(403, "Access is denied");
  /**
   * {@code token/refresh} given something that is not a valid refresh token (devicehive-tests
   * {@code ws-auth.js} sends an access token and expects this).
   */
  public static final AuthError REFRESH_TOKEN_INVALID = new AuthError(400, "Token is not valid");
  /** {@code token/refresh} given a refresh token whose {@code e} lies in the past ({@code ws-auth.js}). */
  public static final AuthError REFRESH_TOKEN_EXPIRED = new AuthError(400, "Token has expired");

  /** {@code token} with a login that does not exist (§3). A wrong password is {@link #INVALID_CREDENTIALS}. */
  public static AuthError loginNotFound(String login) {
    return new AuthError(401, "User with login = " + login + " not found or bad password");
  }

  /** {@code token/create} naming a user that does not exist (§3). */
  public static AuthError userNotFound(long userId) {
    return new AuthError(404, "User with id = " + userId + " not found");
  }

  /** This failure as an exception, for code that unwinds to the reply writer. */
  public AuthException exception() {
    return new AuthException(this);
  }
}
