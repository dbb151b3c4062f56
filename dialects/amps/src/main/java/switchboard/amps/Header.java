package switchboard.amps;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * One command header as a client sent it. Both the long and the short key names are accepted
 * (protocols/amps.md §1.4: {@code cmd}/{@code c}, {@code cmd_id}/{@code cid}, {@code topic}/{@code t},
 * {@code ack_type}/{@code a}, {@code opts}/{@code o}, {@code batch_size}/{@code bs} ...), and numbers
 * may come quoted or not. Unknown keys are ignored.
 */
public final class Header {
  private static final JsonFactory JSON = new JsonFactory();

  String command;
  String commandId;
  String topic;
  String ackType;
  String options;
  String filter;
  String subId;
  String queryId;
  String sowKey;
  String sowKeys;
  String orderBy;
  String correlationId;
  String clientName;
  String userId;
  String password;
  String version;
  String bookmark;
  String sequence;
  String expiration;
  String batchSize;
  String topN;

  /** Where the body starts in the frame: the byte after the header's closing brace. */
  int bodyOffset;

  /**
   * Parses the JSON header at the start of {@code bytes[offset, offset+length)}.
   *
   * @throws IOException when the bytes do not start with one JSON object
   */
  static Header parse(byte[] bytes, int offset, int length) throws IOException {
    Header h = read(JSON.createParser(bytes, offset, length));
    h.bodyOffset += offset;
    return h;
  }

  /**
   * Parses the JSON header at the start of a frame without copying it; {@link #bodyOffset} is then
   * relative to the buffer's reader index. The buffer's indexes are left as they were.
   */
  static Header parse(io.netty.buffer.ByteBuf frame) throws IOException {
    return read(JSON.createParser((java.io.InputStream) new io.netty.buffer.ByteBufInputStream(frame.duplicate())));
  }

  private static Header read(JsonParser parser) throws IOException {
    Header h = new Header();
    try (JsonParser p = parser) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("a header is a JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken v = p.nextToken();
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
          p.skipChildren();
          continue;
        }
        h.set(key, v == JsonToken.VALUE_NULL ? null : p.getText());
      }
      if (t != JsonToken.END_OBJECT) {
        throw new IOException("unterminated header");
      }
      h.bodyOffset = (int) p.currentLocation().getByteOffset();
    }
    return h;
  }

  private void set(String key, String value) {
    switch (key) {
      case "c", "cmd" -> command = value;
      case "cid", "cmd_id" -> commandId = value;
      case "t", "topic" -> topic = value;
      case "a", "ack_type", "ack" -> ackType = value;
      case "o", "opts", "options" -> options = value;
      case "f", "filter" -> filter = value;
      case "sub_id", "sub_ids" -> subId = value;
      case "query_id" -> queryId = value;
      case "k", "sow_key" -> sowKey = value;
      case "sow_keys" -> sowKeys = value;
      case "orderby" -> orderBy = value;
      case "x", "correlation_id" -> correlationId = value;
      case "client_name" -> clientName = value;
      case "user_id" -> userId = value;
      case "pw", "password" -> password = value;
      case "v", "version" -> version = value;
      case "bm", "bookmark" -> bookmark = value;
      case "s", "seq" -> sequence = value;
      case "e", "expiration" -> expiration = value;
      case "bs", "batch_size" -> batchSize = value;
      case "top_n" -> topN = value;
      default -> { } // mt, l, and anything else this server has no use for
    }
  }

  public String command() {
    return command;
  }

  public String commandId() {
    return commandId;
  }

  public String topic() {
    return topic;
  }

  public String subId() {
    return subId;
  }

  public String queryId() {
    return queryId;
  }

  public String filter() {
    return filter;
  }

  public String options() {
    return options;
  }
}
