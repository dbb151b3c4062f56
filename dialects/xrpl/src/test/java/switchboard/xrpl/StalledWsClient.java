package switchboard.xrpl;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A WebSocket client that completes the handshake, sends requests, and then never reads again, with a
 * small receive buffer: the server's writes back up, as with a client on a slow link.
 */
final class StalledWsClient implements AutoCloseable {
  private final Socket socket = new Socket();
  private final OutputStream out;

  StalledWsClient(int port) throws Exception {
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    out = socket.getOutputStream();
    String key = Base64.getEncoder().encodeToString("switchboard-test".getBytes(StandardCharsets.US_ASCII));
    out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = socket.getInputStream();
    int matched = 0;
    while (matched < 4) { // read the response headers up to the blank line
      int b = in.read();
      if (b < 0) {
        throw new IllegalStateException("closed during the handshake");
      }
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }

  /** Sends one masked text frame. */
  void subscribe(String json) throws Exception {
    byte[] payload = json.getBytes(StandardCharsets.UTF_8);
    if (payload.length > 125) {
      throw new IllegalArgumentException("short requests only");
    }
    byte[] mask = {1, 2, 3, 4};
    byte[] frame = new byte[6 + payload.length];
    frame[0] = (byte) 0x81;
    frame[1] = (byte) (0x80 | payload.length);
    System.arraycopy(mask, 0, frame, 2, 4);
    for (int i = 0; i < payload.length; i++) {
      frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
    }
    out.write(frame);
    out.flush();
  }

  /**
   * Starts reading at last: skips the frames the server had sent, and returns the status code of its
   * close frame, or -1 when the connection ends without one.
   */
  int readUntilClose() throws Exception {
    socket.setSoTimeout(5_000);
    java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
    try {
      while (true) {
        int opcode = in.readUnsignedByte() & 0x0F;
        long length = in.readUnsignedByte() & 0x7F;
        if (length == 126) {
          length = in.readUnsignedShort();
        } else if (length == 127) {
          length = in.readLong();
        }
        if (opcode == 8) {
          return length >= 2 ? in.readUnsignedShort() : 0;
        }
        in.skipNBytes(length);
      }
    } catch (java.io.EOFException e) {
      return -1;
    }
  }

  @Override
  public void close() throws Exception {
    socket.close();
  }
}
