package switchboard.bench.peers;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * Redis pub/sub over RESP2: {@code SUBSCRIBE} and its confirmation; deliveries are
 * {@code *3 message channel payload} arrays. A publish is {@code PUBLISH channel payload}, whose
 * integer reply the publisher reads and discards.
 */
final class RedisWire implements Wire {
  private final InetSocketAddress addr;

  RedisWire(InetSocketAddress addr) {
    this.addr = addr;
  }

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public InetSocketAddress address() {
    return addr;
  }

  @Override
  public SocketChannel subscriber(int index, String topic) throws IOException {
    SocketChannel ch = Wire.open(addr);
    Wire.write(ch, command("SUBSCRIBE", topic.getBytes(StandardCharsets.US_ASCII)));
    InputStream in = Wire.in(ch);
    // *3, $9, subscribe, $len, channel, :count
    for (int i = 0; i < 6; i++) {
      String line = Wire.line(in);
      if (line.startsWith("-")) {
        throw new IOException("refused: " + line);
      }
    }
    return ch;
  }

  @Override
  public SocketChannel publisher(String topic) throws IOException {
    SocketChannel ch = Wire.open(addr);
    Wire.write(ch, command("PING"));
    String line = Wire.line(Wire.in(ch));
    if (!line.equals("+PONG")) {
      throw new IOException("not a Redis server: " + line);
    }
    return ch;
  }

  @Override
  public byte[] publishFrame(String topic, byte[] payload) {
    return command("PUBLISH", topic.getBytes(StandardCharsets.US_ASCII), payload);
  }

  private static byte[] command(String name, byte[]... args) {
    StringBuilder head = new StringBuilder();
    head.append('*').append(args.length + 1).append("\r\n$").append(name.length()).append("\r\n").append(name).append("\r\n");
    ByteBuffer b = ByteBuffer.allocate(64 + name.length() + 32 * args.length + java.util.Arrays.stream(args).mapToInt(a -> a.length).sum());
    b.put(head.toString().getBytes(StandardCharsets.US_ASCII));
    for (byte[] a : args) {
      b.put(("$" + a.length + "\r\n").getBytes(StandardCharsets.US_ASCII)).put(a).put((byte) '\r').put((byte) '\n');
    }
    byte[] out = new byte[b.position()];
    b.flip().get(out);
    return out;
  }

  @Override
  public int deliveries(ByteBuffer buf, SocketChannel ch) {
    int n = 0;
    while (buf.hasRemaining()) {
      int end = reply(buf, buf.position());
      if (end < 0) {
        break;
      }
      if (buf.get(buf.position()) == '*') {
        n++;
      }
      buf.position(end);
    }
    return n;
  }

  /** End of the whole reply starting at {@code at}, or -1 when it is not all in {@code buf}. */
  private static int reply(ByteBuffer buf, int at) {
    int eol = Wire.crlf(buf, at);
    if (eol < 0) {
      return -1;
    }
    byte type = buf.get(at);
    if (type == '*') {
      int count = number(buf, at + 1, eol);
      int p = eol + 2;
      for (int i = 0; i < count; i++) {
        if (p >= buf.limit()) {
          return -1;
        }
        p = reply(buf, p);
        if (p < 0) {
          return -1;
        }
      }
      return p;
    }
    if (type == '$') {
      int end = eol + 2 + number(buf, at + 1, eol) + 2;
      return end <= buf.limit() ? end : -1;
    }
    return eol + 2; // :integer, +simple, -error
  }

  private static int number(ByteBuffer buf, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + buf.get(i) - '0';
    }
    return v;
  }
}
