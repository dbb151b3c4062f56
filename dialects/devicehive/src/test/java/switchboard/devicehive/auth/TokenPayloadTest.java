package switchboard.devicehive.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenPayloadTest {

  @Test
  void adminLoginGetsEverything() {
    // §5: for an admin a:[0], n:["*"], dt:["*"]
    TokenPayload p = TokenPayload.forLogin(true, 1, List.of(4L), List.of(5L), false);
    assertThat(p).isEqualTo(new TokenPayload(1L, Set.of(0), Set.of("*"), Set.of("*"), null, TokenType.ACCESS));
  }

  @Test
  void clientLoginGetsTheClientSetAndItsOwnNetworks() {
    TokenPayload p = TokenPayload.forLogin(false, 7, List.of(12L, 3L, 12L), List.of(8L, 2L), false);
    assertThat(p.userId()).isEqualTo(7L);
    assertThat(p.actions()).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 15, 16, 17);
    assertThat(p.networkIds()).containsExactly("3", "12");
    assertThat(p.deviceTypeIds()).containsExactly("2", "8");
    assertThat(p.expiration()).isNull();
  }

  @Test
  void clientWithAllDeviceTypesGetsTheWildcard() {
    TokenPayload p = TokenPayload.forLogin(false, 7, List.of(), List.of(8L), true);
    assertThat(p.networkIds()).isEmpty();
    assertThat(p.deviceTypeIds()).containsExactly("*");
  }

  @Test
  void asAccessAndAsRefreshKeepTheClaims() {
    TokenPayload p = TokenPayload.forLogin(false, 7, List.of(1L), List.of(), true);
    TokenPayload refresh = p.asRefresh(99);
    assertThat(refresh.tokenType()).isEqualTo(TokenType.REFRESH);
    assertThat(refresh.expiration()).isEqualTo(99L);
    assertThat(refresh.asAccess(5)).isEqualTo(new TokenPayload(7L, p.actions(), p.networkIds(), p.deviceTypeIds(), 5L,
        TokenType.ACCESS));
  }

  @Test
  void expiredOnlyStrictlyAfterE() {
    TokenPayload p = new TokenPayload(1L, Set.of(), Set.of(), Set.of(), 100L, TokenType.ACCESS);
    assertThat(p.isExpiredAt(99)).isFalse();
    assertThat(p.isExpiredAt(100)).isFalse();
    assertThat(p.isExpiredAt(101)).isTrue();
    assertThat(new TokenPayload(1L, null, null, null, null, TokenType.ACCESS).isExpiredAt(Long.MAX_VALUE)).isFalse();
  }

  @Test
  void setsAreCopiedInOrderAndFrozen() {
    Set<String> networks = new LinkedHashSet<>(List.of("9", "1", "5"));
    TokenPayload p = new TokenPayload(1L, null, networks, null, null, TokenType.ACCESS);
    networks.add("7");
    assertThat(p.networkIds()).containsExactly("9", "1", "5");
    assertThat(p.actions()).isEmpty();
    assertThat(p.deviceTypeIds()).isEmpty();
    assertThatThrownBy(() -> p.networkIds().add("2")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void idsMustBeDecimalOrTheWildcard() {
    assertThatThrownBy(() -> new TokenPayload(1L, null, Set.of("net"), null, null, TokenType.ACCESS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenPayload(1L, null, null, Set.of("**"), null, TokenType.ACCESS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenPayload(1L, null, new HashSet<>(Arrays.asList("1", null)), null, null,
        TokenType.ACCESS)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenPayload(1L, null, null, null, null, null)).isInstanceOf(NullPointerException.class);
  }
}
