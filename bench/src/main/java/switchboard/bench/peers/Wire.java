package switchboard.bench.peers;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;

/**
 * One system's protocol, reduced to what a fan-out run needs: connect a subscriber and wait until the
 * server confirmed its subscription, connect a publisher, build one publish frame, and count the
 * deliveries in bytes read from a subscriber. Every system is driven through raw sockets by the same
 * selector loop, so the load generator spends about the same per delivered message whichever system
 * it measures (a client library per system would bring its own threads and buffers).
 */
interface Wire {
  /** The name shown in results. */
  String name();

  /** Where the server listens (also used to find its process). */
  InetSocketAddress address();

  /** A blocking channel, subscribed to {@code topic}; returns once the server has confirmed it. */
  SocketChannel subscriber(int index, String topic) throws IOException;

  /** A blocking channel, ready to publish. */
  SocketChannel publisher(String topic) throws IOException;

  /** The bytes of one publish of {@code payload} to {@code topic}. */
  byte[] publishFrame(String topic, byte[] payload);

  /**
   * Consumes the whole frames in {@code buf} (read mode) and returns the deliveries among them; a
   * trailing partial frame is left in place. Answers the server's keep-alive probes on {@code ch}.
   */
  int deliveries(ByteBuffer buf, SocketChannel ch) throws IOException;

  /** Opens a blocking, no-delay channel. */
  static SocketChannel open(InetSocketAddress addr) throws IOException {
    SocketChannel ch = SocketChannel.open(addr);
    ch.socket().setTcpNoDelay(true);
    return ch;
  }

  /** Writes all of {@code bytes} to a blocking channel. */
  static void write(SocketChannel ch, byte[] bytes) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    while (b.hasRemaining()) {
      ch.write(b);
    }
  }

  /** A stream over a blocking channel, for reading replies during set-up. */
  static InputStream in(SocketChannel ch) {
    return Channels.newInputStream(ch);
  }

  /** Reads one CRLF-terminated line (without the CRLF) from a blocking stream. */
  static String line(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int prev = -1;
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("closed by the server after: " + sb);
      }
      if (prev == '\r' && c == '\n') {
        sb.setLength(sb.length() - 1);
        return sb.toString();
      }
      sb.append((char) c);
      prev = c;
    }
  }

  /** Position of the CR of the first CRLF at or after {@code from}, or -1. */
  static int crlf(ByteBuffer buf, int from) {
    for (int i = from; i + 1 < buf.limit(); i++) {
      if (buf.get(i) == '\r' && buf.get(i + 1) == '\n') {
        return i;
      }
    }
    return -1;
  }
}
