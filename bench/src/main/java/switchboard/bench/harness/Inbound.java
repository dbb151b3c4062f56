package switchboard.bench.harness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The read side of one connection: bytes from the socket, through the WebSocket frame layer when
 * there is one, into the protocol's parser. Buffers start small and double when a single unit does not
 * fit, so a thousand connections cost little memory. Shared by {@link Conn} and {@link Publisher}; used
 * by one thread at a time.
 */
final class Inbound {
  private static final int INITIAL = 16 * 1024;
  private static final int MAX = 64 * 1024 * 1024;

  private final Protocol.Parser parser;
  private final WebSocket ws;
  /** What the socket gave, in write mode. Over TCP the parser reads it directly. */
  private ByteBuffer net = ByteBuffer.allocate(INITIAL);
  /** Over WebSocket, what the frame layer passed on, in write mode. */
  private ByteBuffer app;

  /** @param ws the connection's frame layer, or null over TCP */
  Inbound(Protocol.Parser parser, WebSocket ws) {
    this.parser = parser;
    this.ws = ws;
    this.app = ws == null ? null : ByteBuffer.allocate(INITIAL);
  }

  /**
   * Reads once from {@code ch} and hands every whole unit to the parser.
   *
   * @return the bytes read; -1 at the end of the stream
   */
  int read(SocketChannel ch, Protocol.Events events, WebSocket.Control control)
      throws IOException, Protocol.ProtocolException {
    int n = ch.read(net);
    if (n <= 0) {
      return n;
    }
    net.flip();
    if (ws == null) {
      parser.parse(net, events);
    } else {
      while (true) {
        int before = net.remaining();
        ws.decode(net, app, control);
        app.flip();
        parser.parse(app, events);
        app.compact();
        if (net.remaining() == before) {
          int room = ws.roomNeeded(net);
          if (room > app.remaining()) {
            app = grow(app, room);
            continue;
          }
          break;
        }
      }
    }
    net.compact();
    if (!net.hasRemaining()) {
      net = grow(net, net.capacity());
    }
    return n;
  }

  /** A buffer with room for at least {@code room} more bytes, holding what {@code full} held. */
  private static ByteBuffer grow(ByteBuffer full, int room) throws Protocol.ProtocolException {
    int size = full.capacity();
    while (size - full.position() < room) {
      size *= 2;
    }
    if (size > MAX) {
      throw new Protocol.ProtocolException("a message of more than " + MAX + " bytes");
    }
    return ByteBuffer.allocate(size).put(full.flip());
  }
}
