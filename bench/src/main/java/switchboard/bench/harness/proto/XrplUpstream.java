package switchboard.bench.harness.proto;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The publisher for {@link Xrpl}: a stand-in rippled that Switchboard's xrpl dialect connects to as
 * its upstream. It listens on a port, accepts the dialect's WebSocket connection (again whenever the
 * dialect reconnects), answers the dialect's {@code subscribe} requests as rippled does
 * ({@code {"id":..,"result":{},"status":"success","type":"response"}}; anything else is
 * {@code unknownCmd}), and pushes validated transactions: one by one with {@link #publish}, or as
 * {@link #frame frames} gathered into a batch and {@link #write written} together
 * ({@link XrplPublisher}).
 *
 * <p>Start Switchboard with {@code --set xrpl.upstream.url=}{@link #url()} (and, to reconnect fast if
 * the upstream starts after it, {@code --set xrpl.upstream.reconnect-min=100ms}); {@link #start()},
 * then {@link #awaitSubscribed} before the first publish: the dialect asks for eight streams, one
 * request each, as soon as it is connected.
 *
 * <p>Each transaction is an {@code AccountSet} by the topic's account ({@link Xrpl#account}), in
 * api_version 2 form, whose only affected node is that account's AccountRoot: it reaches the
 * subscribers of that account and of the {@code transactions} stream, and no other account. It
 * carries the payload as its first field, {@code bench_payload}, which the dialect passes through
 * (byte for byte to api_version 2 subscribers); the payload must be JSON, since the dialect parses the
 * message and drops one it cannot. Hashes are unique to this instance (the dialect drops a validated
 * transaction whose hash its ledger has already had), 200 transactions to a ledger.
 *
 * <p>Thread-safe. The connection is non-blocking: a write waits, on a selector, while the socket is
 * full, and gives up when it has taken nothing for the stall time it is given.
 */
public final class XrplUpstream implements AutoCloseable {
  static final int PER_LEDGER = 200;
  /** How long {@link #publish} and the answers to the dialect may wait for a socket that takes nothing. */
  static final Duration STALL = Duration.ofSeconds(10);
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final HexFormat HEX = HexFormat.of().withUpperCase();
  private static final byte[] PAYLOAD_HEAD = ("{\"" + Xrpl.PAYLOAD_KEY + "\":").getBytes(StandardCharsets.US_ASCII);

  private final ServerSocketChannel server;
  private final String host;
  private final String salt = HEX.toHexDigits(ThreadLocalRandom.current().nextLong());
  private final long firstLedger = 90_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
  /** The number of the next transaction, from which its hash, ledger and sequence are made. */
  private final AtomicLong next = new AtomicLong();
  /** Held while writing to the connection, and while replacing it. */
  private final Object writeLock = new Object();
  private final Object stateLock = new Object();
  private volatile Link conn;
  private volatile boolean running = true;
  private boolean subscribed;
  private Thread acceptor;

  /** An account's address and its AccountRoot's ledger index: what a transaction by it names. */
  public record Account(String address, String rootIndex) {}

  /** Listens on {@code host:port} (port 0: any free port). */
  public XrplUpstream(String host, int port) throws IOException {
    this.host = host;
    server = ServerSocketChannel.open();
    server.bind(new InetSocketAddress(host, port));
  }

  public int port() throws IOException {
    return ((InetSocketAddress) server.getLocalAddress()).getPort();
  }

  /** What {@code xrpl.upstream.url} must be. */
  public String url() throws IOException {
    return "ws://" + host + ":" + port() + "/";
  }

  /** Starts accepting the dialect's connections, on a daemon thread. */
  public void start() {
    acceptor = new Thread(this::acceptLoop, "xrpl-upstream-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Waits until a connected dialect has asked for the {@code transactions} stream; false on timeout. */
  public boolean awaitSubscribed(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (stateLock) {
      while (!subscribed) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        stateLock.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  /** Transactions made so far, each with a hash of its own: pushed, or framed to be. */
  public long published() {
    return next.get();
  }

  /** The account whose transactions reach the subscribers of {@code topic}. */
  public static Account account(String topic) {
    String address = Xrpl.account(topic);
    return new Account(address, HEX.formatHex(Xrpl.sha256(("root/" + address).getBytes(StandardCharsets.US_ASCII))));
  }

  /**
   * Pushes one validated transaction by the topic's account carrying {@code payload}.
   *
   * @throws IOException when no dialect is connected, the connection fails, or it takes nothing for
   *     {@link #STALL}
   */
  public void publish(String topic, byte[] payload) throws IOException {
    if (!write(ByteBuffer.wrap(frame(account(topic), payload)), STALL)) {
      throw new IOException("the xrpl dialect took nothing for " + STALL.toSeconds() + " s");
    }
  }

  /**
   * The WebSocket frame (unmasked, text) of a new transaction by {@code account} carrying
   * {@code payload}, ready to be {@link #write written}; it takes the next number, so that no two
   * frames hold the same transaction.
   */
  public byte[] frame(Account account, byte[] payload) {
    return frameOf(message(next.getAndIncrement(), account, payload));
  }

  /**
   * Writes whole frames made by {@link #frame} to the connected dialect, waiting while its socket is
   * full.
   *
   * @return false when the socket took nothing for {@code stall}
   * @throws IOException when no dialect is connected, or the connection fails
   */
  public boolean write(ByteBuffer frames, Duration stall) throws IOException {
    synchronized (writeLock) {
      Link c = conn;
      if (c == null) {
        throw new IOException("no upstream connection from the xrpl dialect");
      }
      return c.write(frames, stall);
    }
  }

  /**
   * The JSON of the {@code k}-th transaction this upstream makes (from 0), as {@link #publish} sends
   * it for this topic and payload.
   */
  public byte[] message(long k, String topic, byte[] payload) {
    return message(k, account(topic), payload);
  }

  /** The k-th transaction message, api_version 2, {@code bench_payload} first. */
  byte[] message(long k, Account account, byte[] payload) {
    long ledger = firstLedger + k / PER_LEDGER;
    int index = (int) (k % PER_LEDGER);
    long seq = 1_000 + k;
    String a = account.address();
    String root = account.rootIndex();
    StringBuilder s = new StringBuilder(1200);
    s.append("{\"close_time_iso\":\"2026-11-23T09:00:00Z\",\"ctid\":\"C");
    hex(s, ledger, 7);
    hex(s, index, 4);
    s.append("0000\",\"engine_result\":\"tesSUCCESS\",\"engine_result_code\":0,"
        + "\"engine_result_message\":\"The transaction was applied. Only final in a validated ledger.\",\"hash\":\"")
        .append(salt);
    hex(s, k, 48);
    s.append("\",\"ledger_hash\":\"").append(salt);
    hex(s, ledger, 48);
    s.append("\",\"ledger_index\":").append(ledger)
        .append(",\"meta\":{\"AffectedNodes\":[{\"ModifiedNode\":{\"FinalFields\":{\"Account\":\"").append(a)
        .append("\",\"Balance\":\"").append(50_000_000_000L - 12 * (k + 1))
        .append("\",\"Flags\":0,\"OwnerCount\":0,\"Sequence\":").append(seq + 1)
        .append("},\"LedgerEntryType\":\"AccountRoot\",\"LedgerIndex\":\"").append(root)
        .append("\",\"PreviousFields\":{\"Balance\":\"").append(50_000_000_000L - 12 * k)
        .append("\",\"Sequence\":").append(seq)
        .append("},\"PreviousTxnID\":\"").append(salt);
    hex(s, Math.max(0, k - 1), 48);
    s.append("\",\"PreviousTxnLgrSeq\":").append(ledger - 1)
        .append("}}],\"TransactionIndex\":").append(index)
        .append(",\"TransactionResult\":\"tesSUCCESS\"},\"status\":\"closed\",\"tx_json\":{\"Account\":\"").append(a)
        .append("\",\"Fee\":\"12\",\"Flags\":0,\"LastLedgerSequence\":").append(ledger + 4)
        .append(",\"Sequence\":").append(seq)
        .append(",\"SigningPubKey\":\"02").append(root)
        .append("\",\"TransactionType\":\"AccountSet\",\"TxnSignature\":\"3045022100").append(salt);
    hex(s, k, 48);
    s.append("0220").append(root);
    s.append("\",\"date\":").append(848_480_400L + (ledger - firstLedger) * 4)
        .append("},\"type\":\"transaction\",\"validated\":true}");
    byte[] rest = s.toString().getBytes(StandardCharsets.US_ASCII);
    // {"bench_payload":P, then the rest without its opening brace
    byte[] msg = new byte[PAYLOAD_HEAD.length + payload.length + rest.length];
    System.arraycopy(PAYLOAD_HEAD, 0, msg, 0, PAYLOAD_HEAD.length);
    System.arraycopy(payload, 0, msg, PAYLOAD_HEAD.length, payload.length);
    msg[PAYLOAD_HEAD.length + payload.length] = ',';
    System.arraycopy(rest, 1, msg, PAYLOAD_HEAD.length + payload.length + 1, rest.length - 1);
    return msg;
  }

  private static void hex(StringBuilder s, long v, int digits) {
    String h = Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
    for (int i = h.length(); i < digits; i++) {
      s.append('0');
    }
    s.append(h);
  }

  /** One unmasked text frame holding {@code payload}. */
  static byte[] frameOf(byte[] payload) {
    int n = payload.length;
    int header = n < 126 ? 2 : n <= 0xFFFF ? 4 : 10;
    ByteBuffer out = ByteBuffer.allocate(header + n);
    out.put((byte) 0x81);
    if (n < 126) {
      out.put((byte) n);
    } else if (n <= 0xFFFF) {
      out.put((byte) 126).putShort((short) n);
    } else {
      out.put((byte) 127).putLong(n);
    }
    return out.put(payload).array();
  }

  private void acceptLoop() {
    while (running) {
      SocketChannel c;
      try {
        c = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      Thread t = new Thread(() -> serve(c), "xrpl-upstream-conn");
      t.setDaemon(true);
      t.start();
    }
  }

  /**
   * The dialect's connection once upgraded: the channel, non-blocking, and the selector on which a
   * writer waits for room. Written to under {@link #writeLock} only.
   */
  private static final class Link {
    final SocketChannel ch;
    final Selector writable;

    Link(SocketChannel ch) throws IOException {
      this.ch = ch;
      this.writable = Selector.open();
      ch.register(writable, SelectionKey.OP_WRITE);
    }

    boolean write(ByteBuffer b, Duration stall) throws IOException {
      long lastProgress = System.nanoTime();
      while (b.hasRemaining()) {
        if (ch.write(b) > 0) {
          lastProgress = System.nanoTime();
          continue;
        }
        if (System.nanoTime() - lastProgress > stall.toNanos()) {
          return false;
        }
        writable.select(100);
        writable.selectedKeys().clear();
      }
      return true;
    }
  }

  /** One dialect connection: the handshake, then its requests, until it closes. */
  private void serve(SocketChannel c) {
    Link link = null;
    Selector readable = null;
    try {
      c.socket().setTcpNoDelay(true);
      ByteBuffer in = ByteBuffer.allocate(64 * 1024);
      handshake(c, in);
      c.configureBlocking(false);
      readable = Selector.open();
      c.register(readable, SelectionKey.OP_READ);
      link = new Link(c);
      Link old;
      synchronized (writeLock) {
        old = conn;
        conn = link;
      }
      if (old != null) {
        old.ch.close();
      }
      readRequests(link, readable, in);
    } catch (IOException e) {
      // the dialect went away; it reconnects, and the next accept takes over
    } finally {
      synchronized (writeLock) {
        if (conn == link) {
          conn = null;
        }
      }
      synchronized (stateLock) {
        if (conn == null) {
          subscribed = false;
        }
      }
      try {
        c.close();
        if (readable != null) {
          readable.close();
        }
      } catch (IOException e) {
        // closing anyway
      }
      if (link != null) {
        synchronized (writeLock) {
          try {
            link.writable.close();
          } catch (IOException e) {
            // closing anyway
          }
        }
      }
    }
  }

  private static void handshake(SocketChannel c, ByteBuffer in) throws IOException {
    while (true) {
      if (c.read(in) < 0) {
        throw new IOException("closed during the handshake");
      }
      int end = headEnd(in);
      if (end >= 0) {
        byte[] head = new byte[end];
        in.flip();
        in.get(head);
        in.compact();
        String h = new String(head, StandardCharsets.ISO_8859_1);
        String key = h.lines().filter(l -> l.regionMatches(true, 0, "Sec-WebSocket-Key:", 0, 18))
            .map(l -> l.substring(18).trim()).findFirst().orElseThrow(() -> new IOException("no Sec-WebSocket-Key"));
        String accept;
        try {
          accept = Base64.getEncoder().encodeToString(
              MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
        ByteBuffer resp = ByteBuffer.wrap(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        while (resp.hasRemaining()) {
          c.write(resp);
        }
        return;
      }
      if (!in.hasRemaining()) {
        throw new IOException("upgrade request too long");
      }
    }
  }

  private static int headEnd(ByteBuffer in) {
    for (int i = 3; i < in.position(); i++) {
      if (in.get(i - 3) == '\r' && in.get(i - 2) == '\n' && in.get(i - 1) == '\r' && in.get(i) == '\n') {
        return i + 1;
      }
    }
    return -1;
  }

  /**
   * Reads the client's (masked) frames; answers each text message; pongs pings; stops at a close, or
   * when the connection is closed by a newer one or by {@link #close}.
   */
  private void readRequests(Link link, Selector readable, ByteBuffer in) throws IOException {
    SocketChannel c = link.ch;
    java.io.ByteArrayOutputStream message = new java.io.ByteArrayOutputStream();
    while (running) {
      in.flip();
      while (true) {
        int p = in.position();
        if (in.remaining() < 2) {
          break;
        }
        int b0 = in.get(p) & 0xff;
        int b1 = in.get(p + 1) & 0xff;
        int hl = 2;
        long len = b1 & 0x7f;
        if (len == 126) {
          if (in.remaining() < 4) {
            break;
          }
          len = in.getShort(p + 2) & 0xffff;
          hl = 4;
        } else if (len == 127) {
          if (in.remaining() < 10) {
            break;
          }
          len = in.getLong(p + 2);
          hl = 10;
        }
        boolean masked = (b1 & 0x80) != 0;
        int total = hl + (masked ? 4 : 0) + (int) len;
        if (len > in.capacity() - 14) {
          throw new IOException("a request frame of " + len + " bytes");
        }
        if (in.remaining() < total) {
          break;
        }
        byte[] payload = new byte[(int) len];
        int at = p + hl + (masked ? 4 : 0);
        for (int i = 0; i < len; i++) {
          byte b = in.get(at + i);
          payload[i] = masked ? (byte) (b ^ in.get(p + hl + (i & 3))) : b;
        }
        in.position(p + total);
        int opcode = b0 & 0x0f;
        if (opcode == 8) {
          return;
        }
        if (opcode == 9) {
          send(link, ByteBuffer.allocate(2 + payload.length).put((byte) 0x8A).put((byte) payload.length).put(payload).flip());
          continue;
        }
        if (opcode == 0 || opcode == 1 || opcode == 2) {
          message.write(payload, 0, payload.length);
          if ((b0 & 0x80) != 0) {
            answer(link, message.toByteArray());
            message.reset();
          }
        }
      }
      in.compact();
      int n;
      while ((n = c.read(in)) == 0 && running && c.isOpen()) {
        readable.select(1_000);
        readable.selectedKeys().clear();
      }
      if (n < 0) {
        return;
      }
    }
  }

  /** Writes to this connection, whichever is the current one. */
  private void send(Link link, ByteBuffer b) throws IOException {
    synchronized (writeLock) {
      if (!link.write(b, STALL)) {
        throw new IOException("the xrpl dialect took nothing for " + STALL.toSeconds() + " s");
      }
    }
  }

  /** rippled's answer to one request: success for subscribe and unsubscribe, unknownCmd otherwise. */
  private void answer(Link link, byte[] request) throws IOException {
    ByteBuffer r = ByteBuffer.wrap(request);
    String id = Json.raw(r, 0, request.length, "id");
    String command = Json.string(r, 0, request.length, "command");
    String idField = id == null ? "" : "\"id\":" + id + ",";
    String response;
    if ("subscribe".equals(command) || "unsubscribe".equals(command)) {
      response = "{" + idField + "\"result\":{},\"status\":\"success\",\"type\":\"response\"}";
    } else {
      response = "{\"error\":\"unknownCmd\",\"error_code\":32,\"error_message\":\"Unknown method.\"," + idField
          + "\"status\":\"error\",\"type\":\"response\"}";
    }
    send(link, ByteBuffer.wrap(frameOf(response.getBytes(StandardCharsets.UTF_8))));
    if ("subscribe".equals(command) && new String(request, StandardCharsets.UTF_8).contains("\"transactions\"")) {
      synchronized (stateLock) {
        subscribed = true;
        stateLock.notifyAll();
      }
    }
  }

  @Override
  public void close() throws IOException {
    running = false;
    server.close();
    Link c = conn;
    if (c != null) {
      c.ch.close();
    }
  }
}
