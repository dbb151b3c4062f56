package switchboard.devicehive.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HiveActionTest {

  @Test
  void idsFollowTheDeviceHiveTable() {
    // protocols/devicehive.md §5: 0 `*` … 18 ManageDeviceType, no gaps
    HiveAction[] all = HiveAction.values();
    assertThat(all).hasSize(19);
    for (int i = 0; i < all.length; i++) {
      assertThat(all[i].id()).isEqualTo(i);
      assertThat(HiveAction.byId(i)).contains(all[i]);
    }
    assertThat(HiveAction.ANY.hiveName()).isEqualTo("*");
    assertThat(HiveAction.NONE.hiveName()).isEqualTo("NONE");
    assertThat(HiveAction.GET_DEVICE_COMMAND.id()).isEqualTo(5);
    assertThat(HiveAction.GET_DEVICE_COMMAND.hiveName()).isEqualTo("GetDeviceCommand");
    assertThat(HiveAction.MANAGE_TOKEN.id()).isEqualTo(15);
    assertThat(HiveAction.MANAGE_PLUGIN.id()).isEqualTo(16);
    assertThat(HiveAction.GET_DEVICE_TYPE.id()).isEqualTo(17);
    assertThat(HiveAction.MANAGE_DEVICE_TYPE.hiveName()).isEqualTo("ManageDeviceType");
    assertThat(HiveAction.MANAGE_DEVICE_TYPE.id()).isEqualTo(18);
  }

  @Test
  void unknownIdsAreEmpty() {
    assertThat(HiveAction.byId(-1)).isEmpty();
    assertThat(HiveAction.byId(19)).isEmpty();
  }

  @Test
  void namesAreCaseInsensitive() {
    assertThat(HiveAction.byName("GetDeviceNotification")).contains(HiveAction.GET_DEVICE_NOTIFICATION);
    assertThat(HiveAction.byName("getdevicenotification")).contains(HiveAction.GET_DEVICE_NOTIFICATION);
    assertThat(HiveAction.byName("MANAGETOKEN")).contains(HiveAction.MANAGE_TOKEN);
    assertThat(HiveAction.byName("*")).contains(HiveAction.ANY);
    assertThat(HiveAction.byName("none")).contains(HiveAction.NONE);
    assertThat(HiveAction.byName("GET_DEVICE")).isEmpty();
    assertThat(HiveAction.byName("")).isEmpty();
    assertThat(HiveAction.byName(null)).isEmpty();
  }

  @Test
  void clientSetIsTheLoginSetOfSection5() {
    assertThat(HiveAction.ids(HiveAction.CLIENT_ACTIONS))
        .containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 15, 16, 17);
  }

  @Test
  void idsAreInIdOrderWithoutDuplicates() {
    assertThat(HiveAction.ids(List.of(HiveAction.MANAGE_TOKEN, HiveAction.GET_NETWORK, HiveAction.MANAGE_TOKEN)))
        .containsExactly(2, 15);
    assertThat(HiveAction.ids(List.of())).isEmpty();
  }

  @Test
  void tokenCreateAcceptsNamesAndIdsAndDropsUnknownNames() {
    // as devicehive-tests ws-auth.js sends them: names
    List<Object> requested = Arrays.asList("GetDeviceNotification", "getdevicecommand", 7L, "8", "NoSuchAction",
        99, "123456789012", 2.5, null, true);
    assertThat(HiveAction.idsFromRequest(requested)).containsExactly(4, 5, 7, 8);
  }

  @Test
  void tokenCreateWithoutActionsMeansNone() {
    assertThat(HiveAction.idsFromRequest(null)).isEqualTo(Set.of(1));
    assertThat(HiveAction.idsFromRequest(List.of())).isEmpty();
  }
}
