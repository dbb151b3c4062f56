package switchboard.bench.harness.proto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Just enough JSON for the parsers: finding a key, skipping a value, reading a short string or number,
 * on a buffer's bytes in place (absolute indexes), allocating nothing on the delivery path.
 */
final class Json {
  private Json() {}

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Whether {@code buf[at, to)} starts with {@code prefix}. */
  static boolean startsWith(ByteBuffer buf, int at, int to, byte[] prefix) {
    if (to - at < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (buf.get(at + i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code buf[from, to)} ends with {@code suffix}. */
  static boolean endsWith(ByteBuffer buf, int from, int to, byte[] suffix) {
    return to - from >= suffix.length && startsWith(buf, to - suffix.length, to, suffix);
  }

  /** The first index of {@code needle} in {@code buf[from, to)}, or -1. */
  static int indexOf(ByteBuffer buf, int from, int to, byte[] needle) {
    byte first = needle[0];
    for (int i = from, last = to - needle.length; i <= last; i++) {
      if (buf.get(i) == first && startsWith(buf, i, to, needle)) {
        return i;
      }
    }
    return -1;
  }

  /** The last index of {@code needle} in {@code buf[from, to)}, or -1. */
  static int lastIndexOf(ByteBuffer buf, int from, int to, byte[] needle) {
    for (int i = to - needle.length; i >= from; i--) {
      if (startsWith(buf, i, to, needle)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Where the JSON value starting at {@code at} ends (exclusive), strings and nesting respected; -1
   * when it does not end before {@code to}.
   */
  static int valueEnd(ByteBuffer buf, int at, int to) {
    if (at >= to) {
      return -1;
    }
    byte b = buf.get(at);
    if (b == '"') {
      return stringEnd(buf, at, to);
    }
    if (b != '{' && b != '[') {
      int i = at;
      while (i < to) {
        byte c = buf.get(i);
        if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\r' || c == '\n' || c == '\t') {
          break;
        }
        i++;
      }
      return i;
    }
    int depth = 0;
    for (int i = at; i < to; i++) {
      byte c = buf.get(i);
      if (c == '"') {
        i = stringEnd(buf, i, to) - 1;
        if (i < 0) {
          return -1;
        }
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) {
          return i + 1;
        }
      }
    }
    return -1;
  }

  /** The end (exclusive, past the closing quote) of the string whose opening quote is at {@code at}; -1 if none. */
  private static int stringEnd(ByteBuffer buf, int at, int to) {
    for (int i = at + 1; i < to; i++) {
      byte c = buf.get(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i + 1;
      }
    }
    return -1;
  }

  /**
   * Where the value of the first {@code "key":} in {@code buf[from, to)} starts, or -1. A plain byte
   * search: good for the compact JSON the servers write, whose keys do not appear inside earlier values.
   */
  static int valueOf(ByteBuffer buf, int from, int to, String key) {
    byte[] k = ascii("\"" + key + "\":");
    int i = indexOf(buf, from, to, k);
    return i < 0 ? -1 : i + k.length;
  }

  /** The string value of the first {@code "key":"..."} (escapes kept as written), or null. */
  static String string(ByteBuffer buf, int from, int to, String key) {
    int v = valueOf(buf, from, to, key);
    if (v < 0 || v >= to || buf.get(v) != '"') {
      return null;
    }
    int end = valueEnd(buf, v, to);
    return end < 0 ? null : text(buf, v + 1, end - 1);
  }

  /** The value of the first {@code "key":} as written (a number, a string with its quotes, an object), or null. */
  static String raw(ByteBuffer buf, int from, int to, String key) {
    int v = valueOf(buf, from, to, key);
    if (v < 0) {
      return null;
    }
    int end = valueEnd(buf, v, to);
    return end < 0 ? null : text(buf, v, end);
  }

  static String text(ByteBuffer buf, int from, int to) {
    byte[] b = new byte[to - from];
    buf.get(from, b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** {@code s} as a JSON string literal, quotes included. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

}
