package switchboard.client;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of acknowledgement a command may ask for ({@code a}, a comma list on the wire;
 * protocols/amps.md §3.7). The server sends one ack message per type asked for; it sends none unless
 * asked.
 */
public enum AckType {
  /** The server got the command and has not yet processed it. */
  RECEIVED("received"),
  /** The server parsed the command. */
  PARSED("parsed"),
  /** The server handled the command (for unsubscribe: nothing of those subscriptions follows). */
  PROCESSED("processed"),
  /** The command's effect is durably stored. */
  PERSISTED("persisted"),
  /** The operation (a SOW query, a replay) has finished. */
  COMPLETED("completed"),
  /** Counts after completion: {@code matches}, {@code records_returned}, {@code records_deleted} ... */
  STATS("stats");

  private final String wireName;

  AckType(String wireName) {
    this.wireName = wireName;
  }

  /** The name on the wire, e.g. {@code processed}. */
  public String wireName() {
    return wireName;
  }

  /** The type with this wire name, or null for an unknown name (and for {@code none}). */
  public static AckType of(String wireName) {
    if (wireName != null) {
      for (AckType t : values()) {
        if (t.wireName.equals(wireName.trim())) {
          return t;
        }
      }
    }
    return null;
  }

  /** The types of a comma list such as {@code processed,completed}; unknown names are left out. */
  public static Set<AckType> parseList(String list) {
    EnumSet<AckType> out = EnumSet.noneOf(AckType.class);
    if (list != null) {
      for (String part : list.split(",")) {
        AckType t = of(part);
        if (t != null) {
          out.add(t);
        }
      }
    }
    return out;
  }

  /** The comma list for a set of types, in protocol order. */
  public static String toList(Collection<AckType> types) {
    return types.isEmpty() ? "" : EnumSet.copyOf(types).stream().map(AckType::wireName).collect(Collectors.joining(","));
  }
}
