package switchboard.bench.peers;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * MQTT 3.1.1 at QoS 0: {@code CONNECT} (clean session, keep-alive off) and {@code CONNACK},
 * {@code SUBSCRIBE} at QoS 0 and {@code SUBACK}; deliveries are {@code PUBLISH} packets.
 */
final class MqttWire implements Wire {
  private final InetSocketAddress addr;
  private final String clientPrefix;

  MqttWire(InetSocketAddress addr, String clientPrefix) {
    this.addr = addr;
    this.clientPrefix = clientPrefix;
  }

  @Override
  public String name() {
    return "mosquitto-mqtt";
  }

  @Override
  public InetSocketAddress address() {
    return addr;
  }

  @Override
  public SocketChannel subscriber(int index, String topic) throws IOException {
    SocketChannel ch = connect(clientPrefix + "-s" + index);
    byte[] t = topic.getBytes(StandardCharsets.UTF_8);
    ByteBuffer body = ByteBuffer.allocate(2 + 2 + t.length + 1).putShort((short) 1).putShort((short) t.length).put(t).put((byte) 0);
    Wire.write(ch, packet(0x82, body.array()));
    byte[] suback = readPacket(Wire.in(ch));
    if ((suback[0] & 0xF0) != 0x90 || suback[suback.length - 1] != 0) {
      throw new IOException("subscribe refused");
    }
    return ch;
  }

  @Override
  public SocketChannel publisher(String topic) throws IOException {
    return connect(clientPrefix + "-p");
  }

  private SocketChannel connect(String clientId) throws IOException {
    SocketChannel ch = Wire.open(addr);
    byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
    ByteBuffer body = ByteBuffer.allocate(10 + 2 + id.length)
        .putShort((short) 4).put("MQTT".getBytes(StandardCharsets.US_ASCII))
        .put((byte) 4) // protocol level 3.1.1
        .put((byte) 0x02) // clean session
        .putShort((short) 0) // keep-alive off
        .putShort((short) id.length).put(id);
    Wire.write(ch, packet(0x10, body.array()));
    byte[] connack = readPacket(Wire.in(ch));
    if ((connack[0] & 0xF0) != 0x20 || connack[connack.length - 1] != 0) {
      throw new IOException("connect refused");
    }
    return ch;
  }

  @Override
  public byte[] publishFrame(String topic, byte[] payload) {
    byte[] t = topic.getBytes(StandardCharsets.UTF_8);
    return packet(0x30, ByteBuffer.allocate(2 + t.length + payload.length).putShort((short) t.length).put(t).put(payload).array());
  }

  private static byte[] packet(int type, byte[] body) {
    ByteBuffer b = ByteBuffer.allocate(5 + body.length).put((byte) type);
    int len = body.length;
    do {
      int digit = len % 128;
      len /= 128;
      b.put((byte) (len > 0 ? digit | 0x80 : digit));
    } while (len > 0);
    b.put(body);
    byte[] out = new byte[b.position()];
    b.flip().get(out);
    return out;
  }

  /** One whole packet, fixed header included (blocking; during set-up only). */
  private static byte[] readPacket(InputStream in) throws IOException {
    int type = in.read();
    int len = 0;
    int mul = 1;
    int digit;
    do {
      digit = in.read();
      if (digit < 0 || type < 0) {
        throw new IOException("closed by the server");
      }
      len += (digit & 0x7F) * mul;
      mul *= 128;
    } while ((digit & 0x80) != 0);
    byte[] out = new byte[1 + len];
    out[0] = (byte) type;
    int off = 1;
    while (off < out.length) {
      int r = in.read(out, off, out.length - off);
      if (r < 0) {
        throw new IOException("closed by the server");
      }
      off += r;
    }
    return out;
  }

  @Override
  public int deliveries(ByteBuffer buf, SocketChannel ch) {
    int n = 0;
    while (buf.remaining() >= 2) {
      int at = buf.position();
      int len = 0;
      int mul = 1;
      int p = at + 1;
      boolean whole = false;
      while (p < buf.limit()) {
        int digit = buf.get(p++) & 0xFF;
        len += (digit & 0x7F) * mul;
        mul *= 128;
        if ((digit & 0x80) == 0) {
          whole = true;
          break;
        }
      }
      if (!whole || p + len > buf.limit()) {
        break;
      }
      if ((buf.get(at) & 0xF0) == 0x30) {
        n++;
      }
      buf.position(p + len);
    }
    return n;
  }
}
