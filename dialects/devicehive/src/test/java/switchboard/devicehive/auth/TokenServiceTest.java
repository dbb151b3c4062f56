package switchboard.devicehive.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class TokenServiceTest {
  private static final JwtKeys KEYS = JwtKeys.fromSecret("devicehive");
  private static final byte[] DEVICEHIVE_KEY = {0x75, (byte) 0xeb, (byte) 0xe2, 0x71, (byte) 0xe8, 0x62};
  private static final long JUNE_2019 = 1_559_347_200_000L; // e of devicehive-tests' tokens
  private static final long JAN_2019 = 1_546_300_800_000L;

  // devicehive-tests integration-tests/common/utils.js, minted by DeviceHive with JWT_SECRET=devicehive
  private static final String DH_ADMIN = JwtKeysTest.DEVICEHIVE_ADMIN_TOKEN;
  private static final String DH_ADMIN_REFRESH = "eyJhbGciOiJIUzI1NiJ9"
      + ".eyJwYXlsb2FkIjp7InUiOjEsImEiOlswXSwibiI6WyIqIl0sImR0IjpbIioiXSwiZSI6MTU1OTM0NzIwMDAwMCwidCI6MH19"
      + ".FhgGiIFMl7PSiaHMXGFlJTMKUyjA_JXjU_Qk2pjGna4";
  private static final String DH_ADMIN_REFRESH_EXPIRED = "eyJhbGciOiJIUzI1NiJ9"
      + ".eyJwYXlsb2FkIjp7InUiOjEsImEiOlswXSwibiI6WyIqIl0sImR0IjpbIioiXSwiZSI6MTQ2NDc5MzI5MDU2NCwidCI6MH19"
      + ".NdKR2zLvBeMuvGEDf4BC7a8YxqdvdKjnqIKdFn2KpJU";
  /** An access token (t=1) that ws-auth.js offers to token/refresh; it also says "d" for "dt". */
  private static final String DH_ADMIN_REFRESH_INVALID = "eyJhbGciOiJIUzI1NiJ9"
      + ".eyJwYXlsb2FkIjp7InUiOjEsImEiOlswXSwibiI6WyIqIl0sImQiOlsiKiJdLCJlIjoxNTE0NzY0ODAwMDAwLCJ0IjoxfX0"
      + ".dkA2H1MGmJHdAT382tqt-xhcmwwlTimGwnabS5HdfJc";
  private static final String DH_ADMIN_REFRESH_BAD_SIGNATURE = "eyJhbGciOiJIUzI1NiJ9"
      + ".eyJwYXlsb2FkIjp7InUiOjEsImEiOlswXSwibiI6WyIqIl0sImQiOlsiKiJdLCJlIjoxNTU5MzQ3MjAwMDAwLCJ0IjowfX0"
      + ".lo2T-wbXe1J9DvVyxJtFkNlo76uH_kSVwVY-FxLZRkk";

  private static TokenService at(long nowMillis) {
    return new TokenService(KEYS, Clock.fixed(Instant.ofEpochMilli(nowMillis), ZoneOffset.UTC));
  }

  private static String b64url(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** A token built by hand as DeviceHive builds it: base64url(header).base64url(claims).HMAC-SHA256. */
  private static String handMade(String headerJson, String claimsJson, byte[] key) throws Exception {
    String input = b64url(headerJson) + "." + b64url(claimsJson);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    byte[] sig = mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
  }

  private static void fails(ThrowingCallable call, AuthError expected) {
    assertThatThrownBy(call).isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.error()).isEqualTo(expected));
  }

  private static String decodedPart(String token, int part) {
    return new String(Base64.getUrlDecoder().decode(token.split("\\.")[part]), StandardCharsets.UTF_8);
  }

  @Test
  void mintsDeviceHivesAdminTokenByteForByte() {
    TokenPayload admin = new TokenPayload(1L, Set.of(0), Set.of("*"), Set.of("*"), JUNE_2019, TokenType.ACCESS);
    assertThat(at(JAN_2019).sign(admin)).isEqualTo(DH_ADMIN);
    assertThat(at(JAN_2019).sign(admin.asRefresh(JUNE_2019))).isEqualTo(DH_ADMIN_REFRESH);
  }

  @Test
  void verifiesDeviceHivesAdminToken() {
    TokenPayload p = at(JAN_2019).verifyAccess(DH_ADMIN);
    assertThat(p).isEqualTo(new TokenPayload(1L, Set.of(0), Set.of("*"), Set.of("*"), JUNE_2019, TokenType.ACCESS));
  }

  @Test
  void handMadeTokenWithTheDerivedKeyVerifies() throws Exception {
    String token = handMade("{\"alg\":\"HS256\"}",
        "{\"payload\":{\"u\":37876,\"a\":[2,3,4,5],\"n\":[\"41691\",7],\"dt\":[\"*\"],\"e\":" + (JAN_2019 + 1) + ",\"t\":1}}",
        DEVICEHIVE_KEY);
    TokenPayload p = at(JAN_2019).verifyAccess(token);
    assertThat(p.userId()).isEqualTo(37876L);
    assertThat(p.actions()).containsExactly(2, 3, 4, 5);
    assertThat(p.networkIds()).containsExactly("41691", "7");
    assertThat(p.deviceTypeIds()).containsExactly("*");
    assertThat(p.expiration()).isEqualTo(JAN_2019 + 1);
    assertThat(p.tokenType()).isEqualTo(TokenType.ACCESS);
  }

  @Test
  void numbersMayArriveAsStrings() throws Exception {
    String token = handMade("{\"alg\":\"HS256\"}",
        "{\"payload\":{\"u\":\"5\",\"a\":[\"3\"],\"n\":[1,\"2\"],\"dt\":[3],\"e\":\"" + JUNE_2019 + "\",\"t\":\"1\"}}",
        DEVICEHIVE_KEY);
    assertThat(at(JAN_2019).verifyAccess(token))
        .isEqualTo(new TokenPayload(5L, Set.of(3), Set.of("1", "2"), Set.of("3"), JUNE_2019, TokenType.ACCESS));
  }

  @Test
  void ownTokensRoundTripWithDeviceHivesHeaderAndNoExp() {
    TokenService service = at(JAN_2019);
    TokenPayload claims = TokenPayload.forLogin(false, 42, List.of(9L, 3L), List.of(), true);
    TokenPair pair = service.issue(claims);

    assertThat(decodedPart(pair.accessToken(), 0)).isEqualTo("{\"alg\":\"HS256\"}");
    assertThat(decodedPart(pair.accessToken(), 1)).isEqualTo("{\"payload\":{\"u\":42,\"a\":[2,3,4,5,6,7,8,9,10,11,15,16,17],"
        + "\"n\":[\"3\",\"9\"],\"dt\":[\"*\"],\"e\":" + (JAN_2019 + 1_800_000L) + ",\"t\":1}}");

    TokenPayload access = service.verifyAccess(pair.accessToken());
    assertThat(access).isEqualTo(claims.asAccess(JAN_2019 + 1_800_000L));
    TokenPayload refresh = service.verifyRefresh(pair.refreshToken());
    assertThat(refresh).isEqualTo(claims.asRefresh(JAN_2019 + 15_724_800_000L));
  }

  @Test
  void lifetimesAreConfigurable() {
    TokenService service = new TokenService(KEYS, Clock.fixed(Instant.ofEpochMilli(1000), ZoneOffset.UTC),
        Duration.ofSeconds(5), Duration.ofMinutes(1));
    TokenPair pair = service.issue(TokenPayload.forLogin(true, 1, List.of(), List.of(), false));
    assertThat(service.verifyAccess(pair.accessToken()).expiration()).isEqualTo(6000L);
    assertThat(service.verifyRefresh(pair.refreshToken()).expiration()).isEqualTo(61000L);
    assertThat(service.issueAccess(TokenPayload.forLogin(true, 1, List.of(), List.of(), false)))
        .isEqualTo(pair.accessToken());
    assertThatThrownBy(() -> new TokenService(KEYS, Clock.systemUTC(), Duration.ZERO, Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void expiryIsStrictlyAfterE() {
    TokenPayload claims = new TokenPayload(1L, Set.of(0), Set.of("*"), Set.of("*"), 5000L, TokenType.ACCESS);
    String token = at(0).sign(claims);
    assertThat(at(4999).verifyAccess(token)).isEqualTo(claims);
    assertThat(at(5000).verifyAccess(token)).isEqualTo(claims);
    fails(() -> at(5001).verifyAccess(token), AuthError.TOKEN_EXPIRED);
  }

  @Test
  void deviceHivesExpiredAdminTokenIsTokenExpired() {
    fails(() -> at(JUNE_2019 + 1).verifyAccess(DH_ADMIN), AuthError.TOKEN_EXPIRED);
    fails(() -> at(System.currentTimeMillis()).verifyAccess(DH_ADMIN), AuthError.TOKEN_EXPIRED);
  }

  @Test
  void missingTokenIsUnauthorized() {
    fails(() -> at(JAN_2019).verifyAccess(null), AuthError.UNAUTHORIZED);
    fails(() -> at(JAN_2019).verifyAccess(""), AuthError.UNAUTHORIZED);
    fails(() -> at(JAN_2019).verifyRefresh(null), AuthError.UNAUTHORIZED);
  }

  @Test
  void refreshTokenUsedAsAccessIsInvalidCredentialsEvenWhenExpired() {
    // ws-auth.js: authenticate with utils.jwt.admin_refresh -> 401 'Invalid credentials'
    fails(() -> at(JAN_2019).verifyAccess(DH_ADMIN_REFRESH), AuthError.INVALID_CREDENTIALS);
    fails(() -> at(JAN_2019).verifyAccess(DH_ADMIN_REFRESH_EXPIRED), AuthError.INVALID_CREDENTIALS);
  }

  @Test
  void garbageAndBadSignaturesAreInvalidCredentials() throws Exception {
    TokenService service = at(JAN_2019);
    fails(() -> service.verifyAccess("invalidToken"), AuthError.INVALID_CREDENTIALS); // ws-auth.js
    fails(() -> service.verifyAccess("a.b.c"), AuthError.INVALID_CREDENTIALS);
    fails(() -> service.verifyAccess(DH_ADMIN + "x"), AuthError.INVALID_CREDENTIALS);
    fails(() -> service.verifyAccess(DH_ADMIN_REFRESH_BAD_SIGNATURE), AuthError.INVALID_CREDENTIALS);

    String otherSecret = new TokenService(JwtKeys.fromSecret("anotherSecret"), Clock.systemUTC())
        .sign(new TokenPayload(1L, Set.of(0), Set.of("*"), Set.of("*"), JUNE_2019, TokenType.ACCESS));
    fails(() -> service.verifyAccess(otherSecret), AuthError.INVALID_CREDENTIALS);

    // the admin token's claims with the user changed, signature kept
    String[] parts = DH_ADMIN.split("\\.");
    String tampered = b64url(decodedPart(DH_ADMIN, 1).replace("\"u\":1", "\"u\":2"));
    fails(() -> service.verifyAccess(parts[0] + "." + tampered + "." + parts[2]), AuthError.INVALID_CREDENTIALS);
  }

  @Test
  void otherAlgorithmsAreInvalidCredentials() throws Exception {
    String claims = "{\"payload\":{\"u\":1,\"a\":[0],\"n\":[\"*\"],\"dt\":[\"*\"],\"e\":" + JUNE_2019 + ",\"t\":1}}";
    String none = b64url("{\"alg\":\"none\"}") + "." + b64url(claims) + ".";
    fails(() -> at(JAN_2019).verifyAccess(none), AuthError.INVALID_CREDENTIALS);

    String input = b64url("{\"alg\":\"HS512\"}") + "." + b64url(claims);
    Mac mac = Mac.getInstance("HmacSHA512");
    mac.init(new SecretKeySpec(DEVICEHIVE_KEY, "HmacSHA512"));
    String hs512 = input + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    fails(() -> at(JAN_2019).verifyAccess(hs512), AuthError.INVALID_CREDENTIALS);
  }

  @Test
  void wellSignedButMalformedClaimsAreInvalidCredentials() throws Exception {
    String header = "{\"alg\":\"HS256\"}";
    List<String> bad = List.of(
        "{\"u\":1}",
        "{\"payload\":\"x\"}",
        "{\"payload\":{\"u\":1,\"a\":[0],\"n\":[\"*\"],\"dt\":[\"*\"],\"e\":1}}",
        "{\"payload\":{\"u\":1,\"a\":[0],\"n\":[\"*\"],\"dt\":[\"*\"],\"e\":1,\"t\":2}}",
        "{\"payload\":{\"u\":1,\"a\":[\"GetDevice\"],\"n\":[\"*\"],\"dt\":[\"*\"],\"t\":1}}",
        "{\"payload\":{\"u\":1,\"a\":[0],\"n\":[\"net\"],\"dt\":[\"*\"],\"t\":1}}",
        "{\"payload\":{\"u\":1,\"a\":[0],\"n\":\"*\",\"dt\":[\"*\"],\"t\":1}}",
        "{\"payload\":{\"u\":1.5,\"a\":[0],\"n\":[\"*\"],\"dt\":[\"*\"],\"t\":1}}",
        "{\"payload\":{\"u\":true,\"a\":[0],\"n\":[\"*\"],\"dt\":[\"*\"],\"t\":1}}",
        "{\"payload\":{\"u\":1,\"a\":[null],\"n\":[\"*\"],\"dt\":[\"*\"],\"t\":1}}");
    for (String claims : bad) {
      String token = handMade(header, claims, DEVICEHIVE_KEY);
      fails(() -> at(0).verifyAccess(token), AuthError.INVALID_CREDENTIALS);
    }
  }

  @Test
  void missingOptionalClaims() throws Exception {
    // no e: DeviceHive never expires it; no a: nothing granted; no n/dt: no scope
    String token = handMade("{\"alg\":\"HS256\"}", "{\"payload\":{\"u\":3,\"t\":1},\"iat\":1}", DEVICEHIVE_KEY);
    assertThat(at(Long.MAX_VALUE).verifyAccess(token))
        .isEqualTo(new TokenPayload(3L, Set.of(1), Set.of(), Set.of(), null, TokenType.ACCESS));
    // a plugin token has no u
    String plugin = handMade("{\"alg\":\"HS256\"}", "{\"payload\":{\"tpc\":\"topic\",\"a\":[],\"t\":1}}", DEVICEHIVE_KEY);
    assertThat(at(0).verifyAccess(plugin).userId()).isNull();
  }

  @Test
  void refreshMintsAnAccessTokenWithTheSameClaims() {
    TokenService service = at(JAN_2019);
    String access = service.refresh(DH_ADMIN_REFRESH);
    assertThat(service.verifyAccess(access))
        .isEqualTo(new TokenPayload(1L, Set.of(0), Set.of("*"), Set.of("*"), JAN_2019 + 1_800_000L, TokenType.ACCESS));
  }

  @Test
  void refreshRefusesAccessExpiredAndBadlySignedTokens() {
    TokenService service = at(JAN_2019);
    // ws-auth.js: admin_refresh_invalid -> 400 'Token is not valid'; admin_refresh_exp -> 400 'Token has expired'
    fails(() -> service.refresh(DH_ADMIN_REFRESH_INVALID), AuthError.REFRESH_TOKEN_INVALID);
    fails(() -> service.refresh(DH_ADMIN_REFRESH_EXPIRED), AuthError.REFRESH_TOKEN_EXPIRED);
    fails(() -> service.refresh(DH_ADMIN), AuthError.REFRESH_TOKEN_INVALID);
    fails(() -> service.refresh(DH_ADMIN_REFRESH_BAD_SIGNATURE), AuthError.REFRESH_TOKEN_INVALID);
    fails(() -> service.refresh("invalidToken"), AuthError.REFRESH_TOKEN_INVALID);
    fails(() -> service.refresh(""), AuthError.UNAUTHORIZED);
    fails(() -> at(JUNE_2019 + 1).refresh(DH_ADMIN_REFRESH), AuthError.REFRESH_TOKEN_EXPIRED);
    assertThat(at(JUNE_2019).verifyRefresh(DH_ADMIN_REFRESH).expiration()).isEqualTo(JUNE_2019);
  }

  @Test
  void deviceHivesInvalidRefreshTokenIsAUsableAccessTokenWithoutDeviceTypes() {
    // its "d" is not "dt", so it grants no device types
    TokenPayload p = at(JAN_2019 - 365L * 86_400_000L).verifyAccess(DH_ADMIN_REFRESH_INVALID);
    assertThat(p.deviceTypeIds()).isEmpty();
    assertThat(p.networkIds()).containsExactly("*");
  }
}
