package switchboard.bench.xrpl;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Stands in for the rippled the server subscribes to: a WebSocket server on loopback that accepts the
 * dialect's upstream connection, reads and ignores its subscribe requests, and pushes prebuilt
 * transaction messages as fast as the window allows.
 *
 * <p>Closed loop: at most {@code window} messages are in flight beyond what the
 * subscribers have received ({@code sent * deliveriesPerMessage - delivered <= window *
 * deliveriesPerMessage}), so the rate measured is the rate the server sustains, not how fast its
 * queues fill. An optional ceiling ({@code maxRate}, messages per second) paces the pushes as well.
 */
final class Upstream implements AutoCloseable {
  private final ServerSocketChannel server;
  private SocketChannel ch;
  final AtomicLong sent = new AtomicLong();
  private volatile boolean running = true;
  private Thread publisher;
  private Thread drain;

  Upstream() throws IOException {
    server = ServerSocketChannel.open();
    server.bind(new InetSocketAddress("127.0.0.1", 0));
  }

  String url() throws IOException {
    return "ws://127.0.0.1:" + ((InetSocketAddress) server.getLocalAddress()).getPort() + "/";
  }

  /** Waits for the server's upstream connection and completes its handshake. */
  void accept() throws IOException {
    ch = server.accept();
    ch.socket().setTcpNoDelay(true);
    ch.socket().setSendBufferSize(1 << 20);
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    Ws.serverHandshake(ch, buf);
    // the dialect's subscribe requests (one per stream) are read and dropped: rippled's replies are
    // not needed for it to take what is pushed
    drain = new Thread(() -> {
      ByteBuffer sink = ByteBuffer.allocate(64 * 1024);
      try {
        while (ch.read(sink) >= 0) {
          sink.clear();
        }
      } catch (IOException e) {
        // closed at the end of the run
      }
    }, "xrpl-upstream-drain");
    drain.setDaemon(true);
    drain.start();
  }

  /**
   * Starts pushing {@code frames} in turn, from the first again after the last.
   *
   * @param delivered deliveries the subscribers have counted so far
   * @param perMessage deliveries each message makes
   * @param window messages allowed in flight
   * @param maxRate messages per second at most; 0 for no ceiling
   */
  void start(List<byte[]> frames, LongSupplier delivered, long perMessage, long window, double maxRate) {
    publisher = new Thread(() -> publish(frames, delivered, perMessage, window, maxRate), "xrpl-upstream-publisher");
    publisher.setDaemon(true);
    publisher.start();
  }

  private void publish(List<byte[]> frames, LongSupplier delivered, long perMessage, long window, double maxRate) {
    int longest = frames.stream().mapToInt(f -> f.length).max().orElse(0);
    ByteBuffer batch = ByteBuffer.allocateDirect(longest * 32);
    // the ceiling is a token bucket holding at most 10 ms of messages: after a slow spell (warm-up, a
    // busy machine) the source does not catch up with a burst above the ceiling
    double burst = Math.max(32, maxRate / 100);
    double tokens = 0;
    long last = System.nanoTime();
    long s = 0;
    int next = 0;
    try {
      while (running) {
        long allowed = window - (s - delivered.getAsLong() / perMessage);
        if (maxRate > 0) {
          long now = System.nanoTime();
          tokens = Math.min(burst, tokens + (now - last) / 1e9 * maxRate);
          last = now;
          allowed = Math.min(allowed, (long) tokens);
        }
        if (allowed <= 0) {
          // a park, not a spin: the two cores are the server's too
          LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
          continue;
        }
        int n = (int) Math.min(allowed, 32);
        batch.clear();
        for (int i = 0; i < n; i++) {
          batch.put(frames.get(next));
          next = next + 1 == frames.size() ? 0 : next + 1;
        }
        batch.flip();
        Ws.writeFully(ch, batch);
        s += n;
        tokens -= n;
        sent.set(s);
      }
    } catch (IOException e) {
      if (running) {
        System.err.println("upstream publisher stopped: " + e);
      }
    }
  }

  /** Stops pushing; returns the number of messages sent. */
  long stop() throws InterruptedException {
    running = false;
    if (publisher != null) {
      publisher.join(5_000);
    }
    return sent.get();
  }

  @Override
  public void close() throws IOException {
    running = false;
    if (ch != null) {
      ch.close();
    }
    server.close();
  }
}
