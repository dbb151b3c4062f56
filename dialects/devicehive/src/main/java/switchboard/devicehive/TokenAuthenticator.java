package switchboard.devicehive;

import switchboard.core.spi.Authenticator;
import switchboard.devicehive.auth.AuthException;
import switchboard.devicehive.auth.TokenService;

/**
 * Lets another dialect accept a DeviceHive access token as a password (an amps logon): the token
 * must carry this server's signature, be an access token and not have expired. The check is a
 * signature computation only; whether the user still exists and is active is not looked up, as that
 * would need the store on an event loop, so a token stays good until it expires.
 */
final class TokenAuthenticator implements Authenticator {
  private final TokenService tokens;

  TokenAuthenticator(TokenService tokens) {
    this.tokens = tokens;
  }

  @Override
  public boolean accepts(String user, String password) {
    try {
      tokens.verifyAccess(password);
      return true;
    } catch (AuthException e) {
      return false;
    }
  }
}
