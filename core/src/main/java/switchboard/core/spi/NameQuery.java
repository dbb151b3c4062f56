package switchboard.core.spi;

import java.util.Objects;
import java.util.Set;

/**
 * Which networks or device types to list. Every condition that is set must hold; null means any.
 *
 * @param name exactly this name
 * @param namePattern an SQL LIKE pattern on the name ({@code %} any run, {@code _} one character)
 * @param ids only these ids (an empty set matches nothing); DeviceHive narrows a client's lists so
 */
public record NameQuery(
    String name, String namePattern, Set<Long> ids, Sort sort, boolean descending, Page page) {

  public enum Sort { ID, NAME }

  public NameQuery {
    ids = Copies.set(ids);
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(page, "page");
  }

  /** Everything, by id. */
  public static NameQuery all() {
    return new NameQuery(null, null, null, Sort.ID, false, Page.ALL);
  }

  public NameQuery withName(String exact) {
    return new NameQuery(exact, namePattern, ids, sort, descending, page);
  }

  public NameQuery withNamePattern(String pattern) {
    return new NameQuery(name, pattern, ids, sort, descending, page);
  }

  public NameQuery withIds(Set<Long> only) {
    return new NameQuery(name, namePattern, only, sort, descending, page);
  }

  public NameQuery sortedBy(Sort by, boolean desc) {
    return new NameQuery(name, namePattern, ids, by, desc, page);
  }

  public NameQuery withPage(Page slice) {
    return new NameQuery(name, namePattern, ids, sort, descending, slice);
  }
}
