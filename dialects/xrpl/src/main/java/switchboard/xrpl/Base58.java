package switchboard.xrpl;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * XRPL base58check (protocols/xrpl.md §5): rippled's alphabet, where 'r' is the digit zero; a version
 * byte, the payload and the first four bytes of SHA-256(SHA-256(version ‖ payload)). Classic addresses
 * are version 0x00 with a 20-byte account id.
 */
final class Base58 {
  static final String ALPHABET = "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz";
  private static final BigInteger BASE = BigInteger.valueOf(58);
  private static final int[] DIGITS = new int[128];
  /** rippled's decoder refuses longer input before doing any work. */
  private static final int MAX_CHARS = 52;

  static {
    Arrays.fill(DIGITS, -1);
    for (int i = 0; i < ALPHABET.length(); i++) {
      DIGITS[ALPHABET.charAt(i)] = i;
    }
  }

  private Base58() {}

  /** The 20-byte account id of a classic address, or null when it is not one. */
  static byte[] decodeAccountId(String address) {
    byte[] raw = decodeChecked(address);
    if (raw == null || raw.length != 21 || raw[0] != 0) {
      return null;
    }
    return Arrays.copyOfRange(raw, 1, 21);
  }

  /** The classic address of a 20-byte account id. */
  static String encodeAccountId(byte[] accountId) {
    if (accountId.length != 20) {
      throw new IllegalArgumentException("an account id has 20 bytes");
    }
    byte[] raw = new byte[21];
    System.arraycopy(accountId, 0, raw, 1, 20);
    return encodeChecked(raw);
  }

  /** Version byte and payload, checksum verified and removed; null for anything malformed. */
  static byte[] decodeChecked(String s) {
    if (s == null || s.isEmpty() || s.length() > MAX_CHARS) {
      return null;
    }
    BigInteger n = BigInteger.ZERO;
    int zeros = 0;
    boolean leading = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int d = c < 128 ? DIGITS[c] : -1;
      if (d < 0) {
        return null;
      }
      if (leading && d == 0) {
        zeros++;
      } else {
        leading = false;
      }
      n = n.multiply(BASE).add(BigInteger.valueOf(d));
    }
    byte[] body = n.signum() == 0 ? new byte[0] : unsigned(n.toByteArray());
    byte[] all = new byte[zeros + body.length];
    System.arraycopy(body, 0, all, zeros, body.length);
    if (all.length < 5) {
      return null;
    }
    byte[] data = Arrays.copyOf(all, all.length - 4);
    byte[] check = checksum(data);
    for (int i = 0; i < 4; i++) {
      if (check[i] != all[data.length + i]) {
        return null;
      }
    }
    return data;
  }

  static String encodeChecked(byte[] data) {
    byte[] all = Arrays.copyOf(data, data.length + 4);
    System.arraycopy(checksum(data), 0, all, data.length, 4);
    StringBuilder sb = new StringBuilder();
    BigInteger n = new BigInteger(1, all);
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(BASE);
      sb.append(ALPHABET.charAt(qr[1].intValue()));
      n = qr[0];
    }
    for (int i = 0; i < all.length && all[i] == 0; i++) {
      sb.append(ALPHABET.charAt(0));
    }
    return sb.reverse().toString();
  }

  private static byte[] unsigned(byte[] twosComplement) {
    return twosComplement.length > 1 && twosComplement[0] == 0
        ? Arrays.copyOfRange(twosComplement, 1, twosComplement.length)
        : twosComplement;
  }

  private static byte[] checksum(byte[] data) {
    MessageDigest sha = SHA256.get();
    return sha.digest(sha.digest(data));
  }

  /** One digest per thread: looking one up costs more than the hashing of an address. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  });
}
