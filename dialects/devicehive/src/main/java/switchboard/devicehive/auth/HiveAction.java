package switchboard.devicehive.auth;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * DeviceHive's permission ids (protocols/devicehive.md §5). Tokens carry the numeric id in their
 * {@code a} claim; REST {@code /token/create} also accepts the names, case-insensitively.
 */
public enum HiveAction {
  ANY(0, "*"),
  NONE(1, "NONE"),
  GET_NETWORK(2, "GetNetwork"),
  GET_DEVICE(3, "GetDevice"),
  GET_DEVICE_NOTIFICATION(4, "GetDeviceNotification"),
  GET_DEVICE_COMMAND(5, "GetDeviceCommand"),
  REGISTER_DEVICE(6, "RegisterDevice"),
  CREATE_DEVICE_COMMAND(7, "CreateDeviceCommand"),
  UPDATE_DEVICE_COMMAND(8, "UpdateDeviceCommand"),
  CREATE_DEVICE_NOTIFICATION(9, "CreateDeviceNotification"),
  GET_CURRENT_USER(10, "GetCurrentUser"),
  UPDATE_CURRENT_USER(11, "UpdateCurrentUser"),
  MANAGE_USER(12, "ManageUser"),
  MANAGE_CONFIGURATION(13, "ManageConfiguration"),
  MANAGE_NETWORK(14, "ManageNetwork"),
  MANAGE_TOKEN(15, "ManageToken"),
  MANAGE_PLUGIN(16, "ManagePlugin"),
  GET_DEVICE_TYPE(17, "GetDeviceType"),
  MANAGE_DEVICE_TYPE(18, "ManageDeviceType");

  /** What a client user gets at login, and what a token with an empty {@code a} list grants (§5). */
  public static final Set<HiveAction> CLIENT_ACTIONS = Collections.unmodifiableSet(EnumSet.of(
      GET_NETWORK, GET_DEVICE, GET_DEVICE_NOTIFICATION, GET_DEVICE_COMMAND, REGISTER_DEVICE,
      CREATE_DEVICE_COMMAND, UPDATE_DEVICE_COMMAND, CREATE_DEVICE_NOTIFICATION, GET_CURRENT_USER,
      UPDATE_CURRENT_USER, MANAGE_TOKEN, MANAGE_PLUGIN, GET_DEVICE_TYPE));

  private static final HiveAction[] BY_ID = values();
  private static final Map<String, HiveAction> BY_NAME = Stream.of(values())
      .collect(Collectors.toUnmodifiableMap(a -> a.name.toLowerCase(Locale.ROOT), Function.identity()));

  private final int id;
  private final String name;

  HiveAction(int id, String name) {
    this.id = id;
    this.name = name;
  }

  /** The number carried in a token's {@code a} claim. */
  public int id() {
    return id;
  }

  /** DeviceHive's spelling, e.g. {@code GetDeviceCommand}; {@code *} for {@link #ANY}. */
  public String hiveName() {
    return name;
  }

  public static Optional<HiveAction> byId(int id) {
    return id >= 0 && id < BY_ID.length ? Optional.of(BY_ID[id]) : Optional.empty();
  }

  /** Case-insensitive, as REST {@code /token/create} reads names. */
  public static Optional<HiveAction> byName(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The ids of these actions, in id order. */
  public static Set<Integer> ids(Collection<HiveAction> actions) {
    Set<Integer> ids = actions.stream().sorted().distinct().map(HiveAction::id)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    return Collections.unmodifiableSet(ids);
  }

  /**
   * Reads a {@code /token/create} action list: each entry is a number (an id), a string of digits (an
   * id) or a name. Unknown names and ids are dropped; a missing list becomes {@code [NONE]}, while an
   * empty list stays empty (which a token reads as the client set, §5).
   */
  public static Set<Integer> idsFromRequest(Collection<?> requested) {
    if (requested == null) {
      return Set.of(NONE.id);
    }
    Set<Integer> ids = new LinkedHashSet<>();
    for (Object entry : requested) {
      fromRequestEntry(entry).ifPresent(a -> ids.add(a.id));
    }
    return Collections.unmodifiableSet(ids);
  }

  private static Optional<HiveAction> fromRequestEntry(Object entry) {
    if (entry instanceof Number n) {
      double d = n.doubleValue();
      return d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE ? byId((int) d) : Optional.empty();
    }
    if (entry instanceof String s) {
      String t = s.trim();
      if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
        return t.length() > 9 ? Optional.empty() : byId(Integer.parseInt(t));
      }
      return byName(t);
    }
    return Optional.empty();
  }
}
