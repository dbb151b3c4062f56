package switchboard.devicehive.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Mints and checks DeviceHive tokens: HS256 with header {@code {"alg":"HS256"}} and the claims of a
 * {@link TokenPayload} under {@code payload}, without a standard {@code exp} (protocols/devicehive.md
 * §5). With the same secret, tokens are interchangeable with a real DeviceHive's.
 *
 * <p>Failures are {@link AuthException}s carrying the WebSocket API's code and text: for an access
 * token (§3 authenticate) 401 "Unauthorized" when there is none, 401 "Invalid credentials" when it
 * is malformed, badly signed or a refresh token, and 401 "Token expired" when its {@code e} has
 * passed, checked in that order as DeviceHive does; for {@code token/refresh}, 400 "Token is not
 * valid" and 400 "Token has expired". Whether the user exists and is active is the caller's check.
 *
 * <p>Immutable and thread-safe; time comes from the injected {@link Clock}.
 */
public final class TokenService {
  public static final Duration DEFAULT_ACCESS_LIFETIME = Duration.ofMillis(1_800_000L);
  public static final Duration DEFAULT_REFRESH_LIFETIME = Duration.ofMillis(15_724_800_000L);

  private final JwtKeys keys;
  private final Clock clock;
  private final long accessLifetimeMillis;
  private final long refreshLifetimeMillis;

  public TokenService(JwtKeys keys, Clock clock) {
    this(keys, clock, DEFAULT_ACCESS_LIFETIME, DEFAULT_REFRESH_LIFETIME);
  }

  public TokenService(JwtKeys keys, Clock clock, Duration accessLifetime, Duration refreshLifetime) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.accessLifetimeMillis = positiveMillis(accessLifetime, "access");
    this.refreshLifetimeMillis = positiveMillis(refreshLifetime, "refresh");
  }

  /** The token for exactly these claims, expiration and type included. */
  public String sign(TokenPayload payload) {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().claim(TokenClaims.PAYLOAD, TokenClaims.toJson(payload)).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(keys.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("HS256 signing failed", e);
    }
    return jwt.serialize();
  }

  /** An access token for these claims, expiring one access lifetime from now. */
  public String issueAccess(TokenPayload claims) {
    return sign(claims.asAccess(now() + accessLifetimeMillis));
  }

  /** An access and a refresh token for these claims, each expiring one lifetime from now. */
  public TokenPair issue(TokenPayload claims) {
    long now = now();
    return new TokenPair(sign(claims.asAccess(now + accessLifetimeMillis)),
        sign(claims.asRefresh(now + refreshLifetimeMillis)));
  }

  /**
   * The claims of an access token, as {@code authenticate} or a {@code Bearer} header presents it.
   *
   * @throws AuthException {@link AuthError#UNAUTHORIZED}, {@link AuthError#INVALID_CREDENTIALS} or
   *     {@link AuthError#TOKEN_EXPIRED}
   */
  public TokenPayload verifyAccess(String token) {
    if (token == null || token.isEmpty()) {
      throw AuthError.UNAUTHORIZED.exception();
    }
    TokenPayload payload = decode(token);
    if (payload == null || payload.tokenType() != TokenType.ACCESS) {
      throw AuthError.INVALID_CREDENTIALS.exception();
    }
    if (payload.isExpiredAt(now())) {
      throw AuthError.TOKEN_EXPIRED.exception();
    }
    return payload;
  }

  /**
   * The claims of a refresh token, so the caller can check the user before {@link #issueAccess}.
   *
   * @throws AuthException {@link AuthError#UNAUTHORIZED} when there is none, {@link
   *     AuthError#REFRESH_TOKEN_INVALID} or {@link AuthError#REFRESH_TOKEN_EXPIRED}
   */
  public TokenPayload verifyRefresh(String token) {
    if (token == null || token.isEmpty()) {
      throw AuthError.UNAUTHORIZED.exception();
    }
    TokenPayload payload = decode(token);
    if (payload == null || payload.tokenType() != TokenType.REFRESH) {
      throw AuthError.REFRESH_TOKEN_INVALID.exception();
    }
    if (payload.isExpiredAt(now())) {
      throw AuthError.REFRESH_TOKEN_EXPIRED.exception();
    }
    return payload;
  }

  /** {@code token/refresh}: a new access token with the refresh token's claims. */
  public String refresh(String refreshToken) {
    return issueAccess(verifyRefresh(refreshToken));
  }

  /** The payload of a well-formed token with a good signature, else null. */
  private TokenPayload decode(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!jwt.verify(keys.verifier())) {
        return null;
      }
      return TokenClaims.fromJson(jwt.getJWTClaimsSet().getClaim(TokenClaims.PAYLOAD));
    } catch (ParseException | JOSEException | IllegalArgumentException | IllegalStateException e) {
      return null;
    }
  }

  private long now() {
    return clock.millis();
  }

  private static long positiveMillis(Duration lifetime, String what) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException(what + " token lifetime must be positive: " + lifetime);
    }
    return lifetime.toMillis();
  }
}
