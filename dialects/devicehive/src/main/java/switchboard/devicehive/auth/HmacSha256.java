package switchboard.devicehive.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 for nimbus-jose-jwt with a key of any non-zero length. Nimbus 9.47's {@code MACSigner} and
 * {@code MACVerifier} refuse keys shorter than 256 bits (RFC 7518 §3.2), but DeviceHive derives its
 * key from the configured secret (see {@link JwtKeys}), and the common secret {@code devicehive}
 * gives six bytes. So this signer and verifier compute the HMAC with {@link Mac} themselves and
 * leave everything else (parsing, Base64URL, serialisation) to nimbus.
 *
 * <p>Only HS256 is accepted, and a header naming critical parameters is refused, since none are
 * understood. Signatures are compared in constant time. Thread-safe: a {@link Mac} is made per call.
 */
final class HmacSha256 implements JWSSigner, JWSVerifier {
  private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.HS256);

  private final SecretKeySpec key;
  private final JCAContext jcaContext = new JCAContext();

  HmacSha256(byte[] key) {
    if (key.length == 0) {
      throw new IllegalArgumentException("an HMAC key needs at least one byte");
    }
    this.key = new SecretKeySpec(key, "HmacSHA256");
  }

  @Override
  public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
    if (!JWSAlgorithm.HS256.equals(header.getAlgorithm())) {
      throw new JOSEException("only HS256 is supported, not " + header.getAlgorithm());
    }
    return Base64URL.encode(mac(signingInput));
  }

  @Override
  public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
    if (!JWSAlgorithm.HS256.equals(header.getAlgorithm()) || header.getCriticalParams() != null) {
      return false;
    }
    return MessageDigest.isEqual(mac(signingInput), signature.decode());
  }

  byte[] mac(byte[] input) throws JOSEException {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new JOSEException("HmacSHA256 is unavailable", e);
    }
  }

  @Override
  public Set<JWSAlgorithm> supportedJWSAlgorithms() {
    return ALGORITHMS;
  }

  @Override
  public JCAContext getJCAContext() {
    return jcaContext;
  }
}
