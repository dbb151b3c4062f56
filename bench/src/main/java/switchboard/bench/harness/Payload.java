package switchboard.bench.harness;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The message body every target carries: a JSON object of a fixed size holding the intended send
 * time, {@code {"ts":1NNNNNNNNNNNNNNNNNN,"v":"xxx…"}}: 19 digits at a fixed offset, a 1 and then the
 * {@link System#nanoTime()} since a point before this process's first run in 18 digits. So the number
 * has a fixed width and no leading zero, which JSON does not allow (a dialect that parses the body,
 * to evaluate a filter or to store it, must be able to). A subscriber finds it again with
 * {@link #sentAt}, searching, since a dialect may render the body inside a larger message of its own.
 */
public final class Payload {
  private static final byte[] KEY = "\"ts\":".getBytes(StandardCharsets.US_ASCII);
  private static final int DIGITS = 19;
  /** What the leading 1 adds: the stamped number is this plus the time since {@link #ORIGIN}. */
  private static final long ONE = 1_000_000_000_000_000_000L;
  /** A nanoTime a day before this class was loaded, so that every send time of the run comes after it. */
  private static final long ORIGIN = System.nanoTime() - 86_400_000_000_000L;
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

  /** Writes {@code nanos}, a {@link System#nanoTime()} of this process, into a payload made by {@link #of}. */
  public static void stamp(byte[] payload, long nanos) {
    long t = nanos - ORIGIN;
    if (t < 0 || t >= ONE) {
      throw new IllegalArgumentException("a time out of the payload's range: " + nanos);
    }
    t += ONE;
    for (int i = HEAD.length() + DIGITS - 1; i >= HEAD.length(); i--) {
      payload[i] = (byte) ('0' + t % 10);
      t /= 10;
    }
  }

  /**
   * The send time in {@code buf[from, to)}, as given to {@link #stamp}: from the digits after the
   * first {@code "ts":} followed by a number (spaces allowed between), or -1 when there is none.
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
      if (digits == DIGITS && value >= ONE) {
        return value - ONE + ORIGIN;
      }
    }
    return -1;
  }

  private static void put(byte[] b, int at, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, b, at, bytes.length);
  }
}
