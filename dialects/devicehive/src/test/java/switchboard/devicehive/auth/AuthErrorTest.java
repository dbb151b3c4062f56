package switchboard.devicehive.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthErrorTest {

  @Test
  void messagesAreSpelledAsDeviceHiveSendsThem() {
    assertThat(AuthError.UNAUTHORIZED).isEqualTo(new AuthError(401, "Unauthorized"));
    assertThat(AuthError.INVALID_CREDENTIALS).isEqualTo(new AuthError(401, "Invalid credentials"));
    assertThat(AuthError.TOKEN_EXPIRED).isEqualTo(new AuthError(401, "Token expired"));
    assertThat(AuthError.ACCESS_DENIED).isEqualTo(new AuthError(403, "Access is denied"));
    assertThat(AuthError.REFRESH_TOKEN_INVALID).isEqualTo(new AuthError(400, "Token is not valid"));
    assertThat(AuthError.REFRESH_TOKEN_EXPIRED).isEqualTo(new AuthError(400, "Token has expired"));
  }

  @Test
  void parameterisedMessages() {
    // devicehive-tests ws-auth.js: 'User with login = invalid-login not found or bad password', 'User with id = -1 not found'
    assertThat(AuthError.loginNotFound("invalid-login"))
        .isEqualTo(new AuthError(401, "User with login = invalid-login not found or bad password"));
    assertThat(AuthError.userNotFound(-1)).isEqualTo(new AuthError(404, "User with id = -1 not found"));
  }

  @Test
  void exceptionCarriesTheErrorWithoutAStackTrace() {
    AuthException e = AuthError.TOKEN_EXPIRED.exception();
    assertThat(e.error()).isSameAs(AuthError.TOKEN_EXPIRED);
    assertThat(e).hasMessage("401 Token expired");
    assertThat(e.getStackTrace()).isEmpty();
  }
}
