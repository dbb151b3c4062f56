package switchboard.bench.harness.proto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints DeviceHive access tokens as Switchboard's devicehive dialect verifies them
 * ({@code switchboard.devicehive.auth.TokenService}, protocols/devicehive.md §5), so the load generator
 * can authenticate without a login round trip: start the server with
 * {@code --set devicehive.jwt.secret=SECRET} and give {@link #admin} the same secret.
 *
 * <p>A token is HS256 over {@code {"alg":"HS256"}} and the claims {@code {"payload":{"u":user,
 * "a":[0],"n":["*"],"dt":["*"],"e":expiry-ms,"t":1}}} (action 0 is every action, {@code *} every
 * network and device type, type 1 an access token). The HMAC key is the secret read as Base64 the
 * lenient way DeviceHive's jjwt reads it: characters outside the alphabet skipped, a trailing group
 * of fewer than four symbols dropped. A secret of plain Base64 symbols whose length is a multiple of
 * four (e.g. 43 symbols and {@code =}) avoids every surprise.
 */
public final class DhToken {
  /** The administrator the server creates on its first start. */
  public static final long ADMIN_USER = 1;

  /** What {@code =} reads as: a symbol that only shortens its group (as DatatypeConverter reads it). */
  private static final int PAD = 127;

  private DhToken() {}

  /** An access token for the administrator with every permission, valid for {@code lifetime}. */
  public static String admin(String secret, Duration lifetime) {
    return access(secret, ADMIN_USER, System.currentTimeMillis() + lifetime.toMillis());
  }

  /** An access token for {@code userId} with every permission, on every network, expiring at {@code expiresAtMillis}. */
  public static String access(String secret, long userId, long expiresAtMillis) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.US_ASCII));
    String claims = "{\"payload\":{\"u\":" + userId + ",\"a\":[0],\"n\":[\"*\"],\"dt\":[\"*\"],\"e\":" + expiresAtMillis + ",\"t\":1}}";
    String input = header + "." + b64.encodeToString(claims.getBytes(StandardCharsets.US_ASCII));
    return input + "." + b64.encodeToString(hmac(key(secret), input.getBytes(StandardCharsets.US_ASCII)));
  }

  /** The HMAC key DeviceHive derives from its {@code JWT_SECRET}. */
  static byte[] key(String secret) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    byte[] out = new byte[secret.length() / 4 * 3];
    int n = 0;
    int[] group = new int[4];
    int filled = 0;
    for (int i = 0; i < secret.length(); i++) {
      char c = secret.charAt(i);
      int v = c == '=' ? PAD : alphabet.indexOf(c);
      if (v < 0) {
        continue;
      }
      group[filled++] = v;
      if (filled == 4) {
        out[n++] = (byte) ((group[0] << 2) | (group[1] >> 4));
        if (group[2] != PAD) {
          out[n++] = (byte) ((group[1] << 4) | (group[2] >> 2));
        }
        if (group[3] != PAD) {
          out[n++] = (byte) ((group[2] << 6) | group[3]);
        }
        filled = 0;
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException("the secret must hold at least four Base64 symbols: DeviceHive reads it as Base64");
    }
    return Arrays.copyOf(out, n);
  }

  private static byte[] hmac(byte[] key, byte[] input) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }
}
