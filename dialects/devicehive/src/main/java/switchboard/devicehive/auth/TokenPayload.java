package switchboard.devicehive.auth;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The claims of a DeviceHive token, kept under its {@code payload} claim with DeviceHive's short
 * names (protocols/devicehive.md §5), which the npm client also decodes:
 *
 * @param userId {@code u}; null in a plugin token
 * @param actions {@code a}: {@link HiveAction} ids; {@code 0} means all, an empty set the client set
 * @param networkIds {@code n}: network ids as decimal strings, or {@code "*"} for all networks
 * @param deviceTypeIds {@code dt}: device type ids as decimal strings, or {@code "*"} for all types
 * @param expiration {@code e}: epoch milliseconds after which the token is refused; null never
 *     expires (DeviceHive reads a missing {@code e} that way; tokens minted here always carry one)
 * @param tokenType {@code t}
 */
public record TokenPayload(Long userId, Set<Integer> actions, Set<String> networkIds,
    Set<String> deviceTypeIds, Long expiration, TokenType tokenType) {

  /** The wildcard entry of {@code n} and {@code dt}. */
  public static final String ALL = "*";

  /**
   * Sets are copied, keeping their order; null sets become empty. Network and device type entries
   * must be {@link #ALL} or decimal ids.
   */
  public TokenPayload {
    Objects.requireNonNull(tokenType, "tokenType");
    actions = frozen(actions);
    networkIds = frozen(checkIds(networkIds, "network"));
    deviceTypeIds = frozen(checkIds(deviceTypeIds, "device type"));
  }

  /**
   * The claims DeviceHive puts in the tokens of a user who logs in with login and password (§5): an
   * admin gets {@code a:[0], n:["*"], dt:["*"]}; a client gets the client action set, the user's
   * networks, and {@code ["*"]} or the user's device types. The result has no expiration; {@link
   * TokenService#issue} stamps it.
   */
  public static TokenPayload forLogin(boolean admin, long userId, Collection<Long> userNetworkIds,
      Collection<Long> userDeviceTypeIds, boolean allDeviceTypesAvailable) {
    if (admin) {
      return new TokenPayload(userId, Set.of(HiveAction.ANY.id()), Set.of(ALL), Set.of(ALL), null, TokenType.ACCESS);
    }
    Set<String> deviceTypes = allDeviceTypesAvailable ? Set.of(ALL) : sortedIds(userDeviceTypeIds);
    return new TokenPayload(userId, HiveAction.ids(HiveAction.CLIENT_ACTIONS), sortedIds(userNetworkIds),
        deviceTypes, null, TokenType.ACCESS);
  }

  /** These claims as an access token expiring at {@code expiration} (epoch ms). */
  public TokenPayload asAccess(long expiration) {
    return new TokenPayload(userId, actions, networkIds, deviceTypeIds, expiration, TokenType.ACCESS);
  }

  /** These claims as a refresh token expiring at {@code expiration} (epoch ms). */
  public TokenPayload asRefresh(long expiration) {
    return new TokenPayload(userId, actions, networkIds, deviceTypeIds, expiration, TokenType.REFRESH);
  }

  /** DeviceHive's test: expired when {@code e} is strictly before now. */
  public boolean isExpiredAt(long nowMillis) {
    return expiration != null && expiration < nowMillis;
  }

  private static Set<String> sortedIds(Collection<Long> ids) {
    return ids == null ? Set.of() : ids.stream().sorted().distinct().map(String::valueOf)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static Set<String> checkIds(Set<String> ids, String what) {
    if (ids != null) {
      for (String id : ids) {
        if (!ALL.equals(id) && !isDecimal(id)) {
          throw new IllegalArgumentException("not a " + what + " id: " + id);
        }
      }
    }
    return ids;
  }

  static boolean isDecimal(String s) {
    if (s == null) {
      return false;
    }
    try {
      Long.parseLong(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static <T> Set<T> frozen(Set<T> set) {
    if (set == null || set.isEmpty()) {
      return Set.of();
    }
    Set<T> copy = new LinkedHashSet<>(set);
    if (copy.contains(null)) {
      throw new IllegalArgumentException("null entry in " + set);
    }
    return Collections.unmodifiableSet(copy);
  }
}
