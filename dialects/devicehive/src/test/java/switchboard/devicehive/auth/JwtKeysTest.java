package switchboard.devicehive.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class JwtKeysTest {
  /**
   * jwt.admin from devicehive-tests integration-tests/common/utils.js: an access token minted by a
   * real DeviceHive with JWT_SECRET=devicehive (payload u=1, a=[0], n=["*"], dt=["*"], e=2019-06-01, t=1).
   */
  static final String DEVICEHIVE_ADMIN_TOKEN = "eyJhbGciOiJIUzI1NiJ9"
      + ".eyJwYXlsb2FkIjp7InUiOjEsImEiOlswXSwibiI6WyIqIl0sImR0IjpbIioiXSwiZSI6MTU1OTM0NzIwMDAwMCwidCI6MX19"
      + ".0i1MaUBtgfDPG4_cvSjEVO11FZy7o_L_6uRCR5NR3v4";

  @Test
  void devicehiveSecretGivesTheSixByteKey() {
    assertThat(JwtKeys.fromSecret("devicehive").keyBytes())
        .containsExactly(0x75, 0xeb, 0xe2, 0x71, 0xe8, 0x62);
  }

  @Test
  void aKeyShorterThan256BitsSignsAndVerifies() throws Exception {
    JwtKeys keys = JwtKeys.fromSecret("devicehive");
    SignedJWT jwt = SignedJWT.parse(DEVICEHIVE_ADMIN_TOKEN);
    assertThat(jwt.verify(keys.verifier())).isTrue();

    byte[] input = "eyJhbGciOiJIUzI1NiJ9.e30".getBytes(StandardCharsets.US_ASCII);
    Base64URL signature = keys.signer().sign(new JWSHeader(JWSAlgorithm.HS256), input);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(new byte[] {0x75, (byte) 0xeb, (byte) 0xe2, 0x71, (byte) 0xe8, 0x62}, "HmacSHA256"));
    assertThat(signature.decode()).containsExactly(mac.doFinal(input));
  }

  @Test
  void anotherSecretDoesNotVerifyDeviceHivesToken() throws Exception {
    SignedJWT jwt = SignedJWT.parse(DEVICEHIVE_ADMIN_TOKEN);
    assertThat(jwt.verify(JwtKeys.fromSecret("deviceHive").verifier())).isFalse();
    assertThat(jwt.verify(JwtKeys.fromKeyBytes("devicehive".getBytes(StandardCharsets.US_ASCII)).verifier()))
        .isFalse();
  }

  @Test
  void secretsThatDifferOnlyOutsideTheAlphabetOrInTheTailAreTheSameKey() {
    assertThat(JwtKeys.fromSecret("device-hive!!").keyBytes()).containsExactly(JwtKeys.fromSecret("devicehive").keyBytes());
    assertThat(JwtKeys.fromSecret("devicehiXX").keyBytes()).containsExactly(JwtKeys.fromSecret("devicehive").keyBytes());
  }

  @Test
  void aSecretWithNoWholeGroupIsRefused() {
    assertThatThrownBy(() -> JwtKeys.fromSecret("abc")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JwtKeys.fromSecret("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JwtKeys.fromKeyBytes(new byte[0])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keyBytesAreACopy() {
    JwtKeys keys = JwtKeys.fromSecret("devicehive");
    keys.keyBytes()[0] = 0;
    assertThat(keys.keyBytes()[0]).isEqualTo((byte) 0x75);
  }

  @Test
  void otherAlgorithmsAndCriticalHeadersAreRefused() throws Exception {
    JwtKeys keys = JwtKeys.fromSecret("devicehive");
    byte[] input = "x.y".getBytes(StandardCharsets.US_ASCII);
    Base64URL good = keys.signer().sign(new JWSHeader(JWSAlgorithm.HS256), input);
    assertThat(keys.verifier().verify(new JWSHeader(JWSAlgorithm.HS256), input, good)).isTrue();
    assertThat(keys.verifier().verify(new JWSHeader(JWSAlgorithm.HS512), input, good)).isFalse();
    JWSHeader crit = new JWSHeader.Builder(JWSAlgorithm.HS256)
        .criticalParams(java.util.Set.of("exp")).customParam("exp", 1).build();
    assertThat(keys.verifier().verify(crit, input, good)).isFalse();
    assertThatThrownBy(() -> keys.signer().sign(new JWSHeader(JWSAlgorithm.HS384), input))
        .isInstanceOf(JOSEException.class);
  }
}
