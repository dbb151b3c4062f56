package switchboard.bench.devicehive;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A bare WebSocket client connection (RFC 6455) on a socket channel, so that a thousand of them can be
 * read by one selector thread. Set-up is blocking and reads exactly one frame at a time, so nothing is
 * left buffered when the channel is handed to a selector; {@link #frames} then counts whole frames in
 * bytes read non-blocking. Text frames only; the server's pings are not answered (a run is far shorter
 * than the idle timeout).
 */
final class WsClient {
  private final SocketChannel ch;
  private final InputStream in;

  private WsClient(SocketChannel ch) {
    this.ch = ch;
    this.in = Channels.newInputStream(ch);
  }

  SocketChannel channel() {
    return ch;
  }

  static WsClient open(InetSocketAddress addr, String path) throws IOException {
    SocketChannel ch = SocketChannel.open(addr);
    ch.socket().setTcpNoDelay(true);
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    String req = "GET " + path + " HTTP/1.1\r\nHost: " + addr.getHostString() + ":" + addr.getPort()
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
        + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    WsClient c = new WsClient(ch);
    c.writeAll(ByteBuffer.wrap(req.getBytes(StandardCharsets.US_ASCII)));
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = c.in.read();
      if (b < 0) {
        throw new IOException("closed during the handshake: " + head);
      }
      head.append((char) b);
    }
    if (!head.toString().startsWith("HTTP/1.1 101")) {
      throw new IOException("upgrade refused: " + head);
    }
    return c;
  }

  /** One masked text frame, as a client must send it. */
  static byte[] textFrame(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    int len = payload.length;
    ByteBuffer b = ByteBuffer.allocate(14 + len);
    b.put((byte) 0x81);
    if (len < 126) {
      b.put((byte) (0x80 | len));
    } else if (len < 65536) {
      b.put((byte) (0x80 | 126)).putShort((short) len);
    } else {
      b.put((byte) (0x80 | 127)).putLong(len);
    }
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    b.put(mask);
    for (int i = 0; i < len; i++) {
      b.put((byte) (payload[i] ^ mask[i & 3]));
    }
    byte[] out = new byte[b.position()];
    b.flip().get(out);
    return out;
  }

  void send(String text) throws IOException {
    writeAll(ByteBuffer.wrap(textFrame(text)));
  }

  void writeAll(ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      ch.write(b);
    }
  }

  /** The next text frame's text (blocking; control frames are skipped). */
  String receive() throws IOException {
    while (true) {
      int b0 = readByte();
      int b1 = readByte();
      long len = b1 & 0x7F;
      if (len == 126) {
        len = (readByte() << 8) | readByte();
      } else if (len == 127) {
        len = 0;
        for (int i = 0; i < 8; i++) {
          len = (len << 8) | readByte();
        }
      }
      byte[] payload = in.readNBytes((int) len);
      int opcode = b0 & 0x0F;
      if (opcode == 1) {
        return new String(payload, StandardCharsets.UTF_8);
      }
      if (opcode == 8) {
        throw new IOException("closed by the server: " + new String(payload, StandardCharsets.UTF_8));
      }
    }
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new IOException("closed by the server");
    }
    return b;
  }

  /**
   * Consumes the whole frames in {@code buf} (read mode) and returns how many were final text or
   * continuation frames; a partial frame is left in place.
   */
  static int frames(ByteBuffer buf) {
    int n = 0;
    while (buf.remaining() >= 2) {
      int at = buf.position();
      int b0 = buf.get(at) & 0xFF;
      int b1 = buf.get(at + 1) & 0x7F;
      int header = 2;
      long len = b1;
      if (b1 == 126) {
        if (buf.remaining() < 4) {
          break;
        }
        len = buf.getShort(at + 2) & 0xFFFF;
        header = 4;
      } else if (b1 == 127) {
        if (buf.remaining() < 10) {
          break;
        }
        len = buf.getLong(at + 2);
        header = 10;
      }
      if (buf.remaining() < header + len) {
        break;
      }
      int opcode = b0 & 0x0F;
      if ((b0 & 0x80) != 0 && (opcode == 1 || opcode == 0)) {
        n++;
      }
      buf.position(at + header + (int) len);
    }
    return n;
  }
}
