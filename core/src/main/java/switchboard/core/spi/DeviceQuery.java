package switchboard.core.spi;

import java.util.Objects;
import java.util.Set;

/**
 * Which devices to list. Every condition that is set must hold; null means any, an empty set matches
 * nothing.
 *
 * @param namePattern an SQL LIKE pattern on the name
 * @param networkIds only devices in one of these networks (a device with no network never matches)
 * @param deviceTypeIds only devices of one of these types (a device with no type never matches)
 */
public record DeviceQuery(
    String name,
    String namePattern,
    Set<Long> networkIds,
    Set<Long> deviceTypeIds,
    Sort sort,
    boolean descending,
    Page page) {

  public enum Sort { ID, NAME }

  public DeviceQuery {
    networkIds = Copies.set(networkIds);
    deviceTypeIds = Copies.set(deviceTypeIds);
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(page, "page");
  }

  /** Every device, by id. */
  public static DeviceQuery all() {
    return new DeviceQuery(null, null, null, null, Sort.ID, false, Page.ALL);
  }

  public DeviceQuery withName(String exact) {
    return new DeviceQuery(exact, namePattern, networkIds, deviceTypeIds, sort, descending, page);
  }

  public DeviceQuery withNamePattern(String pattern) {
    return new DeviceQuery(name, pattern, networkIds, deviceTypeIds, sort, descending, page);
  }

  public DeviceQuery inNetworks(Set<Long> ids) {
    return new DeviceQuery(name, namePattern, ids, deviceTypeIds, sort, descending, page);
  }

  public DeviceQuery ofDeviceTypes(Set<Long> ids) {
    return new DeviceQuery(name, namePattern, networkIds, ids, sort, descending, page);
  }

  public DeviceQuery sortedBy(Sort by, boolean desc) {
    return new DeviceQuery(name, namePattern, networkIds, deviceTypeIds, by, desc, page);
  }

  public DeviceQuery withPage(Page slice) {
    return new DeviceQuery(name, namePattern, networkIds, deviceTypeIds, sort, descending, slice);
  }
}
