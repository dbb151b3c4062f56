package switchboard.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One message from the server: its header and its body. Deliveries ({@code p}, {@code oof}), SOW
 * records ({@code sow}), query markers ({@code group_begin}, {@code group_end}) and, where nothing
 * else claims them, acks all arrive as a {@code Message}.
 *
 * <p>Header fields are kept under one name whatever spelling the server used: {@link #header(String)}
 * accepts the short or the long key ({@code t} or {@code topic}). A SOW record carries the fields of
 * its batch header with its own record header's fields ({@code k}, {@code ts}, {@code x} ...) on top.
 *
 * <p>Immutable. {@link #body()} returns the received array itself: do not modify it.
 */
public final class Message {
  private final Map<String, String> headers;
  private final byte[] body;
  private final String subId;

  Message(Map<String, String> headers, byte[] body) {
    this(Collections.unmodifiableMap(headers), body, headers.get(HeaderKeys.SUB_ID));
  }

  private Message(Map<String, String> headers, byte[] body, String subId) {
    this.headers = headers;
    this.body = body == null ? new byte[0] : body;
    this.subId = subId;
  }

  /** The same message as routed to one subscription: {@link #subId()} is that subscription's id. */
  Message routedTo(String subscription) {
    return new Message(headers, body, subscription);
  }

  /** The command: {@code p}, {@code publish}, {@code oof}, {@code sow}, {@code group_begin}, {@code group_end}, {@code ack} ... */
  public String command() {
    return headers.get(HeaderKeys.COMMAND);
  }

  /** The topic ({@code t}), or null. */
  public String topic() {
    return headers.get(HeaderKeys.TOPIC);
  }

  /** The body bytes (empty, never null). The array is shared: do not modify it. */
  public byte[] body() {
    return body;
  }

  /** The body as UTF-8 text. */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The subscription this message was handed to: for a delivery, the one of {@link #subIds()} whose
   * handler is running; otherwise the header's {@code sub_id}, or null.
   */
  public String subId() {
    return subId;
  }

  /**
   * Every subscription of this connection the message matched ({@code sids}, a comma list on the wire);
   * from a server that sends no {@code sids}, the {@code sub_id} alone.
   */
  public List<String> subIds() {
    String sids = headers.get(HeaderKeys.SIDS);
    if (sids == null || sids.isEmpty()) {
      return subId == null ? List.of() : List.of(subId);
    }
    List<String> out = new ArrayList<>();
    for (String s : sids.split(",")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return List.copyOf(out);
  }

  /** The query this message belongs to ({@code query_id}), for SOW records and group markers; or null. */
  public String queryId() {
    return headers.get(HeaderKeys.QUERY_ID);
  }

  /** The SOW key ({@code k}), or null. */
  public String sowKey() {
    return headers.get(HeaderKeys.SOW_KEY);
  }

  /** The timestamp ({@code ts}, ISO-8601 basic format such as {@code 20150102T123500Z}), or null. */
  public String timestamp() {
    return headers.get(HeaderKeys.TIMESTAMP);
  }

  /** The bookmark ({@code bm}), or null. */
  public String bookmark() {
    return headers.get(HeaderKeys.BOOKMARK);
  }

  /** The correlation id ({@code x}), or null. */
  public String correlationId() {
    return headers.get(HeaderKeys.CORRELATION_ID);
  }

  /** The reason ({@code reason}: of an {@code oof} message, or of a failure ack), or null. */
  public String reason() {
    return headers.get(HeaderKeys.REASON);
  }

  /** The sequence number ({@code s}), if present and numeric. */
  public OptionalLong sequence() {
    return number(HeaderKeys.SEQUENCE);
  }

  /** A header field by its short or long name, as text; null when absent. */
  public String header(String key) {
    return headers.get(HeaderKeys.canonical(key));
  }

  /** Every header field, by canonical (mostly short) name, in the order received. */
  public Map<String, String> headers() {
    return headers;
  }

  /** A header field as an unsigned number, if present and numeric. */
  OptionalLong number(String canonicalKey) {
    String v = headers.get(canonicalKey);
    if (v == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(v.trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public String toString() {
    return "Message" + headers + (body.length == 0 ? "" : " + " + body.length + " bytes");
  }
}
