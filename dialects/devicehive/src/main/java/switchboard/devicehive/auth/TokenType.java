package switchboard.devicehive.auth;

import java.util.Optional;

/** The {@code t} claim: what a token may be used for (protocols/devicehive.md §5). */
public enum TokenType {
  REFRESH(0),
  ACCESS(1);

  private final int id;

  TokenType(int id) {
    this.id = id;
  }

  public int id() {
    return id;
  }

  public static Optional<TokenType> byId(long id) {
    return id == 0 ? Optional.of(REFRESH) : id == 1 ? Optional.of(ACCESS) : Optional.empty();
  }
}
