package switchboard.amps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The header reader says what a strict JSON parser (Jackson) says of the same bytes: the same error
 * or no error, the same value for every scalar field, the same place where the body starts.
 */
class HeaderParseAgreementTest {

  static List<String> headers() {
    return List.of(
        "{}",
        " { } rest",
        "{\"c\":\"p\",\"t\":\"orders\"}{\"qty\":5}",
        "{ \"c\" : \"p\" ,\n\t\"t\" : \"a b\" }body",
        "{\"t\":\"caf\u00e9 \u6771\u4eac \ud83d\ude00\"}",
        "{\"t\":\"q\\\"uote\\\\back\\/slash\\b\\f\\n\\r\\t\"}",
        "{\"t\":\"\\u0041\\u00e9\\u6771\\ud83d\\ude00\"}",
        "{\"t\":\"\\ud83d alone\"}",
        "{\"s\":0,\"bs\":-12,\"top_n\":1.5e3,\"e\":2E-2,\"seq\":10.25}",
        "{\"bs\":true,\"top_n\":false,\"sub_id\":null}",
        "{\"x\":{\"a\":[1,{\"b\":\"}\"}],\"c\":[]},\"t\":\"after\"}tail",
        "{\"x\":[[[[[]]]]],\"t\":\"deep\"}",
        "{\"t\":\"a\",\"t\":\"b\"}",
        // errors
        "",
        "   ",
        "[1,2]",
        "garbage",
        "{\"c\":\"p\"",
        "{\"c\":\"p\",}",
        "{\"c\" \"p\"}",
        "{c:\"p\"}",
        "{\"c\":'p'}",
        "{\"s\":01}",
        "{\"s\":-}",
        "{\"s\":1.}",
        "{\"s\":1e}",
        "{\"s\":+1}",
        "{\"b\":tru}",
        "{\"b\":nul}",
        "{\"t\":\"a\tb\"}",
        "{\"t\":\"\\x\"}",
        "{\"t\":\"\\u12G4\"}",
        "{\"x\":[1,]}",
        "{\"x\":{\"a\"}}",
        "{\"x\":[1 2]}",
        "{\"t\":\"unterminated}");
  }

  @ParameterizedTest
  @MethodSource("headers")
  void agreesWithAStrictJsonParser(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Outcome expected = reference(bytes);
    Outcome actual;
    try {
      Header h = Header.parse(bytes, 0, bytes.length);
      actual = Outcome.of(h);
    } catch (IOException e) {
      actual = Outcome.ERROR;
    }
    assertThat(actual).as(text).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void bytesThatAreNotUtf8AreAnErrorAsForAStrictParser() {
    byte[] bad = {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    assertThat(reference(bad)).isEqualTo(Outcome.ERROR);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Header.parse(bad, 0, bad.length)).isInstanceOf(IOException.class);
  }

  /** What was read: the fields the reader keeps and where the body starts; or that it failed. */
  record Outcome(Map<String, String> fields, int bodyOffset) {
    static final Outcome ERROR = new Outcome(Map.of(), -1);

    static Outcome of(Header h) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("command", h.command);
      m.put("topic", h.topic);
      m.put("sequence", h.sequence);
      m.put("batchSize", h.batchSize);
      m.put("topN", h.topN);
      m.put("expiration", h.expiration);
      m.put("subId", h.subId);
      return new Outcome(m, h.bodyOffset);
    }
  }

  private static Outcome reference(byte[] bytes) {
    Header h = new Header();
    try (JsonParser p = new JsonFactory().createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Outcome.ERROR;
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken v = p.nextToken();
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
          p.skipChildren();
          continue;
        }
        setField(h, key, v == JsonToken.VALUE_NULL ? null : p.getText());
      }
      if (t != JsonToken.END_OBJECT) {
        return Outcome.ERROR;
      }
      h.bodyOffset = (int) p.currentLocation().getByteOffset();
    } catch (IOException e) {
      return Outcome.ERROR;
    }
    return Outcome.of(h);
  }

  private static void setField(Header h, String key, String value) {
    switch (key) {
      case "c", "cmd" -> h.command = value;
      case "t", "topic" -> h.topic = value;
      case "s", "seq" -> h.sequence = value;
      case "bs", "batch_size" -> h.batchSize = value;
      case "top_n" -> h.topN = value;
      case "e", "expiration" -> h.expiration = value;
      case "sub_id", "sub_ids" -> h.subId = value;
      default -> { }
    }
  }
}
