package switchboard.server.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** YAML key names: kebab-case forms of Java names, and a guess at what a misspelt key meant. */
final class Keys {
  private Keys() {}

  /** {@code maxFrameBytes -> max-frame-bytes}, {@code SLOW_CONSUMER -> slow-consumer}. */
  static String kebab(String javaName) {
    if (javaName.equals(javaName.toUpperCase(Locale.ROOT))) {
      return javaName.toLowerCase(Locale.ROOT).replace('_', '-');
    }
    StringBuilder out = new StringBuilder(javaName.length() + 4);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && startsWord(javaName, i)) {
        out.append('-');
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString();
  }

  // An upper-case letter starts a word after a lower-case letter or digit, or when it is the last
  // capital of an acronym followed by lower case (httpURLPath -> http-url-path).
  private static boolean startsWord(String s, int i) {
    char prev = s.charAt(i - 1);
    if (!Character.isUpperCase(prev)) {
      return true;
    }
    return i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1));
  }

  /** The known key closest to {@code key}, if it is close enough to be a plausible typo. */
  static Optional<String> suggest(String key, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int d = distance(key, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return bestDistance <= Math.max(2, key.length() / 4) ? Optional.ofNullable(best) : Optional.empty();
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(substitute, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
