package switchboard.bench.harness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * One non-blocking subscriber connection on a {@link Loop}: the socket, the read side
 * ({@link Inbound}), an outbound buffer, and the requests still waiting for their reply, in order.
 * Replies are matched to requests by position, which {@link Protocol} guarantees, so any number of
 * requests may be pipelined. A connection that fails (refused, closed by the server, an unparseable
 * answer) fails every {@link Replies} still waiting on it and is counted by its loop.
 *
 * <p>Threads: the public methods may be called from any thread and run on the loop; everything else
 * runs on the loop thread.
 */
public final class Conn implements Protocol.Events, WebSocket.Control {
  private final Loop loop;
  private final Target target;
  private final Protocol protocol;
  private final String clientName;
  private final DeliverySink sink;
  private final WebSocket ws;
  private final Protocol.Parser parser;
  private final Inbound inbound;
  /** For each request sent and not yet answered, the count its reply goes to. */
  private final ArrayDeque<Replies> pending = new ArrayDeque<>();
  /** In write mode. */
  private ByteBuffer out = ByteBuffer.allocate(4096);
  private SocketChannel ch;
  private SelectionKey key;
  private Replies ready;
  private Replies hello;
  private boolean dirty;
  private boolean closed;
  /** Whether reading has been paused ({@link #pauseReading}): a subscriber that stopped reading. */
  private boolean paused;

  Conn(Loop loop, Target target, String clientName, DeliverySink sink) {
    this.loop = loop;
    this.target = target;
    this.protocol = target.protocol();
    this.clientName = clientName;
    this.sink = sink;
    this.ws = protocol.transport() == Protocol.Transport.TCP ? null : new WebSocket(protocol);
    this.parser = protocol.parser();
    this.inbound = new Inbound(parser, ws);
  }

  /** Sends a request whose one reply counts to {@code replies}; only once the connection is up. */
  public void request(byte[] message, Replies replies) {
    loop.execute(() -> {
      if (closed) {
        replies.fail(target.name() + ": " + clientName + " is closed");
      } else if (hello == null || !hello.isDone()) {
        replies.fail(target.name() + ": " + clientName + ": a request before the connection is up");
      } else {
        pending.add(replies);
        send(message);
      }
    });
  }

  public void subscribe(Interest interest, int sid, Replies replies) {
    request(protocol.subscribe(interest, sid), replies);
  }

  /** Unsubscribes; after the subscribe's reply, since the protocol may need what it said. */
  public void unsubscribe(Interest interest, int sid, Replies replies) {
    loop.execute(() -> request(protocol.unsubscribe(parser, interest, sid), replies));
  }

  /**
   * Stops reading from the socket, as a stuck client would: what the server sends stays in the
   * kernel's buffers, then in the server's. Once the connection is up.
   */
  public void pauseReading() {
    loop.execute(() -> {
      paused = true;
      interest();
    });
  }

  /** Reads again after {@link #pauseReading}: what was buffered arrives, then a close if there was one. */
  public void resumeReading() {
    loop.execute(() -> {
      paused = false;
      interest();
    });
  }

  /** The connection's local port (to find its socket in /proc/net/tcp), or -1; once it is up. */
  public int localPort() {
    try {
      return ch == null ? -1 : ((InetSocketAddress) ch.getLocalAddress()).getPort();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  void start(Replies ready) {
    this.ready = ready;
    try {
      ch = SocketChannel.open();
      ch.configureBlocking(false);
      ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
      key = ch.register(loop.selector(), 0, this);
      if (ch.connect(target.address())) {
        connected();
      } else {
        key.interestOps(SelectionKey.OP_CONNECT);
      }
    } catch (IOException e) {
      fail("could not connect: " + e.getMessage());
    }
  }

  /** The loop's selector picked this connection's key. */
  void handle(SelectionKey k) {
    try {
      if (k.isConnectable()) {
        ch.finishConnect();
        connected();
      }
      if (k.isValid() && k.isReadable() && inbound.read(ch, this, this) < 0) {
        fail("closed by the server");
      }
      if (k.isValid() && k.isWritable()) {
        flush();
      }
    } catch (IOException | Protocol.ProtocolException | RuntimeException e) {
      fail(e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  private void connected() {
    key.interestOps(SelectionKey.OP_READ);
    if (ws == null) {
      opened();
    } else {
      queue(ws.upgradeRequest(target.address().getHostString(), target.address().getPort(), protocol.path()));
    }
  }

  @Override
  public void upgraded() {
    opened();
  }

  /** Connected (and upgraded): the hello goes out, and its replies make the connection ready. */
  private void opened() {
    int n = protocol.helloReplies();
    hello = new Replies(n, ready);
    for (byte[] m : protocol.hello(clientName)) {
      send(m);
    }
    for (int i = 0; i < n; i++) {
      pending.add(hello);
    }
  }

  @Override
  public void delivery(ByteBuffer buf, int from, int to) {
    sink.delivery(buf, from, to);
  }

  @Override
  public void reply(boolean ok, String detail) {
    Replies r = pending.poll();
    if (r == null) {
      fail("a reply no request asked for: " + detail);
    } else if (ok) {
      r.ok();
    } else {
      r.fail(target.name() + " refused a request: " + detail);
    }
  }

  @Override
  public void send(byte[] message) {
    queue(ws == null ? message : ws.encode(message));
  }

  @Override
  public void sendFrame(byte[] frame) {
    queue(frame);
  }

  @Override
  public void closed(int code, String reason) {
    fail("the server closed the WebSocket: " + code + (reason.isEmpty() ? "" : " " + reason));
  }

  private void queue(byte[] bytes) {
    if (closed) {
      return;
    }
    if (out.remaining() < bytes.length) {
      int size = out.capacity();
      while (size - out.position() < bytes.length) {
        size *= 2;
      }
      out = ByteBuffer.allocate(size).put(out.flip());
    }
    out.put(bytes);
    if (!dirty) {
      dirty = true;
      loop.dirty(this);
    }
  }

  /** Writes what the socket takes; asks to be told when it takes more. */
  void flush() {
    dirty = false;
    if (closed || key == null || (key.interestOps() & SelectionKey.OP_CONNECT) != 0) {
      return; // not connected yet: connected() will flush
    }
    try {
      out.flip();
      ch.write(out);
      out.compact();
      interest();
    } catch (IOException e) {
      fail("write failed: " + e.getMessage());
    }
  }

  /** Asks the selector for reads unless paused, and for writes while bytes wait; once connected. */
  private void interest() {
    if (closed || key == null || !key.isValid() || (key.interestOps() & SelectionKey.OP_CONNECT) != 0) {
      return;
    }
    int ops = (paused ? 0 : SelectionKey.OP_READ) | (out.position() > 0 ? SelectionKey.OP_WRITE : 0);
    if (key.interestOps() != ops) {
      key.interestOps(ops);
    }
  }

  private void fail(String why) {
    if (closed) {
      return;
    }
    String reason = target.name() + ": " + clientName + ": " + why;
    loop.failed(reason);
    (hello == null ? ready : hello).fail(reason);
    for (Replies r : pending) {
      r.fail(reason);
    }
    closeNow();
  }

  void closeNow() {
    if (closed) {
      return;
    }
    closed = true;
    pending.clear();
    try {
      if (ch != null) {
        ch.close();
      }
    } catch (IOException e) {
      // closing anyway
    }
  }
}
