package switchboard.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading strings as numbers without allocating: the same answers as the JDK's parsers. */
class NumbersTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "0 | 1", "47 | 1", "-47 | 1", "+47 | 1", "007 | 1", "9223372036854775807 | 1", "-9223372036854775808 | 1",
      "9223372036854775808 | 2", "-9223372036854775809 | 2", "123456789012345678901234 | 2",
      "2.0 | 2", "2. | 2", ".5 | 2", "-0.25 | 2", "1e3 | 2", "1E-3 | 2", "4.7e+1 | 2",
      "abc | 0", "- | 0", ". | 0", "1e | 0", "1e+ | 0", "1.2.3 | 0", "' 1' | 0", "'1 ' | 0", "0x10 | 0",
      "NaN | 0", "Infinity | 0", "1,000 | 0", "e5 | 0",
  })
  void kind(String text, int kind) {
    assertThat(Numbers.kind(text.replace("'", ""))).isEqualTo(kind);
  }

  @Test
  void parseDoubleAgreesWithTheJdk() {
    String[] fixed = {"90.25", "0.1", "-0.0", "2.", ".5", "1e22", "1e23", "1e-22", "1e-23", "123456789012345",
        "1234567890123456", "0.000000000000000000001", "1.7976931348623157e308", "4.9e-324", "1e400", "3.14159e-5",
        "99999999999999999999.5", "+2.5E+3", "0000000000000000000001.5"};
    for (String s : fixed) {
      assertThat(Numbers.parseDouble(s)).as(s).isEqualTo(Double.parseDouble(s));
    }
    Random r = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      String s = randomDecimal(r);
      assertThat(Numbers.parseDouble(s)).as(s).isEqualTo(Double.parseDouble(s));
    }
  }

  private static String randomDecimal(Random r) {
    StringBuilder b = new StringBuilder();
    if (r.nextInt(4) == 0) {
      b.append('-');
    }
    int intDigits = r.nextInt(10);
    for (int k = 0; k < intDigits; k++) {
      b.append((char) ('0' + r.nextInt(10)));
    }
    b.append('.');
    int fracDigits = r.nextInt(12) + (intDigits == 0 ? 1 : 0);
    for (int k = 0; k < fracDigits; k++) {
      b.append((char) ('0' + r.nextInt(10)));
    }
    if (r.nextInt(3) == 0) {
      b.append('e').append(r.nextInt(50) - 25);
    }
    return b.toString();
  }
}
