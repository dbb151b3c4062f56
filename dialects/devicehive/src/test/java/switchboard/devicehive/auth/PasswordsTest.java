package switchboard.devicehive.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordsTest {
  // DeviceHive's seed user, devicehive-java-server devicehive-rdbms-dao/.../db/migration/V1__initial_schema.sql
  private static final String SEED_SALT = "sjQbZgcCmFxqTV4CCmGwpIHO";
  private static final String SEED_HASH = "DFXFrZ8VQIkOYECScBbBwsYinj+o8IlaLsRQ81wO+l8=";
  private static final String SEED_PASSWORD = "dhadmin_#911";

  @Test
  void seedAdminHashMatchesDeviceHivesMigration() {
    assertThat(Passwords.hash(SEED_SALT, SEED_PASSWORD)).isEqualTo(SEED_HASH);
    assertThat(Passwords.verify(SEED_PASSWORD, SEED_SALT, SEED_HASH)).isTrue();
  }

  @Test
  void hashIsBase64OfSha256OfSaltThenPassword() throws Exception {
    String salt = "s4lt";
    String password = "pässword✓";
    byte[] digest = MessageDigest.getInstance("SHA-256")
        .digest("s4ltpässword✓".getBytes(StandardCharsets.UTF_8));
    assertThat(Passwords.hash(salt, password)).isEqualTo(Base64.getEncoder().encodeToString(digest));
    // the order matters: salt first
    assertThat(Passwords.hash(password, salt)).isNotEqualTo(Passwords.hash(salt, password));
  }

  @Test
  void wrongPasswordSaltOrHashDoesNotVerify() {
    assertThat(Passwords.verify("dhadmin_#912", SEED_SALT, SEED_HASH)).isFalse();
    assertThat(Passwords.verify(SEED_PASSWORD, SEED_SALT + "x", SEED_HASH)).isFalse();
    assertThat(Passwords.verify(SEED_PASSWORD, SEED_SALT, SEED_HASH.replace('D', 'E'))).isFalse();
    assertThat(Passwords.verify(SEED_PASSWORD, SEED_SALT, SEED_HASH + "=")).isFalse();
    assertThat(Passwords.verify(SEED_PASSWORD, SEED_SALT, "")).isFalse();
  }

  @Test
  void missingValuesNeverVerify() {
    assertThat(Passwords.verify(null, SEED_SALT, SEED_HASH)).isFalse();
    assertThat(Passwords.verify(SEED_PASSWORD, null, SEED_HASH)).isFalse();
    assertThat(Passwords.verify(SEED_PASSWORD, SEED_SALT, null)).isFalse();
  }

  @Test
  void saltsAreAlphanumericOfDeviceHivesLengthAndDiffer() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String salt = Passwords.newSalt();
      assertThat(salt).hasSize(24).matches("[A-Za-z0-9]{24}");
      seen.add(salt);
    }
    assertThat(seen).hasSize(200);
  }

  @Test
  void aNewSaltRoundTrips() {
    String salt = Passwords.newSalt();
    String stored = Passwords.hash(salt, "new_user_password");
    assertThat(Passwords.verify("new_user_password", salt, stored)).isTrue();
    assertThat(Passwords.verify("new_user_passwore", salt, stored)).isFalse();
  }
}
