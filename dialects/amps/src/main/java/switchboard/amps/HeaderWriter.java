package switchboard.amps;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes one outbound header as compact JSON, keys in the order they are added (protocols/amps.md
 * §1.3: no whitespace, unsigned integers only, {@code s} never the last key, no quotes in reasons).
 * Reusable: {@link #reset()} between headers.
 */
final class HeaderWriter {
  private byte[] buf = new byte[256];
  private int len;

  HeaderWriter reset() {
    len = 0;
    put((byte) '{');
    return this;
  }

  /** Starts a header with bytes an earlier header began with ({@link #prefix}), not closed. */
  HeaderWriter reset(byte[] prefix) {
    len = 0;
    ensure(prefix.length);
    System.arraycopy(prefix, 0, buf, 0, prefix.length);
    len = prefix.length;
    return this;
  }

  /** The bytes written so far, to start other headers with ({@link #reset(byte[])}). */
  byte[] prefix() {
    return Arrays.copyOf(buf, len);
  }

  HeaderWriter field(String key, String value) {
    if (value == null) {
      return this;
    }
    key(key);
    put((byte) '"');
    escape(value);
    put((byte) '"');
    return this;
  }

  HeaderWriter field(String key, long unsigned) {
    if (unsigned < 0) {
      throw new IllegalArgumentException(key + " must not be negative: " + unsigned);
    }
    key(key);
    ascii(Long.toString(unsigned));
    return this;
  }

  /** A reason text: quotes and backslashes are dropped, as strict client parsers cut text there. */
  HeaderWriter reason(String value) {
    return value == null ? this : field("reason", value.replace("\"", "").replace("\\", ""));
  }

  /** Closes the object and returns its bytes. */
  byte[] toBytes() {
    return Arrays.copyOf(buf, close());
  }

  /** Closes the object and returns its length in bytes, for {@link #writeTo}. */
  int close() {
    put((byte) '}');
    return len;
  }

  /** Writes the closed object's bytes. */
  void writeTo(io.netty.buffer.ByteBuf out) {
    out.writeBytes(buf, 0, len);
  }

  private void key(String key) {
    if (len > 1) {
      put((byte) ',');
    }
    put((byte) '"');
    ascii(key);
    put((byte) '"');
    put((byte) ':');
  }

  private void ascii(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      buf[len++] = (byte) s.charAt(i);
    }
  }

  private void escape(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        put((byte) '\\');
        put((byte) c);
      } else if (c < 0x20) {
        ascii(String.format("\\u%04x", (int) c));
      } else if (c < 0x80) {
        put((byte) c);
      } else {
        int end = i + 1;
        if (Character.isHighSurrogate(c) && end < s.length()) {
          end++;
        }
        byte[] b = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        i = end - 1;
      }
    }
  }

  private void put(byte b) {
    ensure(1);
    buf[len++] = b;
  }

  private void ensure(int n) {
    if (len + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }
  }
}
