package switchboard.core.spi;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/** Normalising helpers for the records of this package. */
final class Copies {
  private Copies() {}

  /** An unmodifiable copy; null stays null, meaning "any". */
  static <T> Set<T> set(Set<T> values) {
    return values == null ? null : Set.copyOf(values);
  }

  static Instant millis(Instant at) {
    return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
  }
}
