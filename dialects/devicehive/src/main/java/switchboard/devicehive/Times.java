package switchboard.devicehive;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * DeviceHive's timestamps (protocols/devicehive.md §2): written as {@code yyyy-MM-dd'T'HH:mm:ss.SSS}
 * in UTC with no zone; read leniently, as ISO with or without a zone, or as epoch-millisecond digits.
 */
final class Times {
  private static final DateTimeFormatter WRITE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private Times() {}

  static String format(Instant t) {
    return t == null ? null : WRITE.format(t);
  }

  /** The instant a client wrote; null when it wrote none. An unreadable one is malformed JSON (§2). */
  static Instant parse(String text) {
    if (text == null) {
      return null;
    }
    String s = text.trim();
    if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
      return Instant.ofEpochMilli(Long.parseLong(s));
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException zoned) {
      try {
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException local) {
        throw DhException.malformed();
      }
    }
  }
}
