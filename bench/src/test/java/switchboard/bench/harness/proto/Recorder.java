package switchboard.bench.harness.proto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import switchboard.bench.harness.Protocol;

/** Feeds a parser bytes as a connection would, and writes down what it reports. */
final class Recorder implements Protocol.Events {
  final List<String> events = new ArrayList<>();
  private final Protocol.Parser parser;
  private final ByteBuffer buf = ByteBuffer.allocate(1 << 16);

  Recorder(Protocol.Parser parser) {
    this.parser = parser;
  }

  /** Appends {@code bytes} to what has arrived, parses, and keeps what the parser left. */
  Recorder feed(byte[] bytes) throws Protocol.ProtocolException {
    buf.put(bytes);
    buf.flip();
    try {
      parser.parse(buf, this);
    } finally {
      buf.compact();
    }
    return this;
  }

  Recorder feed(String s) throws Protocol.ProtocolException {
    return feed(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Bytes received and not consumed yet. */
  int left() {
    return buf.position();
  }

  /** A WebSocket message as a WS_MESSAGE parser sees it: its length, then its payload. */
  static byte[] message(String payload) {
    byte[] p = payload.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(4 + p.length).putInt(p.length).put(p).array();
  }

  @Override
  public void delivery(ByteBuffer b, int from, int to) {
    byte[] d = new byte[to - from];
    b.get(from, d);
    events.add("delivery " + new String(d, StandardCharsets.UTF_8));
  }

  @Override
  public void reply(boolean ok, String detail) {
    events.add(ok ? "ok" : "failed " + detail);
  }

  @Override
  public void send(byte[] message) {
    events.add("send " + new String(message, StandardCharsets.UTF_8));
  }
}
