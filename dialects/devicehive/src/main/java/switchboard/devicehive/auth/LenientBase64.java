package switchboard.devicehive.auth;

import java.util.Arrays;

/**
 * The Base64 reading of {@code javax.xml.bind.DatatypeConverter.parseBase64Binary}, which jjwt 0.7
 * (DeviceHive's JWT library) applies to the secret string to get the HMAC key. It differs from
 * {@link java.util.Base64} in three ways that change the key:
 * <ul>
 *   <li>characters outside the Base64 alphabet (spaces, line breaks, {@code -}, {@code _}, any
 *       non-ASCII) are skipped;</li>
 *   <li>a trailing group of fewer than four symbols is dropped, so {@code devicehive} reads as
 *       {@code devicehi};</li>
 *   <li>{@code =} counts as a symbol: each complete group of four is decoded on its own, and a pad
 *       in the third or fourth place only shortens that group's output.</li>
 * </ul>
 * The one departure: DatatypeConverter fails on a character above U+007F, here it is skipped like
 * any other character outside the alphabet.
 */
final class LenientBase64 {
  private static final int SKIP = -1;
  private static final int PAD = 127;
  private static final byte[] VALUES = new byte[128];

  static {
    Arrays.fill(VALUES, (byte) SKIP);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUES[alphabet.charAt(i)] = (byte) i;
    }
    VALUES['='] = (byte) PAD;
  }

  private LenientBase64() {}

  static byte[] decode(String text) {
    byte[] out = new byte[text.length() / 4 * 3];
    int length = 0;
    int[] group = new int[4];
    int filled = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int v = c < VALUES.length ? VALUES[c] : SKIP;
      if (v == SKIP) {
        continue;
      }
      group[filled++] = v;
      if (filled == 4) {
        out[length++] = (byte) ((group[0] << 2) | (group[1] >> 4));
        if (group[2] != PAD) {
          out[length++] = (byte) ((group[1] << 4) | (group[2] >> 2));
        }
        if (group[3] != PAD) {
          out[length++] = (byte) ((group[2] << 6) | group[3]);
        }
        filled = 0;
      }
    }
    return Arrays.copyOf(out, length);
  }
}
