package switchboard.bench.harness.proto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Byte-level helpers the protocol parsers share: CRLF lines, decimal numbers, JSON strings. */
final class Text {
  private Text() {}

  /** The position of the CR of the first CRLF in {@code buf[from, limit)}, or -1. */
  static int crlf(ByteBuffer buf, int from) {
    for (int i = from; i + 1 < buf.limit(); i++) {
      if (buf.get(i) == '\r' && buf.get(i + 1) == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** The decimal number in {@code buf[from, to)}, a leading minus allowed; -1 when there is none. */
  static long number(ByteBuffer buf, int from, int to) {
    boolean negative = from < to && buf.get(from) == '-';
    long v = 0;
    int i = negative ? from + 1 : from;
    if (i >= to) {
      return -1;
    }
    for (; i < to; i++) {
      byte c = buf.get(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return negative ? -v : v;
  }

  static String ascii(ByteBuffer buf, int from, int to) {
    byte[] b = new byte[Math.max(0, to - from)];
    buf.get(from, b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Whether {@code buf[at, ...)} starts with {@code prefix}. */
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
}
