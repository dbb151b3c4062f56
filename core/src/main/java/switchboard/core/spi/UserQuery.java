package switchboard.core.spi;

import java.util.Objects;

/**
 * Which users to list. Every condition that is set must hold; null means any.
 *
 * @param loginPattern an SQL LIKE pattern on the login
 */
public record UserQuery(
    String login,
    String loginPattern,
    UserRole role,
    UserStatus status,
    Sort sort,
    boolean descending,
    Page page) {

  public enum Sort { ID, LOGIN }

  public UserQuery {
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(page, "page");
  }

  /** Every user, by id. */
  public static UserQuery all() {
    return new UserQuery(null, null, null, null, Sort.ID, false, Page.ALL);
  }

  public UserQuery withLoginPattern(String pattern) {
    return new UserQuery(login, pattern, role, status, sort, descending, page);
  }

  public UserQuery withRole(UserRole only) {
    return new UserQuery(login, loginPattern, only, status, sort, descending, page);
  }

  public UserQuery withStatus(UserStatus only) {
    return new UserQuery(login, loginPattern, role, only, sort, descending, page);
  }

  public UserQuery sortedBy(Sort by, boolean desc) {
    return new UserQuery(login, loginPattern, role, status, by, desc, page);
  }

  public UserQuery withPage(Page slice) {
    return new UserQuery(login, loginPattern, role, status, sort, descending, slice);
  }
}
