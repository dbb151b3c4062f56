package switchboard.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes JSON command headers (protocols/amps.md §1.1, §1.3).
 *
 * <p>Written headers are compact JSON (Jackson's generator writes no whitespace), keys in
 * {@link HeaderKeys#WRITE_ORDER} and then any others in the order they were set; numbers are written
 * as JSON numbers and everything else as strings.
 *
 * <p>Read headers are a map from canonical key ({@link HeaderKeys#canonical}) to the value's text:
 * strings unescaped, numbers and booleans as written; nested objects and arrays are skipped.
 */
final class HeaderCodec {
  private static final JsonFactory JSON = new JsonFactory();

  private HeaderCodec() {}

  /** Writes a header whose keys are canonical names. */
  static byte[] write(Map<String, Object> fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      for (String key : HeaderKeys.WRITE_ORDER) {
        Object v = fields.get(key);
        if (v != null) {
          writeField(g, key, v);
        }
      }
      for (Map.Entry<String, Object> e : fields.entrySet()) {
        if (e.getValue() != null && !HeaderKeys.WRITE_ORDER.contains(e.getKey())) {
          writeField(g, e.getKey(), e.getValue());
        }
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not with an in-memory stream
    }
    return out.toByteArray();
  }

  private static void writeField(JsonGenerator g, String key, Object v) throws IOException {
    g.writeFieldName(HeaderKeys.wireName(key));
    if (v instanceof Long || v instanceof Integer) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else {
      g.writeString(v.toString());
    }
  }

  /**
   * The index just past the closing brace of the JSON object starting at {@code from} (after optional
   * whitespace), looking no further than {@code to}. Braces inside strings do not count.
   *
   * @throws IOException when the bytes do not start with an object or the object does not end before
   *     {@code to}
   */
  static int objectEnd(byte[] b, int from, int to) throws IOException {
    int i = from;
    while (i < to && isSpace(b[i])) {
      i++;
    }
    if (i >= to || b[i] != '{') {
      throw new IOException("expected a JSON header at byte " + from);
    }
    int depth = 0;
    boolean inString = false;
    for (; i < to; i++) {
      byte c = b[i];
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i + 1;
      }
    }
    throw new IOException("unterminated JSON header");
  }

  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  /**
   * Parses the header in {@code b[from, to)} (exactly one JSON object) into canonical keys.
   *
   * @throws IOException when it is not a JSON object
   */
  static Map<String, String> parse(byte[] b, int from, int to) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(b, from, to - from)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("a header is a JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String key = HeaderKeys.canonical(p.currentName());
        JsonToken v = p.nextToken();
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
          p.skipChildren();
        } else if (v != JsonToken.VALUE_NULL) {
          out.put(key, p.getText());
        }
      }
      if (t != JsonToken.END_OBJECT) {
        throw new IOException("malformed JSON header");
      }
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IOException("malformed JSON header: " + e.getOriginalMessage(), e);
    }
    return out;
  }
}
