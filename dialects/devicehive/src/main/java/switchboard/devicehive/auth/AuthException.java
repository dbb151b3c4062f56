package switchboard.devicehive.auth;

/**
 * Carries an {@link AuthError} to the code that writes the error reply. Rejected tokens are routine
 * input, not bugs, so no stack trace is captured.
 */
public final class AuthException extends RuntimeException {
  private final transient AuthError error;

  public AuthException(AuthError error) {
    super(error.code() + " " + error.message(), null, false, false);
    this.error = error;
  }

  public AuthError error() {
    return error;
  }
}
