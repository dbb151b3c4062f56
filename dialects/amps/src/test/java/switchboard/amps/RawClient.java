package switchboard.amps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client that speaks the amps framing by hand, to test the server byte by byte: over TCP (length,
 * header, body) or WebSocket (preamble, frame count, header frame, body frame).
 */
abstract class RawClient implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** One message from the server: its header as sent (raw text and parsed) and its body. */
  record Received(String rawHeader, JsonNode header, String body) {
    String c() {
      return header.path("c").asText();
    }

    String get(String key) {
      return header.path(key).asText(null);
    }
  }

  final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
  static final Object CLOSED = new Object();

  abstract void send(String header, String body) throws Exception;

  void send(String header) throws Exception {
    send(header, null);
  }

  /** The next message, failing after 5 s. */
  Received next() throws InterruptedException {
    Object o = inbox.poll(5, TimeUnit.SECONDS);
    assertThat(o).as("a message from the server within 5 s").isNotNull();
    assertThat(o).as("the connection is still open").isNotSameAs(CLOSED);
    return (Received) o;
  }

  /** The next message whose command is not a heartbeat. */
  Received nextNonHeartbeat() throws InterruptedException {
    Received r;
    do {
      r = next();
    } while (r.c().equals("heartbeat"));
    return r;
  }

  /** True when the server closed the connection within 5 s (after whatever it sent before). */
  boolean closedByServer() throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < end) {
      Object o = inbox.poll(100, TimeUnit.MILLISECONDS);
      if (o == CLOSED) {
        return true;
      }
    }
    return false;
  }

  static Received parse(String header, String body) {
    try {
      return new Received(header, JSON.readTree(header), body);
    } catch (IOException e) {
      throw new AssertionError("the server sent a header that is not JSON: " + header, e);
    }
  }

  /** Over TCP. */
  static final class Tcp extends RawClient {
    final Socket socket = new Socket();
    private final DataOutputStream out;
    private final Object gate = new Object();
    private boolean paused; // guarded by gate

    Tcp(int port) throws IOException {
      this(port, true);
    }

    /** With {@code read} false nothing reads the socket: a client that has stopped reading. */
    Tcp(int port, boolean read) throws IOException {
      socket.setReceiveBufferSize(4096);
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      out = new DataOutputStream(socket.getOutputStream());
      if (read) {
        Thread reader = new Thread(this::readLoop, "raw-tcp-reader");
        reader.setDaemon(true);
        reader.start();
      }
    }

    private void readLoop() {
      try {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        while (true) {
          awaitResumed();
          byte[] frame = new byte[in.readInt()];
          in.readFully(frame);
          String text = new String(frame, StandardCharsets.UTF_8);
          int end = headerEnd(text);
          inbox.add(parse(text.substring(0, end), text.substring(end)));
        }
      } catch (IOException e) {
        inbox.add(CLOSED);
      }
    }

    /**
     * Stops reading the socket after the frame being read now, if any: the server's writes then fill the
     * socket's buffers and wait. {@link #resume} reads on.
     */
    void pause() {
      synchronized (gate) {
        paused = true;
      }
    }

    void resume() {
      synchronized (gate) {
        paused = false;
        gate.notifyAll();
      }
    }

    private void awaitResumed() throws IOException {
      synchronized (gate) {
        while (paused) {
          try {
            gate.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while paused", e);
          }
        }
      }
    }

    /** Where the JSON object at the start ends: the server's headers are compact and flat. */
    private static int headerEnd(String text) {
      boolean inString = false;
      for (int i = 0; i < text.length(); i++) {
        char ch = text.charAt(i);
        if (inString) {
          if (ch == '\\') {
            i++;
          } else if (ch == '"') {
            inString = false;
          }
        } else if (ch == '"') {
          inString = true;
        } else if (ch == '}') {
          return i + 1;
        }
      }
      throw new AssertionError("no header in frame: " + text);
    }

    @Override
    synchronized void send(String header, String body) throws IOException {
      byte[] h = header.getBytes(StandardCharsets.UTF_8);
      byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      out.writeInt(h.length + b.length);
      out.write(h);
      out.write(b);
      out.flush();
    }

    /** Writes raw bytes, for framing that is wrong on purpose. */
    synchronized void sendBytes(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /** Over WebSocket, as the protocol's JavaScript client frames it. */
  static final class Ws extends RawClient implements WebSocket.Listener {
    final WebSocket ws;
    private final StringBuilder partial = new StringBuilder();
    private String pendingHeader;
    private JsonNode pendingParsed;
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

    Ws(int port, String path, boolean preamble) throws Exception {
      ws = HttpClient.newHttpClient().newWebSocketBuilder()
          .buildAsync(URI.create("ws://127.0.0.1:" + port + path), this).get(5, TimeUnit.SECONDS);
      if (preamble) {
        ws.sendText("text", true).get(5, TimeUnit.SECONDS);
      }
    }

    @Override
    synchronized void send(String header, String body) throws Exception {
      sendCount(body == null ? 1 : 2);
      ws.sendText(header, true).get(5, TimeUnit.SECONDS);
      if (body != null) {
        ws.sendText(body, true).get(5, TimeUnit.SECONDS);
      }
    }

    void sendCount(int n) throws Exception {
      ws.sendBinary(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, n), true).get(5, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        frame(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    /** Frames still to be handed over raw: the record headers and bodies of a sow batch. */
    private int rawFrames;

    /** The next frame as it came (a sow record header or body), in {@link Received#rawHeader()}. */
    Received nextRaw() throws InterruptedException {
      return next();
    }

    /** A header frame, or the body frame that a p/publish/oof header announced. */
    private void frame(String text) {
      if (rawFrames > 0) {
        rawFrames--;
        JsonNode parsed;
        try {
          parsed = JSON.readTree(text);
        } catch (IOException e) {
          parsed = JSON.createObjectNode();
        }
        inbox.add(new Received(text, parsed, ""));
        return;
      }
      if (pendingHeader != null) {
        inbox.add(new Received(pendingHeader, pendingParsed, text));
        pendingHeader = null;
        return;
      }
      Received r = parse(text, "");
      String c = r.c();
      boolean hasBody = (c.equals("p") || c.equals("publish") || c.equals("oof"))
          && !(r.header().has("l") && r.header().get("l").asLong() == 0);
      if (hasBody) {
        pendingHeader = text;
        pendingParsed = r.header();
      } else {
        if (c.equals("sow")) {
          rawFrames = 2 * r.header().path("bs").asInt();
        }
        inbox.add(r);
      }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closeCode.complete(statusCode);
      inbox.add(CLOSED);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closeCode.completeExceptionally(error);
      inbox.add(CLOSED);
    }

    @Override
    public void close() {
      ws.abort();
    }
  }
}
