package switchboard.transport;

/**
 * One wire dialect (amps, devicehive, xrpl). A dialect gets what it needs (the hub, its config) by
 * constructor, then registers its endpoints, routes and extra listeners before the server binds.
 */
public interface Dialect extends AutoCloseable {

  /** The dialect's name, as metrics and /health label it. */
  String name();

  /** Registers WebSocket endpoints, HTTP routes and listeners; called once, before binding. */
  void install(Routes routes);

  /** What /health shows for this dialect beside its connection count (the state of a feed, say). */
  default java.util.Map<String, Object> health() {
    return java.util.Map.of();
  }

  /** Called once every listener is bound (start upstream feeds, timers ...). */
  default void start() {}

  /** Stops what {@link #start()} started. Connections are closed by the transport. */
  @Override
  default void close() {}
}
