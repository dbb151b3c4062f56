package switchboard.amps;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import switchboard.core.sow.SowRecord;

/**
 * A sow query's {@code orderby}: a comma list of identifiers, each optionally {@code ASC} or
 * {@code DESC}. Numbers sort numerically and before strings; a missing field sorts last either way.
 */
final class OrderBy {
  private OrderBy() {}

  /** The comparator, or null for none. @throws CommandFailure {@code invalid orderby} */
  static Comparator<SowRecord> parse(String text) throws CommandFailure {
    if (text == null || text.isBlank()) {
      return null;
    }
    Comparator<SowRecord> result = null;
    for (String part : text.split(",")) {
      String[] words = part.trim().split("\\s+");
      if (words.length == 0 || words.length > 2 || !words[0].startsWith("/") || words[0].length() < 2) {
        throw new CommandFailure("invalid orderby");
      }
      boolean desc = false;
      if (words.length == 2) {
        if (words[1].equalsIgnoreCase("DESC")) {
          desc = true;
        } else if (!words[1].equalsIgnoreCase("ASC")) {
          throw new CommandFailure("invalid orderby");
        }
      }
      String[] path = words[0].substring(1).split("/");
      boolean descending = desc;
      Comparator<SowRecord> one = (a, b) -> compare(at(a.json(), path), at(b.json(), path), descending);
      result = result == null ? one : result.thenComparing(one);
    }
    return result;
  }

  private static JsonNode at(JsonNode n, String[] path) {
    for (String step : path) {
      n = n.path(step);
    }
    return n;
  }

  private static int compare(JsonNode a, JsonNode b, boolean desc) {
    boolean aMissing = a.isMissingNode() || a.isNull();
    boolean bMissing = b.isMissingNode() || b.isNull();
    if (aMissing || bMissing) {
      return Boolean.compare(aMissing, bMissing); // missing last, in both directions
    }
    int c;
    if (a.isNumber() && b.isNumber()) {
      c = Double.compare(a.doubleValue(), b.doubleValue());
    } else if (a.isNumber() != b.isNumber()) {
      c = a.isNumber() ? -1 : 1;
    } else {
      c = a.asText().compareTo(b.asText());
    }
    return desc ? -c : c;
  }
}
