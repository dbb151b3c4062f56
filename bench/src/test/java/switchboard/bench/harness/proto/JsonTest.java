package switchboard.bench.harness.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {
  private static String stripped(String s) {
    return new String(Json.withoutLeadingZeros(s.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  @Test
  void leadingZerosGoOutsideStringsOnly() {
    assertThat(stripped("{\"ts\":0000001234567890123,\"v\":\"007\"}")).isEqualTo("{\"ts\":1234567890123,\"v\":\"007\"}");
    assertThat(stripped("{\"a\":[000,-01,0.5,00.5,10],\"b\":\"x\\\"00\"}")).isEqualTo("{\"a\":[0,-1,0.5,0.5,10],\"b\":\"x\\\"00\"}");
    byte[] clean = "{\"ts\":1}".getBytes(StandardCharsets.US_ASCII);
    assertThat(Json.withoutLeadingZeros(clean)).isSameAs(clean);
  }

  @Test
  void aValueEndsAfterItsNestingAndStrings() {
    ByteBuffer b = ByteBuffer.wrap("{\"p\":{\"a\":\"}]\\\"\",\"b\":[1,{}]},\"n\":12}".getBytes(StandardCharsets.UTF_8));
    int v = Json.valueOf(b, 0, b.limit(), "p");
    assertThat(Json.text(b, v, Json.valueEnd(b, v, b.limit()))).isEqualTo("{\"a\":\"}]\\\"\",\"b\":[1,{}]}");
    assertThat(Json.raw(b, 0, b.limit(), "n")).isEqualTo("12");
    assertThat(Json.valueEnd(b, v, v + 5)).isEqualTo(-1);
  }
}
