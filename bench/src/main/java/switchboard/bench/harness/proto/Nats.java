package switchboard.bench.harness.proto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import switchboard.bench.harness.Interest;
import switchboard.bench.harness.Protocol;

/**
 * NATS core over TCP, its text protocol: {@code CONNECT} with verbose off, {@code SUB}/{@code UNSUB}
 * and {@code PUB}. NATS does not answer a request when verbose is off, so each request ends with a
 * {@code PING}, and its {@code PONG} is the reply; an {@code -ERR} before it makes that reply a failure.
 * Deliveries are {@code MSG subject sid [reply-to] size} lines followed by the payload. The server's
 * own {@code PING}s are answered with {@code PONG}.
 */
public final class Nats implements Protocol {
  private static final byte[] PONG = "PONG\r\n".getBytes(StandardCharsets.US_ASCII);

  @Override
  public String name() {
    return "nats";
  }

  @Override
  public Transport transport() {
    return Transport.TCP;
  }

  @Override
  public byte[][] hello(String clientName) {
    return new byte[][] {ascii("CONNECT {\"verbose\":false,\"pedantic\":false,\"name\":" + Json.quote(clientName)
        + ",\"lang\":\"java\",\"version\":\"0\",\"protocol\":1}\r\nPING\r\n")};
  }

  @Override
  public int helloReplies() {
    return 1;
  }

  @Override
  public byte[] subscribe(Interest interest, int sid) {
    return ascii("SUB " + interest.topic() + " " + sid + "\r\nPING\r\n");
  }

  @Override
  public byte[] unsubscribe(Interest interest, int sid) {
    return ascii("UNSUB " + sid + "\r\nPING\r\n");
  }

  @Override
  public byte[] publish(String topic, byte[] payload) {
    byte[] head = ascii("PUB " + topic + " " + payload.length + "\r\n");
    return ByteBuffer.allocate(head.length + payload.length + 2).put(head).put(payload).put((byte) '\r').put((byte) '\n').array();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Parser parser() {
    return new Parser() {
      /** An -ERR waiting for the PONG of the request it answers. */
      private String error;

      @Override
      public void parse(ByteBuffer buf, Events events) throws ProtocolException {
        while (buf.hasRemaining()) {
          int start = buf.position();
          int eol = Text.crlf(buf, start);
          if (eol < 0) {
            return;
          }
          byte op = buf.get(start);
          if (op == 'M') {
            int sizeFrom = eol;
            while (sizeFrom > start && buf.get(sizeFrom - 1) != ' ') {
              sizeFrom--;
            }
            long size = Text.number(buf, sizeFrom, eol);
            if (size < 0) {
              throw new ProtocolException("nats: " + Text.ascii(buf, start, eol));
            }
            int from = eol + 2;
            int to = from + (int) size;
            if (to + 2 > buf.limit()) {
              return;
            }
            events.delivery(buf, from, to);
            buf.position(to + 2);
            continue;
          }
          if (op == 'P' && buf.get(start + 1) == 'I') {
            events.send(PONG);
          } else if (op == 'P') {
            events.reply(error == null, error);
            error = null;
          } else if (op == '-') {
            error = Text.ascii(buf, start, eol);
          }
          // INFO and +OK need nothing
          buf.position(eol + 2);
        }
      }
    };
  }
}
