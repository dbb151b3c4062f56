package switchboard.core.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Which notifications to list (DeviceHive's REST notification list). Every condition that is set must
 * hold; null means any, an empty set matches nothing. Rows with equal sort values come by id.
 *
 * @param deviceId only this device's notifications
 * @param names only notifications with one of these names
 * @param start only notifications sent at or after this time
 * @param end only notifications sent at or before this time
 */
public record NotificationQuery(
    String deviceId,
    Set<String> names,
    Instant start,
    Instant end,
    Sort sort,
    boolean descending,
    Page page) {

  public enum Sort { TIMESTAMP, NOTIFICATION }

  public NotificationQuery {
    names = Copies.set(names);
    start = Copies.millis(start);
    end = Copies.millis(end);
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(page, "page");
  }

  /** A device's notifications, oldest first. */
  public static NotificationQuery forDevice(String deviceId) {
    return new NotificationQuery(deviceId, null, null, null, Sort.TIMESTAMP, false, Page.ALL);
  }

  public NotificationQuery withNames(Set<String> only) {
    return new NotificationQuery(deviceId, only, start, end, sort, descending, page);
  }

  public NotificationQuery between(Instant from, Instant to) {
    return new NotificationQuery(deviceId, names, from, to, sort, descending, page);
  }

  public NotificationQuery sortedBy(Sort by, boolean desc) {
    return new NotificationQuery(deviceId, names, start, end, by, desc, page);
  }

  public NotificationQuery withPage(Page slice) {
    return new NotificationQuery(deviceId, names, start, end, sort, descending, slice);
  }
}
