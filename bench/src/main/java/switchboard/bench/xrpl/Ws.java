package switchboard.bench.xrpl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** Just enough of RFC 6455 for a load generator: handshakes and unfragmented text frames. */
final class Ws {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private Ws() {}

  /** A text frame as a server sends it (not masked). */
  static byte[] serverFrame(byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(header(payload.length) + payload.length);
    putHeader(b, payload.length, false);
    return b.put(payload).array();
  }

  /** A text frame as a client must send it (masked). */
  static byte[] clientFrame(byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(header(payload.length) + 4 + payload.length);
    putHeader(b, payload.length, true);
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    b.put(mask);
    for (int i = 0; i < payload.length; i++) {
      b.put((byte) (payload[i] ^ mask[i & 3]));
    }
    return b.array();
  }

  private static int header(int len) {
    return len < 126 ? 2 : len <= 65_535 ? 4 : 10;
  }

  private static void putHeader(ByteBuffer b, int len, boolean masked) {
    b.put((byte) 0x81); // FIN, text
    int m = masked ? 0x80 : 0;
    if (len < 126) {
      b.put((byte) (m | len));
    } else if (len <= 65_535) {
      b.put((byte) (m | 126)).putShort((short) len);
    } else {
      b.put((byte) (m | 127)).putLong(len);
    }
  }

  /** The client's upgrade request; blocks until the 101 is read. Bytes after it stay in {@code buf}. */
  static void clientHandshake(SocketChannel ch, String hostPort, ByteBuffer buf) throws IOException {
    String req = "GET / HTTP/1.1\r\nHost: " + hostPort + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    writeFully(ch, ByteBuffer.wrap(req.getBytes(StandardCharsets.US_ASCII)));
    String head = readHead(ch, buf);
    if (!head.startsWith("HTTP/1.1 101")) {
      throw new IOException("upgrade refused: " + head.lines().findFirst().orElse(""));
    }
  }

  /** The server's side: reads the upgrade request and answers 101. */
  static void serverHandshake(SocketChannel ch, ByteBuffer buf) throws IOException {
    String head = readHead(ch, buf);
    String key = head.lines()
        .filter(l -> l.regionMatches(true, 0, "Sec-WebSocket-Key:", 0, 18))
        .map(l -> l.substring(18).trim())
        .findFirst().orElseThrow(() -> new IOException("no Sec-WebSocket-Key in " + head));
    String accept;
    try {
      accept = Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    String resp = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n";
    writeFully(ch, ByteBuffer.wrap(resp.getBytes(StandardCharsets.US_ASCII)));
  }

  /** Reads up to the blank line ending an HTTP head; what follows it is left in {@code buf} (flipped). */
  private static String readHead(SocketChannel ch, ByteBuffer buf) throws IOException {
    buf.clear();
    while (true) {
      if (ch.read(buf) < 0) {
        throw new IOException("closed during the handshake");
      }
      for (int i = 3; i < buf.position(); i++) {
        if (buf.get(i - 3) == '\r' && buf.get(i - 2) == '\n' && buf.get(i - 1) == '\r' && buf.get(i) == '\n') {
          byte[] head = new byte[i + 1];
          buf.flip();
          buf.get(head);
          buf.compact().flip();
          return new String(head, StandardCharsets.US_ASCII);
        }
      }
    }
  }

  /**
   * Blocks until one whole text frame is in {@code buf} (flipped, as after a handshake) and returns its
   * payload; during set-up only.
   */
  static String readText(SocketChannel ch, ByteBuffer buf) throws IOException {
    while (true) {
      if (buf.remaining() >= 2) {
        int p = buf.position();
        int b1 = buf.get(p + 1) & 0x7f;
        int len = -1;
        int hl = 2;
        if (b1 < 126) {
          len = b1;
        } else if (b1 == 126) {
          if (buf.remaining() >= 4) {
            len = buf.getShort(p + 2) & 0xffff;
            hl = 4;
          }
        } else {
          throw new IOException("unexpected frame over 64 KiB during set-up");
        }
        if (len >= 0 && buf.remaining() >= hl + len) {
          int opcode = buf.get(p) & 0x0f;
          byte[] payload = new byte[len];
          buf.position(p + hl);
          buf.get(payload);
          if (opcode == 1) {
            return new String(payload, StandardCharsets.UTF_8);
          }
          if (opcode == 8) {
            throw new IOException("closed by the server");
          }
          continue;
        }
      }
      buf.compact();
      int n = ch.read(buf);
      buf.flip();
      if (n < 0) {
        throw new IOException("closed by the server");
      }
    }
  }

  static void writeFully(SocketChannel ch, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      ch.write(b);
    }
  }
}
