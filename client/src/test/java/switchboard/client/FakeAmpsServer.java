package switchboard.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A scripted stand-in for a server on TCP, for testing the client by itself: the test reads what the
 * client sent and writes exactly the frames it wants the client to see.
 */
final class FakeAmpsServer implements AutoCloseable {
  private final ServerSocket listener;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private final TcpFrames.Decoder decoder = new TcpFrames.Decoder(1 << 20);
  private final Deque<byte[]> frames = new ArrayDeque<>();

  FakeAmpsServer() throws IOException {
    listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    listener.setSoTimeout(10_000);
  }

  String uri() {
    return "tcp://127.0.0.1:" + listener.getLocalPort() + "/amps/json";
  }

  void accept() throws IOException {
    socket = listener.accept();
    socket.setSoTimeout(10_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  /** The next command the client sent (header fields and body). */
  Message next() throws IOException {
    byte[] buf = new byte[4096];
    while (frames.isEmpty()) {
      int n = in.read(buf);
      if (n < 0) {
        throw new IOException("client closed the connection");
      }
      decoder.feed(buf, 0, n, frames::add);
    }
    // a command is one header and its body (a client's sow command is not a SOW batch)
    byte[] frame = frames.poll();
    int end = HeaderCodec.objectEnd(frame, 0, frame.length);
    return new Message(HeaderCodec.parse(frame, 0, end), java.util.Arrays.copyOfRange(frame, end, frame.length));
  }

  /** Sends one frame: a header and a body (either may hold several records for a sow batch). */
  void send(String payload) throws IOException {
    byte[] p = payload.getBytes(StandardCharsets.UTF_8);
    out.write(TcpFrames.encode(p, null));
    out.flush();
  }

  /** Answers a logon with the ack fields documented clients need (§2). */
  void acceptLogon() throws IOException {
    accept();
    Message logon = next();
    send("{\"c\":\"ack\",\"a\":\"processed\",\"cid\":\"" + logon.header("cid") + "\",\"status\":\"success\","
        + "\"version\":\"5.3.4.0\",\"bm\":\"123|0|\",\"client_name\":\"" + logon.header("client_name") + "\"}");
  }

  /** Closes the client's connection only. */
  void drop() throws IOException {
    socket.close();
  }

  @Override
  public void close() throws IOException {
    if (socket != null) {
      socket.close();
    }
    listener.close();
  }
}
