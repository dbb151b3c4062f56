package switchboard.bench.harness.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import switchboard.devicehive.auth.AuthException;
import switchboard.devicehive.auth.JwtKeys;
import switchboard.devicehive.auth.TokenPayload;
import switchboard.devicehive.auth.TokenService;
import switchboard.devicehive.auth.TokenType;

class DhTokenTest {
  @Test
  void theServersVerifierAcceptsTheToken() {
    String secret = "c3dpdGNoYm9hcmQtYmVuY2gtc2VjcmV0LTAxMjM0NTY3";
    TokenPayload p = new TokenService(JwtKeys.fromSecret(secret), Clock.systemUTC())
        .verifyAccess(DhToken.admin(secret, Duration.ofHours(1)));
    assertThat(p.userId()).isEqualTo(DhToken.ADMIN_USER);
    assertThat(p.actions()).containsExactly(0);
    assertThat(p.networkIds()).containsExactly("*");
    assertThat(p.deviceTypeIds()).containsExactly("*");
    assertThat(p.tokenType()).isEqualTo(TokenType.ACCESS);
  }

  @Test
  void theKeyIsTheSecretReadLenientlyAsBase64() {
    // protocols/devicehive.md §5: "devicehive" gives the six bytes of "devicehi"
    assertThat(DhToken.key("devicehive")).containsExactly(0x75, 0xeb, 0xe2, 0x71, 0xe8, 0x62);
    assertThat(DhToken.key("devicehive")).containsExactly(JwtKeys.fromSecret("devicehive").keyBytes());
    String secret = "devicehive";
    assertThat(new TokenService(JwtKeys.fromSecret(secret), Clock.systemUTC())
        .verifyAccess(DhToken.admin(secret, Duration.ofMinutes(5))).userId()).isEqualTo(1L);
  }

  @Test
  void anotherSecretOrAnExpiryIsRefused() {
    TokenService service = new TokenService(JwtKeys.fromSecret("c3dpdGNoYm9hcmQ="), Clock.systemUTC());
    assertThatThrownBy(() -> service.verifyAccess(DhToken.admin("b3RoZXJzZWNyZXQ=", Duration.ofHours(1))))
        .isInstanceOf(AuthException.class).hasMessageContaining("Invalid credentials");
    assertThatThrownBy(() -> service.verifyAccess(DhToken.access("c3dpdGNoYm9hcmQ=", 1, System.currentTimeMillis() - 1000)))
        .isInstanceOf(AuthException.class).hasMessageContaining("expired");
  }
}
