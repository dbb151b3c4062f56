package switchboard.devicehive.auth;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What an authenticated session may do: the permission view of a verified access token
 * (protocols/devicehive.md §5 "Principal" and the device check). Handlers ask it before acting and
 * answer 403 "Access is denied" ({@link AuthError#ACCESS_DENIED}) on a refusal; a session with no
 * principal at all gets 401 "Unauthorized" instead. Immutable.
 *
 * <ul>
 *   <li>Actions: {@code a} containing 0 grants every action, an empty {@code a} the client set,
 *       anything else exactly the listed ids (unknown ids are ignored).</li>
 *   <li>Networks: {@code n} containing {@code "*"} means all networks.</li>
 *   <li>Device types: {@code dt} containing {@code "*"}, or the user's {@code
 *       all_device_types_available} flag, means all types.</li>
 * </ul>
 */
public final class Principal {
  private final Long userId;
  private final Boolean admin;
  private final Set<HiveAction> actions;
  private final boolean allNetworks;
  private final Set<Long> networkIds;
  private final boolean allDeviceTypes;
  private final Set<Long> deviceTypeIds;

  private Principal(TokenPayload token, boolean userAllDeviceTypesAvailable, Boolean admin) {
    this.userId = token.userId();
    this.admin = admin;
    this.actions = actionsOf(token.actions());
    this.allNetworks = token.networkIds().contains(TokenPayload.ALL);
    this.networkIds = idsOf(token.networkIds());
    this.allDeviceTypes = token.deviceTypeIds().contains(TokenPayload.ALL) || userAllDeviceTypesAvailable;
    this.deviceTypeIds = idsOf(token.deviceTypeIds());
  }

  /**
   * The principal of a verified access token.
   *
   * @param userAllDeviceTypesAvailable the token user's {@code all_device_types_available} flag
   * @param admin whether the token's user is an admin, or null if the caller did not look
   */
  public static Principal of(TokenPayload token, boolean userAllDeviceTypesAvailable, Boolean admin) {
    return new Principal(token, userAllDeviceTypesAvailable, admin);
  }

  /** The principal of a token alone, with the user's flags unknown. */
  public static Principal of(TokenPayload token) {
    return new Principal(token, false, null);
  }

  public boolean has(HiveAction action) {
    return actions.contains(action);
  }

  /**
   * DeviceHive's {@code hasPermission(deviceId, action)} for an existing device: the action is
   * granted, and unless the token covers all networks and all device types, the device's network is
   * among the token's networks and its type among the token's types. A device without a network (or
   * type) passes only a token that covers all networks (or all types). For a request naming no
   * device (a global subscribe or unsubscribe) use {@link #has}; for a device that does not exist,
   * {@link #canAccessMissingDevice}.
   */
  public boolean canAccessDevice(HiveAction action, Long networkId, Long deviceTypeId) {
    return has(action)
        && (allNetworks || networkId != null && networkIds.contains(networkId))
        && (allDeviceTypes || deviceTypeId != null && deviceTypeIds.contains(deviceTypeId));
  }

  /**
   * For a device id that matches no device: true only for a token covering all networks and types,
   * which DeviceHive lets through to answer 404; any other token is refused with 403, so a client
   * cannot learn which device ids exist.
   */
  public boolean canAccessMissingDevice(HiveAction action) {
    return has(action) && allNetworks && allDeviceTypes;
  }

  public boolean canAccessNetwork(long networkId) {
    return allNetworks || networkIds.contains(networkId);
  }

  public boolean canAccessDeviceType(long deviceTypeId) {
    return allDeviceTypes || deviceTypeIds.contains(deviceTypeId);
  }

  /** Throws {@link AuthError#ACCESS_DENIED} unless the action is granted. */
  public void require(HiveAction action) {
    if (!has(action)) {
      throw AuthError.ACCESS_DENIED.exception();
    }
  }

  /** Throws {@link AuthError#ACCESS_DENIED} unless {@link #canAccessDevice} holds. */
  public void requireDevice(HiveAction action, Long networkId, Long deviceTypeId) {
    if (!canAccessDevice(action, networkId, deviceTypeId)) {
      throw AuthError.ACCESS_DENIED.exception();
    }
  }

  /** {@code u}; null for a plugin token. */
  public Optional<Long> userId() {
    return Optional.ofNullable(userId);
  }

  /** Whether the user is an admin, if the caller said so. */
  public Optional<Boolean> admin() {
    return Optional.ofNullable(admin);
  }

  /** The granted actions (unmodifiable). */
  public Set<HiveAction> actions() {
    return actions;
  }

  public boolean allNetworks() {
    return allNetworks;
  }

  /** The token's network ids, without the wildcard (unmodifiable). */
  public Set<Long> networkIds() {
    return networkIds;
  }

  public boolean allDeviceTypes() {
    return allDeviceTypes;
  }

  /** The token's device type ids, without the wildcard (unmodifiable). */
  public Set<Long> deviceTypeIds() {
    return deviceTypeIds;
  }

  @Override
  public String toString() {
    return "Principal[user=" + userId + ", admin=" + admin + ", actions=" + actions
        + ", networks=" + (allNetworks ? "*" : networkIds)
        + ", deviceTypes=" + (allDeviceTypes ? "*" : deviceTypeIds) + "]";
  }

  private static Set<HiveAction> actionsOf(Set<Integer> ids) {
    if (ids.contains(HiveAction.ANY.id())) {
      return Collections.unmodifiableSet(EnumSet.allOf(HiveAction.class));
    }
    if (ids.isEmpty()) {
      return HiveAction.CLIENT_ACTIONS;
    }
    Set<HiveAction> granted = EnumSet.noneOf(HiveAction.class);
    ids.forEach(id -> HiveAction.byId(id).ifPresent(granted::add));
    return Collections.unmodifiableSet(granted);
  }

  private static Set<Long> idsOf(Set<String> ids) {
    Set<Long> parsed = new LinkedHashSet<>();
    for (String id : ids) {
      if (!TokenPayload.ALL.equals(id)) {
        parsed.add(Long.parseLong(id));
      }
    }
    return Collections.unmodifiableSet(parsed);
  }
}
