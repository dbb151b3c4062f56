package switchboard.bench.peers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * Switchboard's amps dialect over TCP: 4-byte length, JSON header, body. Subscribers log on and
 * subscribe with a processed ack and wait for it; publishes ask for no ack (as {@code AmpsFanout}).
 */
final class AmpsWire implements Wire {
  private static final byte[] P_HEADER = "{\"c\":\"p\"".getBytes(StandardCharsets.US_ASCII);
  private final InetSocketAddress addr;

  AmpsWire(InetSocketAddress addr) {
    this.addr = addr;
  }

  @Override
  public String name() {
    return "switchboard-amps";
  }

  @Override
  public InetSocketAddress address() {
    return addr;
  }

  @Override
  public SocketChannel subscriber(int index, String topic) throws IOException {
    SocketChannel ch = Wire.open(addr);
    request(ch, "{\"c\":\"logon\",\"cid\":\"l\",\"client_name\":\"sub" + index + "\",\"a\":\"processed\"}");
    request(ch, "{\"c\":\"subscribe\",\"cid\":\"s\",\"sub_id\":\"s\",\"t\":\"" + topic + "\",\"a\":\"processed\"}");
    return ch;
  }

  @Override
  public SocketChannel publisher(String topic) throws IOException {
    SocketChannel ch = Wire.open(addr);
    request(ch, "{\"c\":\"logon\",\"cid\":\"l\",\"client_name\":\"publisher\",\"a\":\"processed\"}");
    return ch;
  }

  @Override
  public byte[] publishFrame(String topic, byte[] payload) {
    return frame("{\"c\":\"p\",\"t\":\"" + topic + "\"}", payload);
  }

  @Override
  public int deliveries(ByteBuffer buf, SocketChannel ch) {
    int n = 0;
    while (buf.remaining() >= 4) {
      int len = buf.getInt(buf.position());
      if (buf.remaining() < 4 + len) {
        break;
      }
      if (startsWith(buf, buf.position() + 4, P_HEADER)) {
        n++;
      }
      buf.position(buf.position() + 4 + len);
    }
    return n;
  }

  private static boolean startsWith(ByteBuffer buf, int at, byte[] prefix) {
    if (buf.limit() - at < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (buf.get(at + i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] frame(String header, byte[] body) {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(4 + h.length + body.length).putInt(h.length + body.length).put(h).put(body).array();
  }

  /** Sends a command and reads frames until its ack. */
  private static void request(SocketChannel ch, String header) throws IOException {
    Wire.write(ch, frame(header, new byte[0]));
    ByteBuffer len = ByteBuffer.allocate(4);
    while (true) {
      len.clear();
      while (len.hasRemaining()) {
        if (ch.read(len) < 0) {
          throw new IOException("closed by the server");
        }
      }
      ByteBuffer body = ByteBuffer.allocate(len.flip().getInt());
      while (body.hasRemaining()) {
        if (ch.read(body) < 0) {
          throw new IOException("closed by the server");
        }
      }
      String text = new String(body.array(), StandardCharsets.UTF_8);
      if (text.startsWith("{\"c\":\"ack\"")) {
        if (!text.contains("\"status\":\"success\"")) {
          throw new IOException("refused: " + text);
        }
        return;
      }
    }
  }
}
