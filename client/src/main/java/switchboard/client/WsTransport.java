package switchboard.client;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code ws://} (and {@code wss://}) transport on the JDK's {@link WebSocket}. After the upgrade it
 * sends the {@code text} preamble; each command then goes out as count, header and body frames
 * ({@link WsFrames}). Received messages are reassembled from partial deliveries and decoded on the
 * WebSocket's listener thread, one at a time; the next is requested only after the previous one has
 * been handled, which is the back-pressure.
 *
 * <p>The JDK WebSocket allows one outstanding send: writers take turns under a lock and wait for each
 * frame to be handed over before the next.
 */
final class WsTransport implements Transport {
  private static final System.Logger LOG = System.getLogger(WsTransport.class.getName());
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ExecutorService executor;
  private final Object writeLock = new Object();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile WebSocket socket;

  private WsTransport(ExecutorService executor) {
    this.executor = executor;
  }

  static WsTransport connect(AmpsUri uri, Duration connectTimeout, String threadName, String user, String password, Listener listener)
      throws IOException {
    ExecutorService executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, threadName + "-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    WsTransport t = new WsTransport(executor);
    try {
      HttpClient http = HttpClient.newBuilder().executor(executor).connectTimeout(connectTimeout).build();
      WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(connectTimeout);
      if (user != null) {
        // as the JS client does in Node.js when the URI carries credentials (§1.2)
        String basic = user + ":" + (password == null ? "" : password);
        b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
      }
      t.socket = b.buildAsync(uri.webSocketUri(), t.new Receiver(listener))
          .get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
      t.sendFrame(true, WsFrames.PREAMBLE.getBytes(StandardCharsets.US_ASCII));
      return t;
    } catch (ExecutionException e) {
      t.close();
      throw new IOException("WebSocket upgrade to " + uri + " failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      t.close();
      throw new IOException("WebSocket upgrade to " + uri + " timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      t.close();
      throw new IOException("interrupted while connecting to " + uri, e);
    } catch (IOException | RuntimeException e) {
      t.close();
      throw e;
    }
  }

  @Override
  public void send(byte[] header, byte[] body) throws IOException {
    synchronized (writeLock) {
      for (WsFrames.Frame f : WsFrames.encode(header, body)) {
        sendFrame(f.text(), f.data());
      }
    }
  }

  private void sendFrame(boolean text, byte[] data) throws IOException {
    WebSocket ws = socket;
    if (ws == null || closed.get()) {
      throw new EOFException("connection closed");
    }
    synchronized (writeLock) {
      CompletableFuture<WebSocket> sent = text
          ? ws.sendText(new String(data, StandardCharsets.UTF_8), true)
          : ws.sendBinary(ByteBuffer.wrap(data), true);
      try {
        sent.get();
      } catch (ExecutionException e) {
        throw new IOException("WebSocket send failed: " + e.getCause(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while sending", e);
      }
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    WebSocket ws = socket;
    if (ws != null) {
      try {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(1, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // closing anyway
      }
      ws.abort();
    }
    executor.shutdown();
  }

  /** Reassembles whole WebSocket messages and decodes them. */
  private final class Receiver implements WebSocket.Listener {
    private final Listener listener;
    private final WsFrames.Decoder decoder = new WsFrames.Decoder();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private final AtomicBoolean ended = new AtomicBoolean();

    Receiver(Listener listener) {
      this.listener = listener;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        text.setLength(0);
        decode(bytes);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      byte[] chunk = new byte[data.remaining()];
      data.get(chunk);
      binary.writeBytes(chunk);
      if (last) {
        byte[] bytes = binary.toByteArray();
        binary.reset();
        decode(bytes);
      }
      webSocket.request(1);
      return null;
    }

    private void decode(byte[] frame) {
      try {
        decoder.frame(frame, listener::onMessage);
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "skipping a WebSocket frame that is not a valid header: {0}", e.getMessage());
      }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      end(new EOFException("connection closed by the server (WebSocket close " + statusCode
          + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")"));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      end(error);
    }

    private void end(Throwable cause) {
      if (ended.compareAndSet(false, true)) {
        // the peer has closed or the socket failed: nothing to say goodbye to
        closed.set(true);
        WebSocket ws = socket;
        if (ws != null) {
          ws.abort();
        }
        executor.shutdown();
        listener.onClosed(cause);
      }
    }
  }
}
