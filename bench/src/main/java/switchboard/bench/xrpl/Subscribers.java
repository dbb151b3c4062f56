package switchboard.bench.xrpl;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The subscribing clients: raw WebSocket connections, each sending one subscribe and then read by a
 * single selector thread that only walks frame headers and counts text frames. Payloads are skipped,
 * never parsed or copied out, so the load generator costs little next to the server.
 */
final class Subscribers implements AutoCloseable {
  private final List<SocketChannel> channels = new ArrayList<>();
  final AtomicLong delivered = new AtomicLong();
  /** Connections the server closed (a close frame or end of stream): a slow-consumer disconnect. */
  final AtomicLong closed = new AtomicLong();
  private volatile boolean running = true;
  private Thread reader;

  /** Opens one connection and subscribes it with this request; blocks until the server says success. */
  void add(InetSocketAddress server, String subscribeJson) throws IOException {
    SocketChannel ch = SocketChannel.open(server);
    ch.socket().setTcpNoDelay(true);
    ch.socket().setReceiveBufferSize(256 * 1024);
    ByteBuffer buf = ByteBuffer.allocate(128 * 1024);
    Ws.clientHandshake(ch, server.getHostString() + ":" + server.getPort(), buf);
    Ws.writeFully(ch, ByteBuffer.wrap(Ws.clientFrame(subscribeJson.getBytes(StandardCharsets.UTF_8))));
    String reply = Ws.readText(ch, buf);
    if (!reply.contains("\"status\":\"success\"") || !reply.contains("\"type\":\"response\"")) {
      ch.close();
      throw new IOException("subscribe refused: " + (reply.length() > 300 ? reply.substring(0, 300) : reply));
    }
    if (buf.hasRemaining()) {
      throw new IOException("unexpected bytes after the subscribe reply (is a source already publishing?)");
    }
    channels.add(ch);
  }

  int size() {
    return channels.size();
  }

  void start() throws IOException {
    Selector sel = Selector.open();
    for (SocketChannel ch : channels) {
      ch.configureBlocking(false);
      ch.register(sel, SelectionKey.OP_READ, new Frames());
    }
    reader = new Thread(() -> readAll(sel), "xrpl-subscribers");
    reader.setDaemon(true);
    reader.start();
  }

  private void readAll(Selector sel) {
    ByteBuffer buf = ByteBuffer.allocateDirect(256 * 1024);
    try (sel) {
      while (running) {
        sel.select(100);
        long n = 0;
        for (SelectionKey key : sel.selectedKeys()) {
          SocketChannel ch = (SocketChannel) key.channel();
          Frames f = (Frames) key.attachment();
          int read;
          try {
            read = ch.read(buf);
          } catch (IOException e) {
            read = -1;
          }
          if (read < 0) {
            key.cancel();
            closed.incrementAndGet();
            continue;
          }
          buf.flip();
          n += f.count(buf);
          if (f.closeSeen) {
            key.cancel();
            closed.incrementAndGet();
          }
          buf.clear();
        }
        sel.selectedKeys().clear();
        if (n > 0) {
          delivered.addAndGet(n);
        }
      }
    } catch (IOException e) {
      if (running) {
        System.err.println("subscriber reader stopped: " + e);
      }
    }
  }

  /**
   * Frame boundaries of one connection across reads: the shared read buffer is emptied after every
   * read, so a header cut by a read is kept here (at most 9 bytes) and a payload cut by a read becomes
   * a count of bytes to skip.
   */
  private static final class Frames {
    private final ByteBuffer partial = ByteBuffer.allocate(16);
    private long skip;
    boolean closeSeen;

    /** Counts the text frames that start in {@code b} (flipped); consumes all of it. */
    long count(ByteBuffer b) {
      long n = 0;
      while (b.hasRemaining()) {
        if (skip > 0) {
          int k = (int) Math.min(skip, b.remaining());
          b.position(b.position() + k);
          skip -= k;
          continue;
        }
        // assemble the header in partial: first the two fixed bytes, then the length's extension
        while (partial.position() < 2 && b.hasRemaining()) {
          partial.put(b.get());
        }
        if (partial.position() < 2) {
          break;
        }
        int b1 = partial.get(1) & 0x7f;
        int hl = b1 < 126 ? 2 : b1 == 126 ? 4 : 10;
        while (partial.position() < hl && b.hasRemaining()) {
          partial.put(b.get());
        }
        if (partial.position() < hl) {
          break;
        }
        int opcode = partial.get(0) & 0x0f;
        long len = b1 < 126 ? b1 : b1 == 126 ? partial.getShort(2) & 0xffff : partial.getLong(2);
        partial.clear();
        if (opcode == 1) {
          n++;
        } else if (opcode == 8) {
          closeSeen = true;
        }
        skip = len;
      }
      return n;
    }
  }

  @Override
  public void close() throws IOException {
    running = false;
    for (SocketChannel ch : channels) {
      ch.close();
    }
    if (reader != null) {
      try {
        reader.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
