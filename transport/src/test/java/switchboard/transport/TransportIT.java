package switchboard.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.netty.util.concurrent.EventExecutor;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import switchboard.core.Hub;
import switchboard.core.delivery.Outbox;

/** The transport over real sockets, with the echo dialect of the tests. */
class TransportIT {
  private final HttpClient http = HttpClient.newHttpClient();
  private Transport transport;
  private TransportStats stats;
  private Hub hub;

  private Transport start(TransportConfig config) {
    stats = new TransportStats();
    transport = new Transport(config, stats);
    hub = new Hub();
    new EchoDialect(stats, config.outbox(), hub).install(transport.routes());
    transport.start();
    return transport;
  }

  @AfterEach
  void stop() {
    if (transport != null) {
      transport.close();
    }
  }

  private URI uri(String scheme, String path) {
    return URI.create(scheme + "://127.0.0.1:" + transport.port(Transport.HTTP_LISTENER) + path);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri("http", path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void eachWorkerLoopRunsTheInitsOnItsOwnThreadBeforeServing() throws Exception {
    TransportConfig config = TransportConfig.forTests();
    Set<Executor> loops = ConcurrentHashMap.newKeySet();
    List<Boolean> onItsThread = new CopyOnWriteArrayList<>();
    stats = new TransportStats();
    transport = new Transport(config, stats);
    new EchoDialect(stats, config.outbox(), new Hub()).install(transport.routes());
    transport.onEachWorkerThread(loop -> {
      loops.add(loop);
      onItsThread.add(((EventExecutor) loop).inEventLoop());
    });
    transport.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> loops.size() == config.ioThreads());
    assertThat(onItsThread).hasSize(config.ioThreads()).containsOnly(true);
    assertThat(get("/hello").statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> transport.onEachWorkerThread(loop -> {})).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void routesPlainHttpAndAnswers404ForUnknownPaths() throws Exception {
    start(TransportConfig.forTests());
    assertThat(get("/hello").statusCode()).isEqualTo(200);
    assertThat(get("/hello").body()).isEqualTo("hello\n");
    assertThat(get("/hello?x=1").statusCode()).isEqualTo(200);
    assertThat(get("/nope").statusCode()).isEqualTo(404);
    assertThat(get("/tree/a/b").body()).isEqualTo("/tree/a/b");
    assertThat(get("/tree").statusCode()).isEqualTo(200);
    assertThat(get("/treetop").statusCode()).isEqualTo(404);
    // a WebSocket path asked without the upgrade
    assertThat(get("/echo").statusCode()).isEqualTo(426);
    assertThat(stats.of(TransportStats.HTTP).messagesIn()).isGreaterThanOrEqualTo(8);
  }

  @Test
  void webSocketUpgradeByPathReachesTheDialect() throws Exception {
    start(TransportConfig.forTests());
    Client c = Client.open(http, uri("ws", "/echo?token=abc"));
    assertThat(c.next()).isEqualTo("welcome /echo?token=abc");
    c.ws.sendText("ping one", true).get(5, TimeUnit.SECONDS);
    assertThat(c.next()).isEqualTo("ping one");
    assertThat(stats.of("echo").connections()).isEqualTo(1);
    assertThat(stats.of("echo").messagesIn()).isEqualTo(1);
    assertThat(stats.of("echo").messagesOut()).isEqualTo(2);
    assertThat(stats.of("echo").bytesIn()).isPositive();
    // once upgraded the connection counts under its dialect, not as plain HTTP
    assertThat(stats.of(TransportStats.HTTP).connections()).isZero();
  }

  @Test
  void hubDeliversAcrossTransportsAndReleasesOnClose() throws Exception {
    start(TransportConfig.forTests());
    Client sub = Client.open(http, uri("ws", "/echo"));
    sub.next();
    sub.ws.sendText("sub news", true);
    assertThat(sub.next()).isEqualTo("subscribed");
    try (Socket pub = tcp()) {
      writeFrame(pub, "pub news hello".getBytes());
      writeFrame(pub, "pub other nobody".getBytes());
      writeFrame(pub, "pub news again".getBytes());
      assertThat(sub.next()).isEqualTo("hello");
      assertThat(sub.next()).isEqualTo("again");
      sub.ws.sendText("unsub", true);
      assertThat(sub.next()).isEqualTo("unsubscribed");
      writeFrame(pub, "pub news gone".getBytes());
      writeFrame(pub, "after".getBytes());
      assertThat(readFrame(pub)).isEqualTo("after");
    }
    sub.ws.sendText("sub news", true);
    assertThat(sub.next()).isEqualTo("subscribed");
    assertThat(hub.subscriptionCount()).isEqualTo(1);
    sub.ws.sendClose(1000, "bye");
    await().atMost(Duration.ofSeconds(5)).until(() -> hub.subscriptionCount() == 0);
    assertThat(sub.received).isEmpty();
  }

  @Test
  void oversizedWebSocketMessageClosesThatConnectionOnly() throws Exception {
    TransportConfig cfg = TransportConfig.forTests();
    start(cfg);
    Client bystander = Client.open(http, uri("ws", "/echo"));
    bystander.next();
    Client big = Client.open(http, uri("ws", "/echo"));
    big.next();

    big.ws.sendText("x".repeat(cfg.maxFrameBytes() + 1), true);
    assertThat(big.closeCode.get(5, TimeUnit.SECONDS)).isEqualTo(1009);
    // the same limit holds for a message sent in fragments
    Client fragmented = Client.open(http, uri("ws", "/echo"));
    fragmented.next();
    fragmented.ws.sendText("y".repeat(cfg.maxFrameBytes() / 2), false).get();
    fragmented.ws.sendText("y".repeat(cfg.maxFrameBytes() / 2 + 10), true);
    assertThat(fragmented.closeCode.get(5, TimeUnit.SECONDS)).isEqualTo(1009);

    bystander.ws.sendText("still here", true);
    assertThat(bystander.next()).isEqualTo("still here");
    assertThat(get("/hello").statusCode()).isEqualTo(200);
    assertThat(stats.of("echo").rejectedFrames()).isEqualTo(2);
  }

  @Test
  void tcpFramesAreLengthPrefixedAndOversizedFramesClose() throws Exception {
    TransportConfig cfg = TransportConfig.forTests();
    start(cfg);
    try (Socket a = tcp(); Socket b = tcp()) {
      writeFrame(a, "one".getBytes());
      writeFrame(a, "two".getBytes());
      assertThat(readFrame(a)).isEqualTo("one");
      assertThat(readFrame(a)).isEqualTo("two");

      // two frames in one write, and one frame split across writes
      DataOutputStream out = new DataOutputStream(a.getOutputStream());
      out.writeInt(1);
      out.write('p');
      out.writeInt(2);
      out.write('q');
      out.flush();
      out.write('r');
      out.flush();
      assertThat(readFrame(a)).isEqualTo("p");
      assertThat(readFrame(a)).isEqualTo("qr");

      // a length beyond the limit: the connection is closed, the other keeps working
      new DataOutputStream(b.getOutputStream()).writeInt(cfg.maxFrameBytes() + 1);
      assertThat(readsEof(b)).isTrue();
      writeFrame(a, "three".getBytes());
      assertThat(readFrame(a)).isEqualTo("three");
    }
    assertThat(stats.of("echo").rejectedFrames()).isEqualTo(1);
  }

  @Test
  void connectionsBeyondTheLimitAreClosed() throws Exception {
    start(TransportConfig.forTests().withMaxConnections(2));
    try (Socket a = tcp(); Socket b = tcp(); Socket c = tcp()) {
      assertThat(readsEof(c)).isTrue();
      writeFrame(a, "ok".getBytes());
      assertThat(readFrame(a)).isEqualTo("ok");
      writeFrame(b, "ok".getBytes());
      assertThat(readFrame(b)).isEqualTo("ok");
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> transport.connectionCount() == 0);
    try (Socket d = tcp()) {
      writeFrame(d, "again".getBytes());
      assertThat(readFrame(d)).isEqualTo("again");
    }
  }

  @Test
  void idleTcpConnectionIsClosedAndAnsweringWebSocketIsKept() throws Exception {
    start(TransportConfig.forTests().withIdleTimeout(Duration.ofMillis(200)));
    Client ws = Client.open(http, uri("ws", "/echo"));
    ws.next();
    try (Socket idle = tcp()) {
      assertThat(readsEof(idle)).isTrue();
    }
    // the WebSocket client answered the idle pings with pongs, so it is still open
    ws.ws.sendText("alive", true);
    assertThat(ws.next()).isEqualTo("alive");
    assertThat(ws.closeCode).isNotDone();
  }

  @Test
  void aClientThatDoesNotReadIsCutAsASlowConsumerAndOthersCarryOn() throws Exception {
    start(TransportConfig.forTests().withOutbox(new Outbox.Limits(50, 1 << 20), 32 * 1024));
    try (Socket slow = tcp(); Socket fine = tcp()) {
      slow.setReceiveBufferSize(4096);
      writeFrame(slow, "flood 5000 16384".getBytes());
      await().atMost(Duration.ofSeconds(20)).until(() -> stats.of("echo").slowConsumerDisconnects() == 1);
      writeFrame(fine, "hi".getBytes());
      assertThat(readFrame(fine)).isEqualTo("hi");
    }
  }

  private Socket tcp() throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", transport.port("echo-tcp")), 5000);
    s.setSoTimeout(5000);
    return s;
  }

  private static void writeFrame(Socket s, byte[] body) throws IOException {
    DataOutputStream out = new DataOutputStream(s.getOutputStream());
    out.writeInt(body.length);
    out.write(body);
    out.flush();
  }

  private static String readFrame(Socket s) throws IOException {
    DataInputStream in = new DataInputStream(s.getInputStream());
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static boolean readsEof(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    try {
      return in.read() == -1;
    } catch (EOFException | java.net.SocketException e) {
      return true; // reset by the server
    }
  }

  /** A java.net.http WebSocket that queues what it receives. */
  static final class Client implements WebSocket.Listener {
    final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket ws;

    static Client open(HttpClient http, URI uri) throws Exception {
      Client c = new Client();
      c.ws = http.newWebSocketBuilder().buildAsync(uri, c).get(5, TimeUnit.SECONDS);
      return c;
    }

    String next() throws InterruptedException {
      String s = received.poll(5, TimeUnit.SECONDS);
      assertThat(s).as("a message within 5 s").isNotNull();
      return s;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        received.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closeCode.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closeCode.completeExceptionally(error);
    }
  }
}
