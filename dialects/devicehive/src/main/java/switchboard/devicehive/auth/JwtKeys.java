package switchboard.devicehive.auth;

import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;

/**
 * The HS256 key DeviceHive signs its tokens with (protocols/devicehive.md §5). DeviceHive hands its
 * {@code JWT_SECRET} string to jjwt 0.7's {@code signWith(HS256, String)}, which reads the string as
 * Base64, leniently: the key is {@link LenientBase64#decode} of the secret, so {@code devicehive}
 * becomes the six bytes {@code 75 eb e2 71 e8 62}. Deriving the key the same way is what lets tokens
 * minted by a DeviceHive with the same secret verify here, and ours there.
 *
 * <p>Such keys are often shorter than the 256 bits nimbus-jose-jwt's {@code MACSigner} insists on,
 * and real deployments use them, so signing and verifying go through {@link HmacSha256} (HMAC by
 * {@code javax.crypto.Mac}, the JWS plumbing by nimbus) rather than {@code MACSigner}. Immutable.
 */
public final class JwtKeys {
  private final byte[] key;
  private final HmacSha256 hmac;

  private JwtKeys(byte[] key) {
    this.key = key.clone();
    this.hmac = new HmacSha256(this.key);
  }

  /**
   * The key DeviceHive derives from this {@code JWT_SECRET}.
   *
   * @throws IllegalArgumentException if the secret yields no key bytes (fewer than four Base64
   *     symbols), which DeviceHive cannot sign with either
   */
  public static JwtKeys fromSecret(String secret) {
    byte[] key = LenientBase64.decode(secret);
    if (key.length == 0) {
      throw new IllegalArgumentException(
          "the JWT secret must hold at least four Base64 symbols (A-Z a-z 0-9 + /); DeviceHive reads it as Base64");
    }
    return new JwtKeys(key);
  }

  /** A key given as raw bytes, with no derivation. */
  public static JwtKeys fromKeyBytes(byte[] key) {
    if (key.length == 0) {
      throw new IllegalArgumentException("an HMAC key needs at least one byte");
    }
    return new JwtKeys(key);
  }

  /** A copy of the HMAC key. */
  public byte[] keyBytes() {
    return key.clone();
  }

  JWSSigner signer() {
    return hmac;
  }

  JWSVerifier verifier() {
    return hmac;
  }
}
