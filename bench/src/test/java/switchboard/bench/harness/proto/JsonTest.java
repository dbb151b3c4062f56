package switchboard.bench.harness.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void aValueEndsAfterItsNestingAndStrings() {
    ByteBuffer b = ByteBuffer.wrap("{\"p\":{\"a\":\"}]\\\"\",\"b\":[1,{}]},\"n\":12}".getBytes(StandardCharsets.UTF_8));
    int v = Json.valueOf(b, 0, b.limit(), "p");
    assertThat(Json.text(b, v, Json.valueEnd(b, v, b.limit()))).isEqualTo("{\"a\":\"}]\\\"\",\"b\":[1,{}]}");
    assertThat(Json.raw(b, 0, b.limit(), "n")).isEqualTo("12");
    assertThat(Json.valueEnd(b, v, v + 5)).isEqualTo(-1);
  }
}
