package switchboard.bench.harness;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;

/**
 * The one raw publisher connection of a run, the {@link Publishing} of most targets, driven by the
 * workload's thread: a message is its protocol's publish, framed once ({@link Protocol#publish}),
 * and the batch the frames added to it; between batches it reads what the server sends back (Redis's
 * PUBLISH counts, a NATS PING, a WebSocket ping), answering what must be answered. When the socket
 * takes nothing it waits on a selector of its own rather than spinning, so it leaves the CPU to the
 * server.
 *
 * <p>Not thread-safe: one workload thread owns it.
 */
public final class Publisher implements Publishing, Protocol.Events, WebSocket.Control {
  private final Target target;
  private final SocketChannel ch;
  private final Selector selector;
  private final SelectionKey key;
  private final WebSocket ws;
  private final Inbound inbound;
  /** Frames to send before the next batch (pongs). */
  private final ArrayDeque<ByteBuffer> urgent = new ArrayDeque<>();
  private final Batch batch = new Batch(64 * 1024);
  private int awaited;
  private boolean upgraded;
  private String error;

  private Publisher(Target target) throws IOException {
    this.target = target;
    Protocol protocol = target.protocol();
    this.ws = protocol.transport() == Protocol.Transport.TCP ? null : new WebSocket(protocol);
    this.inbound = new Inbound(protocol.parser(), ws);
    this.ch = SocketChannel.open();
    ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
    ch.socket().connect(target.address(), 5_000);
    ch.configureBlocking(false);
    this.selector = Selector.open();
    this.key = ch.register(selector, SelectionKey.OP_READ);
  }

  /** Connects, upgrades when the protocol needs it, sends the hello and waits for its replies. */
  public static Publisher open(Target target, String clientName, Duration timeout) throws IOException {
    Publisher p = new Publisher(target);
    try {
      long deadline = System.nanoTime() + timeout.toNanos();
      if (p.ws != null) {
        Protocol protocol = target.protocol();
        p.writeFully(ByteBuffer.wrap(p.ws.upgradeRequest(target.address().getHostString(), target.address().getPort(), protocol.path())));
        p.awaitUntil(() -> p.upgraded, deadline, "the WebSocket upgrade");
      }
      p.awaited = target.protocol().helloReplies();
      for (byte[] m : target.protocol().hello(clientName)) {
        p.writeFully(ByteBuffer.wrap(p.frame(m)));
      }
      p.awaitUntil(() -> p.awaited == 0, deadline, "the hello's replies");
      return p;
    } catch (IOException | RuntimeException e) {
      p.close();
      throw e;
    }
  }

  /** The bytes to write for one protocol message: itself over TCP, a masked frame over WebSocket. */
  private byte[] frame(byte[] message) {
    return ws == null ? message : ws.encode(message);
  }

  /** The protocol's publish, framed here and now: the same bytes at every add. */
  @Override
  public Message message(String topic, byte[] payload) {
    byte[] frame = frame(target.protocol().publish(topic, payload));
    return () -> batch.put(frame);
  }

  /** Writes the batch (whole frames), reading replies whenever the socket is full. */
  @Override
  public boolean send() throws IOException {
    try {
      return writeUrgent() && writeFully(batch.flip());
    } finally {
      batch.clear();
    }
  }

  private boolean writeUrgent() throws IOException {
    while (!urgent.isEmpty()) {
      if (!writeFully(urgent.peek())) {
        return false;
      }
      urgent.poll();
    }
    return true;
  }

  /** Reads and handles whatever the server has sent, and answers it, without waiting for more. */
  @Override
  public void poll() throws IOException {
    readAvailable();
    check();
    writeUrgent();
  }

  private boolean writeFully(ByteBuffer b) throws IOException {
    long lastProgress = System.nanoTime();
    while (b.hasRemaining()) {
      if (ch.write(b) > 0) {
        lastProgress = System.nanoTime();
        continue;
      }
      if (System.nanoTime() - lastProgress > STALL.toNanos()) {
        return false;
      }
      key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
      selector.select(100);
      selector.selectedKeys().clear();
      key.interestOps(SelectionKey.OP_READ);
      readAvailable();
      check();
    }
    return true;
  }

  private void readAvailable() throws IOException {
    try {
      int n;
      while ((n = inbound.read(ch, this, this)) > 0) {
        // read until the socket is empty
      }
      if (n < 0) {
        error = "closed by the server";
      }
    } catch (Protocol.ProtocolException e) {
      error = e.getMessage();
    }
  }

  private void check() {
    if (error != null) {
      throw new BenchException(target.name() + ": publisher: " + error);
    }
  }

  private void awaitUntil(BooleanSupplier done, long deadline, String what) throws IOException {
    while (!done.getAsBoolean()) {
      writeUrgent();
      if (System.nanoTime() > deadline) {
        throw new BenchException(target.name() + ": publisher: no answer to " + what);
      }
      selector.select(100);
      selector.selectedKeys().clear();
      readAvailable();
      check();
    }
  }

  @Override
  public void delivery(ByteBuffer buf, int from, int to) {
    // the publisher subscribes to nothing
  }

  @Override
  public void reply(boolean ok, String detail) {
    if (!ok) {
      error = "refused: " + detail;
    } else if (awaited > 0) {
      awaited--;
    }
  }

  @Override
  public void send(byte[] message) {
    urgent.add(ByteBuffer.wrap(frame(message)));
  }

  @Override
  public void upgraded() {
    upgraded = true;
  }

  @Override
  public void sendFrame(byte[] frame) {
    urgent.add(ByteBuffer.wrap(frame));
  }

  @Override
  public void closed(int code, String reason) {
    error = "the server closed the WebSocket: " + code + " " + reason;
  }

  @Override
  public void close() throws IOException {
    try {
      selector.close();
    } finally {
      ch.close();
    }
  }
}
