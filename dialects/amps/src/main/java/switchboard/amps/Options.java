package switchboard.amps;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code o}/{@code opts} list of a command: {@code replace,oof,top_n=5,...} as name to value. */
final class Options {
  private final Map<String, String> values;

  private Options(Map<String, String> values) {
    this.values = values;
  }

  static Options parse(String text) {
    Map<String, String> m = new LinkedHashMap<>();
    if (text != null) {
      for (String part : text.split(",")) {
        String p = part.trim();
        if (p.isEmpty()) {
          continue;
        }
        int eq = p.indexOf('=');
        m.put(eq < 0 ? p : p.substring(0, eq).trim(), eq < 0 ? "" : p.substring(eq + 1).trim());
      }
    }
    return new Options(m);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  String value(String name) {
    return values.get(name);
  }
}
