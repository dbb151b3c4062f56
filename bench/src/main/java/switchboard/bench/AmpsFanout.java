package switchboard.bench;

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
 * One publisher, N subscribers, over the amps TCP protocol against a running server: delivered
 * messages per second. Every subscriber socket is read by one selector thread that only counts frames,
 * so the load generator costs little next to the server. The publisher keeps at most {@code window}
 * messages in flight beyond what every subscriber has received (closed loop), so the figure is the
 * rate the server sustains without queueing, not how fast its outboxes fill.
 *
 * <p>Usage: {@code AmpsFanout host port subscribers messages payloadBytes [window]}
 */
public final class AmpsFanout {
  private static final byte[] P_HEADER = "{\"c\":\"p\"".getBytes(StandardCharsets.US_ASCII);

  public static void main(String[] args) throws Exception {
    String host = args.length > 0 ? args[0] : "127.0.0.1";
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 9007;
    int subscribers = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    long messages = args.length > 3 ? Long.parseLong(args[3]) : 200_000;
    int payload = args.length > 4 ? Integer.parseInt(args[4]) : 100;
    long window = args.length > 5 ? Long.parseLong(args[5]) : 2_000;

    InetSocketAddress addr = new InetSocketAddress(host, port);
    List<SocketChannel> subs = new ArrayList<>();
    for (int i = 0; i < subscribers; i++) {
      SocketChannel ch = SocketChannel.open(addr);
      ch.socket().setTcpNoDelay(true);
      request(ch, "{\"c\":\"logon\",\"cid\":\"l\",\"client_name\":\"sub" + i + "\",\"a\":\"processed\"}");
      request(ch, "{\"c\":\"subscribe\",\"cid\":\"s\",\"sub_id\":\"s\",\"t\":\"bench\",\"a\":\"processed\"}");
      subs.add(ch);
    }
    AtomicLong delivered = new AtomicLong();
    Thread reader = new Thread(() -> readAll(subs, delivered), "fanout-reader");
    reader.setDaemon(true);
    reader.start();

    SocketChannel pub = SocketChannel.open(addr);
    pub.socket().setTcpNoDelay(true);
    request(pub, "{\"c\":\"logon\",\"cid\":\"l\",\"client_name\":\"publisher\",\"a\":\"processed\"}");
    byte[] frame = frame("{\"c\":\"p\",\"t\":\"bench\"}", "x".repeat(Math.max(0, payload - 2)));
    ByteBuffer batch = ByteBuffer.allocateDirect(frame.length * 64);
    long expected = messages * subscribers;
    long start = System.nanoTime();
    long sent = 0;
    while (sent < messages) {
      while (sent * subscribers - delivered.get() > window * subscribers) {
        Thread.onSpinWait();
      }
      batch.clear();
      int n = (int) Math.min(64, messages - sent);
      for (int i = 0; i < n; i++) {
        batch.put(frame);
      }
      batch.flip();
      while (batch.hasRemaining()) {
        pub.write(batch);
      }
      sent += n;
    }
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (delivered.get() < expected && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("subscribers=%d messages=%d payload=%dB delivered=%d in %.2f s: %.0f deliveries/s (%.0f publishes/s)%n",
        subscribers, messages, payload, delivered.get(), seconds, delivered.get() / seconds, messages / seconds);
    for (SocketChannel ch : subs) {
      ch.close();
    }
    pub.close();
    if (delivered.get() < expected) {
      System.out.println("incomplete: " + (expected - delivered.get()) + " deliveries missing after 60 s");
      System.exit(1);
    }
  }

  private static byte[] frame(String header, String body) {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(4 + h.length + b.length).putInt(h.length + b.length).put(h).put(b).array();
  }

  /** Sends a command and reads frames until its ack (blocking; during set-up only). */
  private static void request(SocketChannel ch, String header) throws IOException {
    ch.write(ByteBuffer.wrap(frame(header, "")));
    ByteBuffer len = ByteBuffer.allocate(4);
    while (true) {
      len.clear();
      while (len.hasRemaining()) {
        if (ch.read(len) < 0) {
          throw new IOException("closed by the server");
        }
      }
      ByteBuffer body = ByteBuffer.allocate(len.flip().getInt());
      while (body.hasRemaining()) {
        ch.read(body);
      }
      String text = new String(body.array(), StandardCharsets.UTF_8);
      if (text.startsWith("{\"c\":\"ack\"")) {
        if (!text.contains("\"status\":\"success\"")) {
          throw new IOException("refused: " + text);
        }
        return;
      }
    }
  }

  /** Counts the p frames arriving on every subscriber socket. */
  private static void readAll(List<SocketChannel> subs, AtomicLong delivered) {
    try (Selector sel = Selector.open()) {
      for (SocketChannel ch : subs) {
        ch.configureBlocking(false);
        ch.register(sel, SelectionKey.OP_READ, ByteBuffer.allocateDirect(256 * 1024));
      }
      while (true) {
        sel.select();
        long n = 0;
        for (SelectionKey key : sel.selectedKeys()) {
          SocketChannel ch = (SocketChannel) key.channel();
          ByteBuffer buf = (ByteBuffer) key.attachment();
          if (ch.read(buf) < 0) {
            key.cancel();
            continue;
          }
          buf.flip();
          while (buf.remaining() >= 4) {
            int len = buf.getInt(buf.position());
            if (buf.remaining() < 4 + len) {
              break;
            }
            if (isPublish(buf, buf.position() + 4)) {
              n++;
            }
            buf.position(buf.position() + 4 + len);
          }
          buf.compact();
        }
        sel.selectedKeys().clear();
        delivered.addAndGet(n);
      }
    } catch (java.nio.channels.ClosedChannelException e) {
      // the run is over and main closed the sockets
    } catch (IOException e) {
      System.err.println("reader stopped: " + e);
    }
  }

  private static boolean isPublish(ByteBuffer buf, int at) {
    if (buf.limit() - at < P_HEADER.length) {
      return false;
    }
    for (int i = 0; i < P_HEADER.length; i++) {
      if (buf.get(at + i) != P_HEADER[i]) {
        return false;
      }
    }
    return true;
  }
}
