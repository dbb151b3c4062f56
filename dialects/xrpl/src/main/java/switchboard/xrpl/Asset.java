package switchboard.xrpl;

import java.util.HexFormat;

/**
 * A currency and its issuer, in one canonical spelling so that the same asset written two ways is one
 * key (protocols/xrpl.md §5): XRP is {@code XRP} with no issuer; a standard code is its three
 * characters; any other code is 40 upper-case hex digits; the issuer is a classic address.
 *
 * @param currency the canonical currency code
 * @param issuer the issuer's classic address; null for XRP
 */
record Asset(String currency, String issuer) {
  static final Asset XRP = new Asset("XRP", null);
  private static final String STANDARD_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789<>(){}[]|?!@#$%^&*";
  private static final byte[] NO_ACCOUNT = accountOne();

  boolean isXrp() {
    return currency.equals("XRP");
  }

  /** The key this asset has in book keys: {@code XRP} or {@code currency/issuer}. */
  String key() {
    return issuer == null ? currency : currency + "/" + issuer;
  }

  @Override
  public String toString() {
    return key();
  }

  /**
   * rippled's {@code to_currency}: empty or {@code XRP} is XRP; three characters from the standard
   * set are a standard code (case kept); otherwise exactly 40 hex digits. Null when malformed.
   */
  static String currency(String s) {
    if (s.isEmpty() || s.equals("XRP")) {
      return "XRP";
    }
    if (s.length() == 3) {
      for (int i = 0; i < 3; i++) {
        if (STANDARD_CHARS.indexOf(s.charAt(i)) < 0) {
          return null;
        }
      }
      return s;
    }
    if (s.length() != 40) {
      return null;
    }
    byte[] b;
    try {
      b = HexFormat.of().parseHex(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return currencyOf(b);
  }

  /** The canonical code of 20 currency bytes. */
  static String currencyOf(byte[] b) {
    boolean zero = true;
    boolean standard = true;
    for (int i = 0; i < 20; i++) {
      zero &= b[i] == 0;
      if ((i < 12 || i > 14) && b[i] != 0) {
        standard = false;
      }
    }
    if (zero) {
      return "XRP";
    }
    if (standard) {
      String code = new String(b, 12, 3, java.nio.charset.StandardCharsets.ISO_8859_1);
      // the ISO spelling of "XRP" is a different (and invalid) currency from XRP itself
      if (!code.equals("XRP") && code.chars().allMatch(c -> STANDARD_CHARS.indexOf(c) >= 0)) {
        return code;
      }
    }
    return HexFormat.of().withUpperCase().formatHex(b);
  }

  /** rippled's {@code to_issuer}: 40 hex digits or a classic address, as 20 bytes; null when neither. */
  static byte[] issuerBytes(String s) {
    if (s.length() == 40) {
      try {
        return HexFormat.of().parseHex(s);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return Base58.decodeAccountId(s);
  }

  static boolean isZero(byte[] account) {
    for (byte x : account) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  /** rippled's {@code noAccount()}, account one: never a valid issuer. */
  static boolean isNoAccount(byte[] account) {
    return java.util.Arrays.equals(account, NO_ACCOUNT);
  }

  private static byte[] accountOne() {
    byte[] b = new byte[20];
    b[19] = 1;
    return b;
  }
}
