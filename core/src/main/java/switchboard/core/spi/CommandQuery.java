package switchboard.core.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Which commands to list (DeviceHive's REST command list). Every condition that is set must hold;
 * null means any, an empty set matches nothing. Rows with equal sort values come by id.
 *
 * @param deviceId only this device's commands
 * @param names only commands with one of these names
 * @param start only commands sent at or after this time
 * @param end only commands sent at or before this time
 * @param status only commands with exactly this status
 */
public record CommandQuery(
    String deviceId,
    Set<String> names,
    Instant start,
    Instant end,
    String status,
    Sort sort,
    boolean descending,
    Page page) {

  public enum Sort { TIMESTAMP, COMMAND, STATUS }

  public CommandQuery {
    names = Copies.set(names);
    start = Copies.millis(start);
    end = Copies.millis(end);
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(page, "page");
  }

  /** A device's commands, oldest first. */
  public static CommandQuery forDevice(String deviceId) {
    return new CommandQuery(deviceId, null, null, null, null, Sort.TIMESTAMP, false, Page.ALL);
  }

  public CommandQuery withNames(Set<String> only) {
    return new CommandQuery(deviceId, only, start, end, status, sort, descending, page);
  }

  public CommandQuery between(Instant from, Instant to) {
    return new CommandQuery(deviceId, names, from, to, status, sort, descending, page);
  }

  public CommandQuery withStatus(String only) {
    return new CommandQuery(deviceId, names, start, end, only, sort, descending, page);
  }

  public CommandQuery sortedBy(Sort by, boolean desc) {
    return new CommandQuery(deviceId, names, start, end, status, by, desc, page);
  }

  public CommandQuery withPage(Page slice) {
    return new CommandQuery(deviceId, names, start, end, status, sort, descending, slice);
  }
}
