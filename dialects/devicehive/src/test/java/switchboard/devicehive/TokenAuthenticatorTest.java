package switchboard.devicehive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import switchboard.devicehive.auth.JwtKeys;
import switchboard.devicehive.auth.TokenPair;
import switchboard.devicehive.auth.TokenPayload;
import switchboard.devicehive.auth.TokenService;

class TokenAuthenticatorTest {
  private final Instant now = Instant.parse("2026-11-23T10:00:00Z");
  private final TokenService tokens = new TokenService(JwtKeys.fromSecret("devicehive"), Clock.fixed(now, ZoneOffset.UTC),
      Duration.ofMinutes(30), Duration.ofDays(1));

  @Test
  void acceptsAnAccessTokenOnlyWhileItIsGood() {
    TokenPair pair = tokens.issue(TokenPayload.forLogin(true, 1, List.of(), List.of(), true));
    TokenAuthenticator auth = new TokenAuthenticator(tokens);
    assertThat(auth.accepts("anyone", pair.accessToken())).isTrue();
    assertThat(auth.accepts("anyone", pair.refreshToken())).isFalse();
    assertThat(auth.accepts("anyone", "not a token")).isFalse();
    assertThat(auth.accepts("anyone", null)).isFalse();
    TokenService later = new TokenService(JwtKeys.fromSecret("devicehive"), Clock.fixed(now.plus(Duration.ofMinutes(31)), ZoneOffset.UTC),
        Duration.ofMinutes(30), Duration.ofDays(1));
    assertThat(new TokenAuthenticator(later).accepts("anyone", pair.accessToken())).isFalse();
    TokenService otherSecret = new TokenService(JwtKeys.fromSecret("another"), Clock.fixed(now, ZoneOffset.UTC),
        Duration.ofMinutes(30), Duration.ofDays(1));
    assertThat(new TokenAuthenticator(otherSecret).accepts("anyone", pair.accessToken())).isFalse();
  }
}
