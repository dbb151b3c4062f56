package switchboard.server.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in config: {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}. */
final class Durations {
  static final String EXAMPLES = "250ms, 30s, 5m or 1h";

  private static final Pattern FORM = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h)?");

  private Durations() {}

  /** The duration {@code text} denotes; a bare number is seconds. Empty if it is not one. */
  static Optional<Duration> parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return Optional.of(switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    });
  }

  /** The shortest exact form that {@link #parse} reads back: 90s -> {@code 90s}, 2h -> {@code 2h}. */
  static String format(Duration d) {
    if (d.toMillisPart() != 0 || d.getNano() % 1_000_000 != 0) {
      // Sub-millisecond precision cannot be written; round to what the parser understands.
      return d.toMillis() + "ms";
    }
    long s = d.getSeconds();
    if (s != 0 && s % 3600 == 0) {
      return s / 3600 + "h";
    }
    if (s != 0 && s % 60 == 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }
}
