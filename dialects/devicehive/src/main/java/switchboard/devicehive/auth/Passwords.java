package switchboard.devicehive.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * DeviceHive's stored password form (protocols/devicehive.md §6): {@code password_hash} =
 * Base64(SHA-256(salt + password)), the two strings joined and encoded as UTF-8, with a random
 * {@code password_salt} per user. Keeping the same form lets a DeviceHive user table, including the
 * seed {@code dhadmin}, be used as it is. Stateless and thread-safe.
 */
public final class Passwords {
  /** DeviceHive's own salts are 24 characters (the seed user's is {@code sjQbZgcCmFxqTV4CCmGwpIHO}). */
  public static final int SALT_LENGTH = 24;

  private static final char[] SALT_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {}

  /** The {@code password_hash} column for this salt and password. */
  public static String hash(String salt, String password) {
    byte[] digest = sha256().digest((salt + password).getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(digest);
  }

  /**
   * Whether the password matches the stored salt and hash. The comparison takes the same time
   * wherever the hashes differ; a missing value never matches.
   */
  public static boolean verify(String password, String salt, String storedHash) {
    if (password == null || salt == null || storedHash == null) {
      return false;
    }
    byte[] actual = hash(salt, password).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(actual, storedHash.getBytes(StandardCharsets.UTF_8));
  }

  /** A fresh salt of {@value #SALT_LENGTH} letters and digits from a {@link SecureRandom}. */
  public static String newSalt() {
    char[] salt = new char[SALT_LENGTH];
    for (int i = 0; i < salt.length; i++) {
      salt[i] = SALT_ALPHABET[RANDOM.nextInt(SALT_ALPHABET.length)];
    }
    return new String(salt);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
