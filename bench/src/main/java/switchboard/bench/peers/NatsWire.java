package switchboard.bench.peers;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * NATS core over its text protocol: {@code CONNECT} with verbose off, {@code SUB}, then a {@code PING}
 * whose {@code PONG} proves the server has registered the subscription. Deliveries are
 * {@code MSG subject sid size} lines followed by the payload; the server's {@code PING}s are answered.
 */
final class NatsWire implements Wire {
  private static final byte[] PONG = "PONG\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final String CONNECT =
      "CONNECT {\"verbose\":false,\"pedantic\":false,\"name\":\"sb-bench\",\"lang\":\"java\",\"version\":\"0\",\"protocol\":1}\r\n";
  private final InetSocketAddress addr;

  NatsWire(InetSocketAddress addr) {
    this.addr = addr;
  }

  @Override
  public String name() {
    return "nats";
  }

  @Override
  public InetSocketAddress address() {
    return addr;
  }

  @Override
  public SocketChannel subscriber(int index, String topic) throws IOException {
    return connect(CONNECT + "SUB " + topic + " 1\r\nPING\r\n");
  }

  @Override
  public SocketChannel publisher(String topic) throws IOException {
    return connect(CONNECT + "PING\r\n");
  }

  /** Reads INFO, sends {@code commands} (ending in PING) and waits for the PONG. */
  private SocketChannel connect(String commands) throws IOException {
    SocketChannel ch = Wire.open(addr);
    InputStream in = Wire.in(ch);
    String info = Wire.line(in);
    if (!info.startsWith("INFO")) {
      throw new IOException("not a NATS server: " + info);
    }
    Wire.write(ch, commands.getBytes(StandardCharsets.US_ASCII));
    while (true) {
      String line = Wire.line(in);
      if (line.startsWith("-ERR")) {
        throw new IOException("refused: " + line);
      }
      if (line.equals("PONG")) {
        return ch;
      }
    }
  }

  @Override
  public byte[] publishFrame(String topic, byte[] payload) {
    byte[] head = ("PUB " + topic + " " + payload.length + "\r\n").getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(head.length + payload.length + 2).put(head).put(payload).put((byte) '\r').put((byte) '\n').array();
  }

  @Override
  public int deliveries(ByteBuffer buf, SocketChannel ch) throws IOException {
    int n = 0;
    while (buf.hasRemaining()) {
      int start = buf.position();
      int eol = Wire.crlf(buf, start);
      if (eol < 0) {
        break;
      }
      byte op = buf.get(start);
      if (op == 'M') {
        int size = 0;
        int i = eol - 1;
        for (int mul = 1; buf.get(i) != ' '; i--, mul *= 10) {
          size += (buf.get(i) - '0') * mul;
        }
        int end = eol + 2 + size + 2;
        if (end > buf.limit()) {
          break;
        }
        n++;
        buf.position(end);
      } else {
        if (op == 'P' && buf.get(start + 1) == 'I') {
          Wire.write(ch, PONG);
        } else if (op == '-') {
          byte[] err = new byte[eol - start];
          buf.get(start, err);
          System.err.println("nats: " + new String(err, StandardCharsets.US_ASCII));
        }
        buf.position(eol + 2);
      }
    }
    return n;
  }
}
