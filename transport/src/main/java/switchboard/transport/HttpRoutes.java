package switchboard.transport;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The routes of one HTTP listener; filled before binding, read by every connection's router. */
final class HttpRoutes implements Routes.HttpListener {
  record Prefix(String prefix, HttpHandler handler) {}

  final String name;
  final String host;
  final int port;
  private final Map<String, Endpoint> webSockets = new LinkedHashMap<>();
  private final Map<String, HttpHandler> exact = new LinkedHashMap<>();
  private final List<Prefix> prefixes = new CopyOnWriteArrayList<>();

  HttpRoutes(String name, String host, int port) {
    this.name = name;
    this.host = host;
    this.port = port;
  }

  @Override
  public synchronized Routes.HttpListener webSocket(String path, Endpoint endpoint) {
    requirePath(path);
    if (webSockets.putIfAbsent(path, endpoint) != null) {
      throw new IllegalStateException("WebSocket path " + path + " registered twice on listener " + name);
    }
    return this;
  }

  @Override
  public synchronized Routes.HttpListener route(String path, HttpHandler handler) {
    requirePath(path);
    if (exact.putIfAbsent(path, handler) != null) {
      throw new IllegalStateException("HTTP path " + path + " registered twice on listener " + name);
    }
    return this;
  }

  @Override
  public synchronized Routes.HttpListener routePrefix(String prefix, HttpHandler handler) {
    requirePath(prefix);
    String p = prefix.endsWith("/") && prefix.length() > 1 ? prefix.substring(0, prefix.length() - 1) : prefix;
    prefixes.add(new Prefix(p, handler));
    prefixes.sort(Comparator.comparingInt((Prefix x) -> x.prefix().length()).reversed());
    return this;
  }

  synchronized Endpoint webSocketFor(String path) {
    return webSockets.get(path);
  }

  synchronized HttpHandler handlerFor(String path) {
    HttpHandler h = exact.get(path);
    if (h != null) {
      return h;
    }
    for (Prefix p : prefixes) {
      if (path.equals(p.prefix()) || path.startsWith(p.prefix().equals("/") ? "/" : p.prefix() + "/")) {
        return p.handler();
      }
    }
    return null;
  }

  private static void requirePath(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("a path starts with '/': " + path);
    }
  }
}
