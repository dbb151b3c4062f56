package switchboard.core.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What a subscription with a {@code timestamp} replays (DeviceHive §4): items strictly newer than
 * {@code since}, oldest first (ties by id), at most {@code limit} of them.
 *
 * <p>Every condition that is set must hold; null means any, an empty set matches nothing. A
 * subscription by device sets {@code deviceIds}; one by networks and device types sets both sets
 * (their product is what DeviceHive's filters expand to); a global one sets neither.
 *
 * @param since only items newer than this, never one exactly at it
 * @param deviceIds only items of these devices
 * @param networkIds only items whose network is one of these
 * @param deviceTypeIds only items whose device type is one of these
 * @param names only items with one of these names
 * @param limit at most this many items
 */
public record ReplayQuery(
    Instant since,
    Set<String> deviceIds,
    Set<Long> networkIds,
    Set<Long> deviceTypeIds,
    Set<String> names,
    int limit) {

  public ReplayQuery {
    since = Objects.requireNonNull(Copies.millis(since), "since");
    deviceIds = Copies.set(deviceIds);
    networkIds = Copies.set(networkIds);
    deviceTypeIds = Copies.set(deviceTypeIds);
    names = Copies.set(names);
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
  }

  /** Everything newer than {@code since}, up to {@code limit} items. */
  public static ReplayQuery since(Instant since, int limit) {
    return new ReplayQuery(since, null, null, null, null, limit);
  }

  public ReplayQuery forDevice(String deviceId) {
    return forDevices(Set.of(deviceId));
  }

  public ReplayQuery forDevices(Set<String> ids) {
    return new ReplayQuery(since, ids, networkIds, deviceTypeIds, names, limit);
  }

  public ReplayQuery inNetworks(Set<Long> ids) {
    return new ReplayQuery(since, deviceIds, ids, deviceTypeIds, names, limit);
  }

  public ReplayQuery ofDeviceTypes(Set<Long> ids) {
    return new ReplayQuery(since, deviceIds, networkIds, ids, names, limit);
  }

  public ReplayQuery withNames(Set<String> only) {
    return new ReplayQuery(since, deviceIds, networkIds, deviceTypeIds, only, limit);
  }
}
