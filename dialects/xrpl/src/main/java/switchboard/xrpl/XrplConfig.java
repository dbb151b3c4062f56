package switchboard.xrpl;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The xrpl dialect's settings.
 *
 * @param enabled whether the dialect is served at all
 * @param host address of its WebSocket listener
 * @param port port of its WebSocket listener (6006; 0 for any free port)
 * @param path the WebSocket path on that listener
 * @param admin client addresses whose connections are admin (peer_status, url callbacks); empty: none
 * @param sendQueueLimit messages queued for one client beyond its socket's buffer before it is closed
 *     with 1008 (rippled's {@code send_queue_limit}, 100)
 * @param maxRequestBytes a larger request is answered with {@code jsonInvalid}, as rippled does
 * @param accountError the error token for a malformed address in accounts or accounts_proposed:
 *     {@code malformedAccount} as seed 002 documents it, or {@code actMalformed} as rippled sends it
 * @param books order-book routing
 * @param upstream the rippled to subscribe to, if any
 * @param replay the recording to replay, if any
 */
public record XrplConfig(
    boolean enabled,
    String host,
    int port,
    String path,
    List<String> admin,
    int sendQueueLimit,
    int maxRequestBytes,
    String accountError,
    Books books,
    Upstream upstream,
    Replay replay) {

  /** How transactions reach book subscribers. */
  public enum BookRouting {
    /**
     * As rippled: a subscription to {@code {taker_pays: X, taker_gets: Y}} receives transactions that
     * touch offers with TakerGets X and TakerPays Y, the reversed book (XRPLF/rippled#3499).
     */
    RIPPLED,
    /** The book as named: offers with TakerPays X and TakerGets Y. */
    CORRECTED
  }

  /** @param routing {@code rippled} (compatible) or {@code corrected} */
  public record Books(BookRouting routing) {
    public Books {
      if (routing == null) {
        throw new IllegalArgumentException("books.routing is rippled or corrected");
      }
    }
  }

  /**
   * @param url {@code ws://host:port} or {@code wss://...} of a rippled, or null for none
   * @param reconnectMin the first wait before reconnecting
   * @param reconnectMax the longest wait; each failure doubles the wait up to it
   */
  public record Upstream(String url, Duration reconnectMin, Duration reconnectMax) {
    public Upstream {
      if (url != null && !url.isBlank() && !url.startsWith("ws://") && !url.startsWith("wss://")) {
        throw new IllegalArgumentException("upstream.url must start with ws:// or wss://, got " + url);
      }
      if (url != null && url.isBlank()) {
        url = null;
      }
      if (reconnectMin.isNegative() || reconnectMin.isZero() || reconnectMax.compareTo(reconnectMin) < 0) {
        throw new IllegalArgumentException("upstream: 0 < reconnect-min <= reconnect-max");
      }
    }
  }

  /**
   * @param file a JSON Lines recording of stream messages, or null for none
   * @param rate messages per second
   * @param loop start over at the end
   */
  public record Replay(Path file, double rate, boolean loop) {
    public Replay {
      if (!(rate > 0)) {
        throw new IllegalArgumentException("replay.rate must be above 0, got " + rate);
      }
    }
  }

  public XrplConfig {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    }
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/', got " + path);
    }
    if (sendQueueLimit < 1) {
      throw new IllegalArgumentException("send-queue-limit must be at least 1, got " + sendQueueLimit);
    }
    if (maxRequestBytes < 1024) {
      throw new IllegalArgumentException("max-request-bytes must be at least 1024, got " + maxRequestBytes);
    }
    if (!accountError.equals("malformedAccount") && !accountError.equals("actMalformed")) {
      throw new IllegalArgumentException("account-error is malformedAccount or actMalformed, got " + accountError);
    }
    if (upstream.url() != null && replay.file() != null) {
      throw new IllegalArgumentException("upstream.url and replay.file exclude each other: choose one source");
    }
    admin = List.copyOf(admin);
  }

  XrplError accountErrorToken() {
    return accountError.equals("actMalformed") ? XrplError.ACT_MALFORMED : XrplError.MALFORMED_ACCOUNT;
  }

  public XrplConfig withReplay(Replay r) {
    return new XrplConfig(enabled, host, port, path, admin, sendQueueLimit, maxRequestBytes, accountError, books, upstream, r);
  }

  public XrplConfig withUpstream(Upstream u) {
    return new XrplConfig(enabled, host, port, path, admin, sendQueueLimit, maxRequestBytes, accountError, books, u, replay);
  }

  public XrplConfig withPort(int p) {
    return new XrplConfig(enabled, host, p, path, admin, sendQueueLimit, maxRequestBytes, accountError, books, upstream, replay);
  }

  public XrplConfig withAdmin(List<String> addresses) {
    return new XrplConfig(enabled, host, port, path, addresses, sendQueueLimit, maxRequestBytes, accountError, books, upstream, replay);
  }

  public XrplConfig withSendQueueLimit(int n) {
    return new XrplConfig(enabled, host, port, path, admin, n, maxRequestBytes, accountError, books, upstream, replay);
  }

  public XrplConfig withBookRouting(BookRouting r) {
    return new XrplConfig(enabled, host, port, path, admin, sendQueueLimit, maxRequestBytes, accountError, new Books(r), upstream, replay);
  }

  public XrplConfig withAccountError(String token) {
    return new XrplConfig(enabled, host, port, path, admin, sendQueueLimit, maxRequestBytes, token, books, upstream, replay);
  }

  /** Loopback, any free port, no source, no admin: for tests. */
  public static XrplConfig forTests() {
    return new XrplConfig(true, "127.0.0.1", 0, "/", List.of(), 100, 1_000_000, "malformedAccount",
        new Books(BookRouting.RIPPLED), new Upstream(null, Duration.ofMillis(100), Duration.ofSeconds(5)),
        new Replay(null, 100, false));
  }
}
