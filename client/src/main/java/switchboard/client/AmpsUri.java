package switchboard.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A server address: {@code tcp://[user:pass@]host:port/amps/json}, {@code tcps://...} (TLS),
 * {@code ws://[user:pass@]host:port/amps/json} or {@code wss://...} (protocols/amps.md §1.1, §1.2).
 * The next-to-last path segment must be {@code amps}, and the last, the message type, {@code json}:
 * the only one this client speaks.
 */
record AmpsUri(String scheme, String host, int port, String path, String user, String password) {

  static AmpsUri parse(String text) {
    URI u;
    try {
      u = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URI: " + text, e);
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
    int defaultPort = switch (scheme) {
      case "tcp", "tcps" -> 9007;
      case "ws" -> 80;
      case "wss" -> 443;
      default -> throw new IllegalArgumentException("scheme must be tcp, tcps, ws or wss: " + text);
    };
    if (u.getHost() == null) {
      throw new IllegalArgumentException("no host in " + text);
    }
    String path = u.getRawPath() == null ? "" : u.getRawPath();
    String[] segments = path.split("/");
    if (segments.length < 3 || !segments[segments.length - 2].equals("amps")) {
      throw new IllegalArgumentException("the path must end in /amps/<message type>, e.g. /amps/json: " + text);
    }
    if (!segments[segments.length - 1].equals("json")) {
      throw new IllegalArgumentException("only the json message type is supported: " + text);
    }
    String user = null;
    String password = null;
    if (u.getRawUserInfo() != null) {
      String info = u.getRawUserInfo();
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon));
      password = colon < 0 ? null : decode(info.substring(colon + 1));
    }
    return new AmpsUri(scheme, u.getHost(), u.getPort() < 0 ? defaultPort : u.getPort(), path, user, password);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  boolean webSocket() {
    return scheme.startsWith("ws");
  }

  boolean tls() {
    return scheme.equals("tcps") || scheme.equals("wss");
  }

  /** The WebSocket address, without the credentials (they go in an Authorization header). */
  URI webSocketUri() {
    try {
      return new URI(scheme, null, host, port, path, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The address without the password, for messages and logs. */
  @Override
  public String toString() {
    return scheme + "://" + (user == null ? "" : user + "@") + host + ":" + port + path;
  }
}
