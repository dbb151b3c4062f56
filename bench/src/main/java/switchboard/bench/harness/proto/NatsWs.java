package switchboard.bench.harness.proto;

import java.nio.ByteBuffer;
import switchboard.bench.harness.Interest;
import switchboard.bench.harness.Protocol;

/**
 * NATS's text protocol over nats-server's WebSocket listener ({@code websocket { port: N, no_tls: true }}
 * in its config; path {@code /}). The server sends binary frames cut anywhere in the protocol's byte
 * stream, so the parser sees the stream ({@link Protocol.Transport#WS_STREAM}), exactly as over TCP.
 *
 * <p>Requests end with {@code PING}, whose {@code PONG} is the reply: the hello is {@code CONNECT}
 * (verbose off) and {@code PING}; a subscribe {@code SUB subject sid} and {@code PING}; an unsubscribe
 * {@code UNSUB sid} and {@code PING}. An {@code -ERR} before that {@code PONG} makes the reply a
 * failure. The server's {@code INFO} (first, and again whenever the cluster changes) and {@code +OK}
 * are not replies; its {@code PING} is answered with {@code PONG}. Deliveries are {@code MSG subject
 * sid [reply-to] size} (or {@code HMSG ... header-size total-size}) and the payload, whose range is
 * reported.
 */
public final class NatsWs implements Protocol {
  /** The longest control line taken; INFO lines are a few hundred bytes. */
  static final int MAX_LINE = 64 * 1024;
  private static final byte[] PONG = Json.ascii("PONG\r\n");

  @Override
  public String name() {
    return "nats-ws";
  }

  @Override
  public Transport transport() {
    return Transport.WS_STREAM;
  }

  @Override
  public byte[][] hello(String clientName) {
    return new byte[][] {Json.utf8("CONNECT {\"verbose\":false,\"pedantic\":false,\"name\":" + Json.quote(clientName)
        + ",\"lang\":\"java\",\"version\":\"0\",\"protocol\":1,\"headers\":false}\r\nPING\r\n")};
  }

  @Override
  public int helloReplies() {
    return 1;
  }

  @Override
  public byte[] subscribe(Interest interest, int sid) {
    return Json.utf8("SUB " + interest.topic() + " " + sid + "\r\nPING\r\n");
  }

  @Override
  public byte[] unsubscribe(Interest interest, int sid) {
    return Json.ascii("UNSUB " + sid + "\r\nPING\r\n");
  }

  @Override
  public byte[] publish(String topic, byte[] payload) {
    byte[] head = Json.utf8("PUB " + topic + " " + payload.length + "\r\n");
    byte[] out = new byte[head.length + payload.length + 2];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(payload, 0, out, head.length, payload.length);
    out[out.length - 2] = '\r';
    out[out.length - 1] = '\n';
    return out;
  }

  @Override
  public Parser parser() {
    return new NatsParser();
  }

  /** The NATS server-to-client stream; keeps only the {@code -ERR} awaiting its {@code PONG}. */
  static final class NatsParser implements Parser {
    private String error;

    @Override
    public void parse(ByteBuffer buf, Events events) throws ProtocolException {
      int p = buf.position();
      int limit = buf.limit();
      while (p < limit) {
        int eol = crlf(buf, p, limit);
        if (eol < 0) {
          if (limit - p > MAX_LINE) {
            throw new ProtocolException("no line end in " + MAX_LINE + " bytes");
          }
          break;
        }
        int next = op(buf, p, eol, limit, events);
        if (next < 0) {
          break; // a message whose payload has not all arrived
        }
        p = next;
        buf.position(p);
      }
      buf.position(p);
    }

    /** Handles the line {@code buf[p, eol)}; returns where the next one starts, or -1 to wait for more. */
    private int op(ByteBuffer buf, int p, int eol, int limit, Events events) throws ProtocolException {
      byte c0 = upper(buf.get(p));
      byte c1 = eol - p > 1 ? upper(buf.get(p + 1)) : 0;
      if (c0 == 'M' && c1 == 'S') { // MSG subject sid [reply-to] size
        int size = (int) lastNumber(buf, p, eol, 1);
        int from = eol + 2;
        if (limit - from < size + 2) {
          return -1;
        }
        events.delivery(buf, from, from + size);
        return from + size + 2;
      }
      if (c0 == 'H' && c1 == 'M') { // HMSG subject sid [reply-to] header-size total-size
        int total = (int) lastNumber(buf, p, eol, 1);
        int headers = (int) lastNumber(buf, p, eol, 2);
        int from = eol + 2;
        if (limit - from < total + 2) {
          return -1;
        }
        events.delivery(buf, from + headers, from + total);
        return from + total + 2;
      }
      if (c0 == 'P' && c1 == 'I') {
        events.send(PONG);
      } else if (c0 == 'P' && c1 == 'O') {
        String e = error;
        error = null;
        events.reply(e == null, e);
      } else if (c0 == '-') {
        error = Json.text(buf, p, eol);
      } else if (c0 != '+' && c0 != 'I') {
        throw new ProtocolException("not a NATS operation: " + Json.text(buf, p, Math.min(eol, p + 200)));
      }
      return eol + 2;
    }

    private static byte upper(byte b) {
      return b >= 'a' && b <= 'z' ? (byte) (b - 32) : b;
    }

    /** The {@code nth} space-separated number from the end of the line (1 = the last). */
    private static long lastNumber(ByteBuffer buf, int from, int eol, int nth) throws ProtocolException {
      int i = eol;
      while (i > from && buf.get(i - 1) == ' ') {
        i--;
      }
      for (int k = 1; k < nth; k++) {
        while (i > from && buf.get(i - 1) != ' ') {
          i--;
        }
        while (i > from && buf.get(i - 1) == ' ') {
          i--;
        }
      }
      long n = 0;
      long mul = 1;
      int digits = 0;
      while (i > from && buf.get(i - 1) != ' ') {
        byte d = buf.get(--i);
        if (d < '0' || d > '9' || ++digits > 18) {
          throw new ProtocolException("bad size in " + Json.text(buf, from, eol));
        }
        n += (d - '0') * mul;
        mul *= 10;
      }
      if (digits == 0) {
        throw new ProtocolException("no size in " + Json.text(buf, from, eol));
      }
      return n;
    }

    private static int crlf(ByteBuffer buf, int from, int limit) {
      for (int i = from; i + 1 < limit; i++) {
        if (buf.get(i) == '\r' && buf.get(i + 1) == '\n') {
          return i;
        }
      }
      return -1;
    }
  }
}
