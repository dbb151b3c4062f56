package switchboard.bench.harness.proto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import switchboard.bench.harness.Interest;
import switchboard.bench.harness.Protocol;

/**
 * Switchboard's amps dialect over TCP (protocols/amps.md §1.1): each frame a 4-byte big-endian length,
 * then a compact JSON header, then the body. Logon, subscribe and unsubscribe ask for a
 * {@code processed} ack, which is the reply ({@code "status":"success"} or a failure with its
 * {@code reason}); publishes ask for none. Deliveries are {@code {"c":"p",...}} frames whose body is
 * the payload. Content filters go in {@code "filter"}.
 */
public final class AmpsTcp implements Protocol {
  private static final byte[] P = "{\"c\":\"p\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PUBLISH = "{\"c\":\"publish\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ACK = "{\"c\":\"ack\"".getBytes(StandardCharsets.US_ASCII);

  @Override
  public String name() {
    return "amps";
  }

  @Override
  public Transport transport() {
    return Transport.TCP;
  }

  @Override
  public boolean filters() {
    return true;
  }

  @Override
  public byte[][] hello(String clientName) {
    return new byte[][] {frame(logonHeader(clientName), null)};
  }

  @Override
  public int helloReplies() {
    return 1;
  }

  @Override
  public byte[] subscribe(Interest interest, int sid) {
    return frame(subscribeHeader(interest, sid), null);
  }

  @Override
  public byte[] unsubscribe(Interest interest, int sid) {
    return frame(unsubscribeHeader(sid), null);
  }

  @Override
  public byte[] publish(String topic, byte[] payload) {
    return frame(publishHeader(topic), payload);
  }

  /** The logon header, asking for a processed ack. */
  static String logonHeader(String clientName) {
    return "{\"c\":\"logon\",\"cid\":\"logon\",\"client_name\":" + Json.quote(clientName) + ",\"a\":\"processed\"}";
  }

  /** The subscribe header, sub_id being {@code sid}, with the interest's filter if any. */
  static String subscribeHeader(Interest interest, int sid) {
    return "{\"c\":\"subscribe\",\"cid\":\"s" + sid + "\",\"sub_id\":\"" + sid + "\",\"t\":" + Json.quote(interest.topic())
        + (interest.filter() == null ? "" : ",\"filter\":" + Json.quote(interest.filter()))
        + ",\"a\":\"processed\"}";
  }

  static String unsubscribeHeader(int sid) {
    return "{\"c\":\"unsubscribe\",\"cid\":\"u" + sid + "\",\"sub_id\":\"" + sid + "\",\"a\":\"processed\"}";
  }

  /** The publish header: no ack asked for. */
  static String publishHeader(String topic) {
    return "{\"c\":\"p\",\"t\":" + Json.quote(topic) + "}";
  }

  private static byte[] frame(String header, byte[] body) {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    int bodyLength = body == null ? 0 : body.length;
    ByteBuffer b = ByteBuffer.allocate(4 + h.length + bodyLength).putInt(h.length + bodyLength).put(h);
    if (body != null) {
      b.put(body);
    }
    return b.array();
  }

  @Override
  public Parser parser() {
    return (buf, events) -> {
      while (buf.remaining() >= 4) {
        int at = buf.position();
        int len = buf.getInt(at);
        if (len < 0) {
          throw new ProtocolException("amps: a frame length of " + len);
        }
        if (buf.remaining() < 4 + len) {
          return;
        }
        int from = at + 4;
        int to = from + len;
        message(buf, from, to, events);
        buf.position(to);
      }
    };
  }

  /**
   * Reports one amps message, header and body in {@code buf[from, to)}: a delivery, an ack (the reply
   * to a request), or nothing (a heartbeat and the like). Shared with the WebSocket form of the
   * dialect, whose messages are the same once framing is removed.
   */
  static void message(ByteBuffer buf, int from, int to, Events events) throws ProtocolException {
    int body = headerEnd(buf, from, to);
    if (body < 0) {
      throw new ProtocolException("amps: a frame without a JSON header: " + Text.ascii(buf, from, Math.min(to, from + 200)));
    }
    if (Text.startsWith(buf, from, body, P) || Text.startsWith(buf, from, body, PUBLISH)) {
      events.delivery(buf, body, to);
    } else if (Text.startsWith(buf, from, body, ACK)) {
      String status = field(buf, from, body, "status");
      boolean ok = "success".equals(status);
      events.reply(ok, ok ? "" : "status " + status + ", reason " + field(buf, from, body, "reason"));
    }
  }

  /** The index just after the JSON object starting at {@code from}, or -1. */
  private static int headerEnd(ByteBuffer buf, int from, int to) {
    if (from >= to || buf.get(from) != '{') {
      return -1;
    }
    int depth = 0;
    boolean inString = false;
    for (int i = from; i < to; i++) {
      byte c = buf.get(i);
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
    return -1;
  }

  /** A string (or bare) field of a compact JSON header, or null; for acks, off the hot path. */
  private static String field(ByteBuffer buf, int from, int to, String name) {
    String header = Text.ascii(buf, from, to);
    String key = "\"" + name + "\":";
    int at = header.indexOf(key);
    if (at < 0) {
      return null;
    }
    int v = at + key.length();
    if (v < header.length() && header.charAt(v) == '"') {
      int end = header.indexOf('"', v + 1);
      return end < 0 ? null : header.substring(v + 1, end);
    }
    int end = v;
    while (end < header.length() && ",}".indexOf(header.charAt(end)) < 0) {
      end++;
    }
    return header.substring(v, end);
  }
}
