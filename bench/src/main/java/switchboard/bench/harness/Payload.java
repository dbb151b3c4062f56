package switchboard.bench.harness;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The message body every target carries: a JSON object of a fixed size holding the intended send
 * time, {@code {"ts":NNNNNNNNNNNNNNNNNNN,"v":"xxx…"}}, the time being {@link System#nanoTime()} in 19
 * zero-padded digits at a fixed offset. A subscriber finds it again with {@link #sentAt}, searching,
 * since a dialect may render the body inside a larger message of its own.
 */
public final class Payload {
  private static final byte[] KEY = "\"ts\":".getBytes(StandardCharsets.US_ASCII);
  private static final int DIGITS = 19;
  private static final String HEAD = "{\"ts\":";
  private static final String MIDDLE = ",\"v\":\"";
  private static final String TAIL = "\"}";
  /** The smallest payload that holds the time. */
  public static final int MIN_SIZE = HEAD.length() + DIGITS + MIDDLE.length() + TAIL.length();

  private Payload() {}

  /** A payload of exactly {@code size} bytes (at least {@link #MIN_SIZE}) carrying {@code nanos}. */
  public static byte[] of(int size, long nanos) {
    if (size < MIN_SIZE) {
      throw new IllegalArgumentException("a payload holds the send time in at least " + MIN_SIZE + " bytes");
    }
    byte[] b = new byte[size];
    Arrays.fill(b, (byte) 'x');
    put(b, 0, HEAD);
    int v = HEAD.length() + DIGITS;
    put(b, v, MIDDLE);
    put(b, size - TAIL.length(), TAIL);
    stamp(b, nanos);
    return b;
  }

  /** Writes {@code nanos} into a payload made by {@link #of}. */
  public static void stamp(byte[] payload, long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("a negative time: " + nanos);
    }
    long t = nanos;
    for (int i = HEAD.length() + DIGITS - 1; i >= HEAD.length(); i--) {
      payload[i] = (byte) ('0' + t % 10);
      t /= 10;
    }
  }

  /**
   * The send time in {@code buf[from, to)}: the digits after the first {@code "ts":} followed by a
   * number (spaces allowed between), or -1 when there is none.
   */
  public static long sentAt(ByteBuffer buf, int from, int to) {
    outer:
    for (int i = from; i + KEY.length < to; i++) {
      for (int j = 0; j < KEY.length; j++) {
        if (buf.get(i + j) != KEY[j]) {
          continue outer;
        }
      }
      int p = i + KEY.length;
      while (p < to && buf.get(p) == ' ') {
        p++;
      }
      long value = 0;
      int digits = 0;
      for (; p < to && digits < DIGITS; p++, digits++) {
        byte c = buf.get(p);
        if (c < '0' || c > '9') {
          break;
        }
        value = value * 10 + (c - '0');
      }
      if (digits > 0) {
        return value;
      }
    }
    return -1;
  }

  private static void put(byte[] b, int at, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, b, at, bytes.length);
  }
}
