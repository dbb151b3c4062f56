package switchboard.xrpl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Base58Test {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  @Test
  void publishedAddressVectorsDecodeToTheirAccountIds() {
    // the genesis account and rippled's two special accounts (protocols/xrpl.md §5)
    assertThat(HEX.formatHex(Base58.decodeAccountId("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh")))
        .isEqualTo("B5F762798A53D543A014CAF8B297CFF8F2F937E8");
    assertThat(HEX.formatHex(Base58.decodeAccountId("rrrrrrrrrrrrrrrrrrrrrhoLvTp"))).isEqualTo("0".repeat(40));
    assertThat(HEX.formatHex(Base58.decodeAccountId("rrrrrrrrrrrrrrrrrrrrBZbvji"))).isEqualTo("0".repeat(38) + "01");
  }

  @Test
  void encodingIsTheInverseOfDecoding() {
    assertThat(Base58.encodeAccountId(HEX.parseHex("B5F762798A53D543A014CAF8B297CFF8F2F937E8")))
        .isEqualTo("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh");
    assertThat(Base58.encodeAccountId(new byte[20])).isEqualTo("rrrrrrrrrrrrrrrrrrrrrhoLvTp");
  }

  @Test
  void aChangedCharacterABadAlphabetOrAWrongLengthIsNoAddress() {
    assertThat(Base58.decodeAccountId("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTi")).isNull(); // checksum
    assertThat(Base58.decodeAccountId("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyT0")).isNull(); // '0' is not a digit
    assertThat(Base58.decodeAccountId(" rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh")).isNull(); // no trimming
    assertThat(Base58.decodeAccountId("")).isNull();
    assertThat(Base58.decodeAccountId("r".repeat(53))).isNull();
    // a valid base58check string of another type (a 33-byte node public key prefix) is not an account
    assertThat(Base58.decodeAccountId(Base58.encodeChecked(new byte[] {0x1C, 1, 2, 3}))).isNull();
  }
}
