package switchboard.transport;

/** What a {@link Dialect} registers with the transport. */
public interface Routes {

  /** The main HTTP listener (port {@code http.port}). */
  HttpListener http();

  /**
   * An extra HTTP listener on its own port, for WebSocket endpoints that live at {@code /} on a port
   * of their own (xrpl on 6006). Same limits and upgrade rules as the main listener.
   */
  HttpListener httpListener(String name, String host, int port);

  /** An extra TCP listener whose frames are a 4-byte big-endian length and then that many bytes. */
  void tcpListener(String name, String host, int port, Endpoint endpoint);

  /** Routes of one HTTP listener. Paths are matched without the query string. */
  interface HttpListener {
    /** Upgrades WebSocket requests for exactly this path (a query string may follow). */
    HttpListener webSocket(String path, Endpoint endpoint);

    /** Answers requests for exactly this path. */
    HttpListener route(String path, HttpHandler handler);

    /** Answers requests for this path and everything under it ({@code /dh/rest} covers {@code /dh/rest/info}). */
    HttpListener routePrefix(String prefix, HttpHandler handler);
  }
}
