package switchboard.amps;

/**
 * The ack types a command asked for ({@code a}: a comma list), as bits. Each command supports some of
 * them and sends one ack message per type that is both asked for and supported (protocols/amps.md §3.7).
 */
final class AckTypes {
  static final int RECEIVED = 1;
  static final int PARSED = 2;
  static final int PROCESSED = 4;
  static final int PERSISTED = 8;
  static final int COMPLETED = 16;
  static final int STATS = 32;

  private AckTypes() {}

  /** Unknown names and {@code none} are ignored; an empty or absent list asks for nothing. */
  static int parse(String list) {
    if (list == null || list.isEmpty()) {
      return 0;
    }
    int bits = 0;
    for (String t : list.split(",")) {
      bits |= switch (t.trim()) {
        case "received" -> RECEIVED;
        case "parsed" -> PARSED;
        case "processed" -> PROCESSED;
        case "persisted" -> PERSISTED;
        case "completed" -> COMPLETED;
        case "stats" -> STATS;
        default -> 0;
      };
    }
    return bits;
  }

  static String name(int bit) {
    return switch (bit) {
      case RECEIVED -> "received";
      case PARSED -> "parsed";
      case PROCESSED -> "processed";
      case PERSISTED -> "persisted";
      case COMPLETED -> "completed";
      case STATS -> "stats";
      default -> throw new IllegalArgumentException("not one ack type: " + bit);
    };
  }
}
