package switchboard.bench.harness.proto;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The publisher for {@link Xrpl}: a stand-in rippled that Switchboard's xrpl dialect connects to as
 * its upstream. It listens on a port, accepts the dialect's WebSocket connection (again whenever the
 * dialect reconnects), answers the dialect's {@code subscribe} requests as rippled does
 * ({@code {"id":..,"result":{},"status":"success","type":"response"}}; anything else is
 * {@code unknownCmd}), and {@link #publish} pushes a validated transaction for a topic.
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
 * message and drops one it cannot. Hashes are
 * unique to this instance, 200 transactions to a ledger.
 *
 * <p>{@link #publish} is thread-safe and blocks while the socket's send buffer is full.
 */
public final class XrplUpstream implements AutoCloseable {
  static final int PER_LEDGER = 200;
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private final ServerSocketChannel server;
  private final String host;
  private final String salt = HEX.toHexDigits(ThreadLocalRandom.current().nextLong());
  private final long firstLedger = 90_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
  private final Map<String, String[]> accounts = new ConcurrentHashMap<>();
  private final Object writeLock = new Object();
  private final Object stateLock = new Object();
  private volatile SocketChannel conn;
  private volatile boolean running = true;
  private boolean subscribed;
  private long published;
  private ByteBuffer out = ByteBuffer.allocate(4096);
  private Thread acceptor;

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

  /** Transactions pushed so far. */
  public long published() {
    synchronized (writeLock) {
      return published;
    }
  }

  /**
   * Pushes one validated transaction by the topic's account carrying {@code payload}.
   *
   * @throws IOException when no dialect is connected, or the connection fails
   */
  public void publish(String topic, byte[] payload) throws IOException {
    String[] account = accounts.computeIfAbsent(topic, XrplUpstream::accountOf);
    synchronized (writeLock) {
      SocketChannel c = conn;
      if (c == null) {
        throw new IOException("no upstream connection from the xrpl dialect");
      }
      byte[] msg = message(published, account, payload);
      writeFrame(c, msg);
      published++;
    }
  }

  /**
   * The JSON of the {@code k}-th transaction this upstream pushes (from 0), as {@link #publish} sends
   * it for this topic and payload.
   */
  public byte[] message(long k, String topic, byte[] payload) {
    return message(k, accounts.computeIfAbsent(topic, XrplUpstream::accountOf), payload);
  }

  /** The address and its AccountRoot's ledger index. */
  private static String[] accountOf(String topic) {
    String address = Xrpl.account(topic);
    return new String[] {address, HEX.formatHex(Xrpl.sha256(("root/" + address).getBytes(StandardCharsets.US_ASCII)))};
  }

  /** The k-th transaction message, api_version 2, {@code bench_payload} first. */
  byte[] message(long k, String[] account, byte[] payload) {
    long ledger = firstLedger + k / PER_LEDGER;
    int index = (int) (k % PER_LEDGER);
    long seq = 1_000 + k;
    String a = account[0];
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
        .append("},\"LedgerEntryType\":\"AccountRoot\",\"LedgerIndex\":\"").append(account[1])
        .append("\",\"PreviousFields\":{\"Balance\":\"").append(50_000_000_000L - 12 * k)
        .append("\",\"Sequence\":").append(seq)
        .append("},\"PreviousTxnID\":\"").append(salt);
    hex(s, Math.max(0, k - 1), 48);
    s.append("\",\"PreviousTxnLgrSeq\":").append(ledger - 1)
        .append("}}],\"TransactionIndex\":").append(index)
        .append(",\"TransactionResult\":\"tesSUCCESS\"},\"status\":\"closed\",\"tx_json\":{\"Account\":\"").append(a)
        .append("\",\"Fee\":\"12\",\"Flags\":0,\"LastLedgerSequence\":").append(ledger + 4)
        .append(",\"Sequence\":").append(seq)
        .append(",\"SigningPubKey\":\"02").append(account[1])
        .append("\",\"TransactionType\":\"AccountSet\",\"TxnSignature\":\"3045022100").append(salt);
    hex(s, k, 48);
    s.append("0220").append(account[1]);
    s.append("\",\"date\":").append(848_480_400L + (ledger - firstLedger) * 4)
        .append("},\"type\":\"transaction\",\"validated\":true}");
    byte[] head = ("{\"" + Xrpl.PAYLOAD_KEY + "\":").getBytes(StandardCharsets.US_ASCII);
    byte[] rest = s.toString().getBytes(StandardCharsets.US_ASCII);
    // {"bench_payload":P, then the rest without its opening brace
    byte[] msg = new byte[head.length + payload.length + rest.length];
    System.arraycopy(head, 0, msg, 0, head.length);
    System.arraycopy(payload, 0, msg, head.length, payload.length);
    msg[head.length + payload.length] = ',';
    System.arraycopy(rest, 1, msg, head.length + payload.length + 1, rest.length - 1);
    return msg;
  }

  private static void hex(StringBuilder s, long v, int digits) {
    String h = Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
    for (int i = h.length(); i < digits; i++) {
      s.append('0');
    }
    s.append(h);
  }

  /** Writes one unmasked text frame. */
  private void writeFrame(SocketChannel c, byte[] payload) throws IOException {
    int n = payload.length;
    int header = n < 126 ? 2 : n <= 0xFFFF ? 4 : 10;
    if (out.capacity() < header + n) {
      out = ByteBuffer.allocate(Math.max(out.capacity() * 2, header + n));
    }
    out.clear();
    out.put((byte) 0x81);
    if (n < 126) {
      out.put((byte) n);
    } else if (n <= 0xFFFF) {
      out.put((byte) 126).putShort((short) n);
    } else {
      out.put((byte) 127).putLong(n);
    }
    out.put(payload).flip();
    while (out.hasRemaining()) {
      c.write(out);
    }
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

  /** One dialect connection: the handshake, then its requests, until it closes. */
  private void serve(SocketChannel c) {
    try {
      c.socket().setTcpNoDelay(true);
      ByteBuffer in = ByteBuffer.allocate(64 * 1024);
      handshake(c, in);
      SocketChannel old;
      synchronized (writeLock) {
        old = conn;
        conn = c;
      }
      if (old != null) {
        old.close();
      }
      readRequests(c, in);
    } catch (IOException e) {
      // the dialect went away; it reconnects, and the next accept takes over
    } finally {
      synchronized (writeLock) {
        if (conn == c) {
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
      } catch (IOException e) {
        // closing anyway
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

  /** Reads the client's (masked) frames; answers each text message; pongs pings; stops at a close. */
  private void readRequests(SocketChannel c, ByteBuffer in) throws IOException {
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
          synchronized (writeLock) {
            writeControl(c, (byte) 0x8A, payload);
          }
          continue;
        }
        if (opcode == 0 || opcode == 1 || opcode == 2) {
          message.write(payload, 0, payload.length);
          if ((b0 & 0x80) != 0) {
            answer(c, message.toByteArray());
            message.reset();
          }
        }
      }
      in.compact();
      if (c.read(in) < 0) {
        return;
      }
    }
  }

  private void writeControl(SocketChannel c, byte first, byte[] payload) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(2 + payload.length).put(first).put((byte) payload.length).put(payload);
    b.flip();
    while (b.hasRemaining()) {
      c.write(b);
    }
  }

  /** rippled's answer to one request: success for subscribe and unsubscribe, unknownCmd otherwise. */
  private void answer(SocketChannel c, byte[] request) throws IOException {
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
    synchronized (writeLock) {
      writeFrame(c, response.getBytes(StandardCharsets.UTF_8));
    }
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
    SocketChannel c = conn;
    if (c != null) {
      c.close();
    }
  }
}
