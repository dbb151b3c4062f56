package switchboard.devicehive;

import java.util.HashMap;
import java.util.Map;

/**
 * Every operation that the WebSocket API and REST share, by its WebSocket action name. What only a
 * session can do (authenticate, subscriptions) is registered by {@link Requests} alone.
 */
final class Operations {
  private Operations() {}

  static Map<String, Operation> of(DevicehiveDialect d) {
    Map<String, Operation> ops = new HashMap<>();
    AuthActions.register(d, ops);
    DeviceActions.register(d, ops);
    CommandActions.register(d, ops);
    NotificationActions.register(d, ops);
    DeviceListActions.register(d, ops);
    CatalogActions.register(d, ops);
    UserActions.register(d, ops);
    UserLinks.register(d, ops);
    ServerActions.register(d, ops);
    return Map.copyOf(ops);
  }
}
