package switchboard.devicehive.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LenientBase64Test {

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void deviceHiveDefaultSecretLosesItsPartialGroup() {
    // protocols/devicehive.md §5: secret "devicehive" -> base64decode("devicehi")
    byte[] expected = {0x75, (byte) 0xeb, (byte) 0xe2, 0x71, (byte) 0xe8, 0x62};
    assertThat(LenientBase64.decode("devicehive")).containsExactly(expected);
    assertThat(LenientBase64.decode("devicehi")).containsExactly(expected);
    assertThat(LenientBase64.decode("devicehiv")).containsExactly(expected);
    assertThat(LenientBase64.decode("devicehiv3")).containsExactly(expected);
  }

  @Test
  void aTrailingPartialGroupIsDroppedWhereStrictBase64WouldDecodeIt() {
    assertThat(Base64.getDecoder().decode("YWJjZA")).containsExactly(ascii("abcd"));
    assertThat(LenientBase64.decode("YWJjZA")).containsExactly(ascii("abc"));
    assertThat(LenientBase64.decode("YWJjZA==")).containsExactly(ascii("abcd"));
    assertThat(LenientBase64.decode("YWJjZGU=")).containsExactly(ascii("abcde"));
  }

  @Test
  void charactersOutsideTheAlphabetAreSkipped() {
    assertThat(LenientBase64.decode("YW Jj")).containsExactly(ascii("abc"));
    assertThat(LenientBase64.decode("Y\r\nW\tJj\n")).containsExactly(ascii("abc"));
    assertThat(LenientBase64.decode("#Y!W@J$j%")).containsExactly(ascii("abc"));
    // URL-safe symbols are not in the alphabet either
    assertThat(LenientBase64.decode("Y-W_Jj")).containsExactly(ascii("abc"));
    // non-ASCII is skipped (DatatypeConverter would throw here)
    assertThat(LenientBase64.decode("YéWJ€j")).containsExactly(ascii("abc"));
  }

  @Test
  void shortOrEmptyInputsGiveNoBytes() {
    assertThat(LenientBase64.decode("")).isEmpty();
    assertThat(LenientBase64.decode("abc")).isEmpty();
    assertThat(LenientBase64.decode("a b c")).isEmpty();
    assertThat(LenientBase64.decode("!!!!!!!!")).isEmpty();
  }

  @Test
  void eachGroupOfFourIsDecodedOnItsOwn() {
    // padding in mid-string ends only its own group, as in DatatypeConverter
    assertThat(LenientBase64.decode("YQ==YWJj")).containsExactly(ascii("aabc"));
    assertThat(LenientBase64.decode("YWI=Yw==")).containsExactly(ascii("abc"));
  }

  @Test
  void wellFormedBase64DecodesAsTheJdkDoes() {
    Random random = new Random(42);
    for (int n = 0; n < 200; n++) {
      byte[] bytes = new byte[random.nextInt(64)];
      random.nextBytes(bytes);
      assertThat(LenientBase64.decode(Base64.getEncoder().encodeToString(bytes))).containsExactly(bytes);
      assertThat(LenientBase64.decode(Base64.getMimeEncoder(8, "\r\n".getBytes(StandardCharsets.US_ASCII))
          .encodeToString(bytes))).containsExactly(bytes);
    }
  }
}
