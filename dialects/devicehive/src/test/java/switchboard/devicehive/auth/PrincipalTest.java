package switchboard.devicehive.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static switchboard.devicehive.auth.HiveAction.CREATE_DEVICE_COMMAND;
import static switchboard.devicehive.auth.HiveAction.GET_DEVICE;
import static switchboard.devicehive.auth.HiveAction.GET_DEVICE_COMMAND;
import static switchboard.devicehive.auth.HiveAction.GET_DEVICE_NOTIFICATION;
import static switchboard.devicehive.auth.HiveAction.MANAGE_TOKEN;
import static switchboard.devicehive.auth.HiveAction.MANAGE_USER;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrincipalTest {

  private static Principal token(Set<Integer> a, Set<String> n, Set<String> dt) {
    return Principal.of(new TokenPayload(9L, a, n, dt, null, TokenType.ACCESS));
  }

  @Test
  void anyGrantsEveryActionEverywhere() {
    Principal admin = token(Set.of(0), Set.of("*"), Set.of("*"));
    assertThat(admin.actions()).isEqualTo(EnumSet.allOf(HiveAction.class));
    assertThat(admin.has(MANAGE_USER)).isTrue();
    assertThat(admin.canAccessDevice(GET_DEVICE_COMMAND, 5L, 6L)).isTrue();
    assertThat(admin.canAccessDevice(GET_DEVICE_COMMAND, null, null)).isTrue();
    assertThat(admin.canAccessMissingDevice(GET_DEVICE_COMMAND)).isTrue();
    assertThat(admin.canAccessNetwork(123)).isTrue();
    assertThat(admin.canAccessDeviceType(456)).isTrue();
  }

  @Test
  void anyAlongsideOtherIdsStillGrantsAll() {
    assertThat(token(Set.of(4, 0), Set.of(), Set.of()).has(MANAGE_USER)).isTrue();
  }

  @Test
  void emptyActionsMeanTheClientSet() {
    Principal p = token(Set.of(), Set.of("*"), Set.of("*"));
    assertThat(p.actions()).isEqualTo(HiveAction.CLIENT_ACTIONS);
    assertThat(p.has(GET_DEVICE_COMMAND)).isTrue();
    assertThat(p.has(MANAGE_TOKEN)).isTrue();
    assertThat(p.has(MANAGE_USER)).isFalse();
    assertThat(p.has(HiveAction.ANY)).isFalse();
  }

  @Test
  void listedActionsAreExactlyWhatIsGranted() {
    Principal p = token(Set.of(4, 5, 99), Set.of("*"), Set.of("*"));
    assertThat(p.actions()).containsExactlyInAnyOrder(GET_DEVICE_NOTIFICATION, GET_DEVICE_COMMAND);
    assertThat(p.canAccessDevice(CREATE_DEVICE_COMMAND, 1L, 1L)).isFalse();
    assertThat(p.canAccessDevice(GET_DEVICE_COMMAND, 1L, 1L)).isTrue();

    Principal none = token(Set.of(1), Set.of("*"), Set.of("*"));
    assertThat(none.actions()).containsExactly(HiveAction.NONE);
    assertThat(none.has(GET_DEVICE)).isFalse();
  }

  @Test
  void scopedTokenIsDeniedAnotherNetworkOrType() {
    Principal p = token(Set.of(), Set.of("1", "4"), Set.of("2"));
    assertThat(p.allNetworks()).isFalse();
    assertThat(p.allDeviceTypes()).isFalse();
    assertThat(p.canAccessDevice(GET_DEVICE_COMMAND, 1L, 2L)).isTrue();
    assertThat(p.canAccessDevice(GET_DEVICE_COMMAND, 4L, 2L)).isTrue();
    assertThat(p.canAccessDevice(GET_DEVICE_COMMAND, 3L, 2L)).isFalse();
    assertThat(p.canAccessDevice(GET_DEVICE_COMMAND, 1L, 3L)).isFalse();
    assertThat(p.canAccessDevice(GET_DEVICE_COMMAND, null, 2L)).isFalse();
    assertThat(p.canAccessDevice(GET_DEVICE_COMMAND, 1L, null)).isFalse();
    assertThat(p.canAccessDevice(MANAGE_USER, 1L, 2L)).isFalse();
    assertThat(p.canAccessMissingDevice(GET_DEVICE_COMMAND)).isFalse();
    assertThat(p.canAccessNetwork(1)).isTrue();
    assertThat(p.canAccessNetwork(2)).isFalse();
    assertThat(p.canAccessDeviceType(2)).isTrue();
    assertThat(p.canAccessDeviceType(1)).isFalse();
    // a null target (global subscribe) needs only the action
    assertThat(p.has(GET_DEVICE_COMMAND)).isTrue();
  }

  @Test
  void wildcardOnOneSideChecksOnlyTheOther() {
    Principal allNetworks = token(Set.of(), Set.of("*"), Set.of("2"));
    assertThat(allNetworks.canAccessDevice(GET_DEVICE, 77L, 2L)).isTrue();
    assertThat(allNetworks.canAccessDevice(GET_DEVICE, null, 2L)).isTrue();
    assertThat(allNetworks.canAccessDevice(GET_DEVICE, 77L, 3L)).isFalse();
    assertThat(allNetworks.canAccessMissingDevice(GET_DEVICE)).isFalse();

    Principal allTypes = token(Set.of(), Set.of("1"), Set.of("*", "5"));
    assertThat(allTypes.canAccessDevice(GET_DEVICE, 1L, 99L)).isTrue();
    assertThat(allTypes.canAccessDevice(GET_DEVICE, 1L, null)).isTrue();
    assertThat(allTypes.canAccessDevice(GET_DEVICE, 2L, 99L)).isFalse();
  }

  @Test
  void usersAllDeviceTypesFlagOpensEveryType() {
    TokenPayload payload = new TokenPayload(9L, Set.of(), Set.of("1"), Set.of("2"), null, TokenType.ACCESS);
    Principal p = Principal.of(payload, true, false);
    assertThat(p.allDeviceTypes()).isTrue();
    assertThat(p.canAccessDevice(GET_DEVICE, 1L, 3L)).isTrue();
    assertThat(p.canAccessDevice(GET_DEVICE, 2L, 3L)).isFalse();
    assertThat(p.admin()).contains(false);
    assertThat(Principal.of(payload).allDeviceTypes()).isFalse();
    assertThat(Principal.of(payload).admin()).isEmpty();
  }

  @Test
  void noNetworksOrTypesMeansNoDevices() {
    Principal p = token(Set.of(), Set.of(), Set.of());
    assertThat(p.canAccessDevice(GET_DEVICE, 1L, 1L)).isFalse();
    assertThat(p.canAccessNetwork(1)).isFalse();
    assertThat(p.networkIds()).isEmpty();
  }

  @Test
  void requireThrowsAccessDenied() {
    Principal p = token(Set.of(5), Set.of("1"), Set.of("*"));
    p.require(GET_DEVICE_COMMAND);
    p.requireDevice(GET_DEVICE_COMMAND, 1L, 8L);
    assertThatThrownBy(() -> p.require(MANAGE_TOKEN)).isInstanceOfSatisfying(AuthException.class,
        e -> assertThat(e.error()).isEqualTo(AuthError.ACCESS_DENIED));
    assertThatThrownBy(() -> p.requireDevice(GET_DEVICE_COMMAND, 2L, 8L)).isInstanceOfSatisfying(
        AuthException.class, e -> assertThat(e.error()).isEqualTo(AuthError.ACCESS_DENIED));
  }

  @Test
  void idsAndUserAreExposed() {
    Principal p = token(Set.of(), Set.of("3", "*", "1"), Set.of("7"));
    assertThat(p.userId()).contains(9L);
    assertThat(p.networkIds()).containsExactlyInAnyOrder(3L, 1L);
    assertThat(p.deviceTypeIds()).containsExactly(7L);
    assertThat(Principal.of(new TokenPayload(null, Set.of(), Set.of(), Set.of(), null, TokenType.ACCESS)).userId())
        .isEmpty();
    assertThat(p.toString()).contains("networks=*", "deviceTypes=[7]");
  }

  @Test
  void loginTokenOfAClientGivesItsOwnScope() {
    TokenService service = new TokenService(JwtKeys.fromSecret("devicehive"),
        Clock.fixed(Instant.ofEpochMilli(1_000_000), ZoneOffset.UTC));
    String access = service.issue(TokenPayload.forLogin(false, 5, List.of(10L, 11L), List.of(1L), false)).accessToken();
    Principal p = Principal.of(service.verifyAccess(access), false, false);
    assertThat(p.has(GET_DEVICE_NOTIFICATION)).isTrue();
    assertThat(p.has(MANAGE_USER)).isFalse();
    assertThat(p.canAccessDevice(GET_DEVICE_NOTIFICATION, 10L, 1L)).isTrue();
    assertThat(p.canAccessDevice(GET_DEVICE_NOTIFICATION, 12L, 1L)).isFalse();
    assertThat(p.canAccessDevice(GET_DEVICE_NOTIFICATION, 11L, 2L)).isFalse();
  }

  @Test
  void deviceHivesAdminTokenIsAnAdminPrincipal() {
    TokenService service = new TokenService(JwtKeys.fromSecret("devicehive"),
        Clock.fixed(Instant.ofEpochMilli(1_546_300_800_000L), ZoneOffset.UTC));
    Principal p = Principal.of(service.verifyAccess(JwtKeysTest.DEVICEHIVE_ADMIN_TOKEN), false, true);
    assertThat(p.has(MANAGE_TOKEN)).isTrue();
    assertThat(p.allNetworks()).isTrue();
    assertThat(p.allDeviceTypes()).isTrue();
    assertThat(p.userId()).contains(1L);
  }
}
