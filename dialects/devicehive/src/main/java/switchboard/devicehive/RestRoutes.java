package switchboard.devicehive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import switchboard.devicehive.auth.AuthError;

/**
 * The REST endpoints (§6, and the npm client's {@code ApiMap}) and the operation each one runs.
 * A route builds the operation's request from the path's segments, the query parameters and the
 * body (under the key the WebSocket action reads it from), then answers with one field of the reply
 * and DeviceHive's REST status. The first route that fits wins, so fixed paths come before patterns.
 */
final class RestRoutes {
  private static final String GET = "GET";
  private static final String POST = "POST";
  private static final String PUT = "PUT";
  private static final String DELETE = "DELETE";
  /** The body's fields are the request's own fields ({@code POST /token}). */
  private static final String MERGE = "";

  private final DevicehiveDialect d;
  private final List<RestRoute> routes = new ArrayList<>();

  private RestRoutes(DevicehiveDialect d) {
    this.d = d;
  }

  static List<RestRoute> of(DevicehiveDialect d) {
    RestRoutes r = new RestRoutes(d);
    r.server();
    r.tokens();
    r.devices();
    r.commands();
    r.notifications();
    r.networksAndTypes();
    r.users();
    return List.copyOf(r.routes);
  }

  private void server() {
    add(GET, "info", this::info);
    add(GET, "info/cache", op("server/cacheInfo", null, 200, "cacheInfo"));
    add(GET, "info/config/cluster", op("cluster/info", null, 200, "clusterInfo"));
  }

  private void tokens() {
    add(POST, "token", op("token", MERGE, 201, null));
    add(POST, "token/refresh", op("token/refresh", MERGE, 201, null));
    add(POST, "token/create", op("token/create", "payload", 201, null));
  }

  private void devices() {
    add(GET, "device", op("device/list", null, 200, "devices"));
    add(GET, "device/count", op("device/count", null, 200, null));
    add(GET, "device/{deviceId}", op("device/get", null, 200, "device"));
    add(PUT, "device/{deviceId}", op("device/save", "device", 204, null));
    add(DELETE, "device/{deviceId}", op("device/delete", null, 204, null));
  }

  private void commands() {
    add(GET, "device/{deviceId}/command", op("command/list", null, 200, "commands"));
    add(POST, "device/{deviceId}/command", op("command/insert", "command", 201, "command"));
    add(GET, "device/{deviceId}/command/{commandId}", op("command/get", null, 200, "command"));
    add(PUT, "device/{deviceId}/command/{commandId}", op("command/update", "command", 204, null));
    add(GET, "device/{deviceId}/command/{commandId}/poll", call -> CommandPoll.one(d, call));
  }

  private void notifications() {
    add(GET, "device/{deviceId}/notification", op("notification/list", null, 200, "notifications"));
    RestRoute.Handler insert = op("notification/insert", "notification", 201, "notification");
    add(POST, "device/{deviceId}/notification", call -> {
      JsonNode name = call.body() == null ? null : call.body().get("notification");
      if (name != null && (DeviceActions.DEVICE_ADD.equals(name.asText()) || DeviceActions.DEVICE_UPDATE.equals(name.asText()))) {
        throw AuthError.ACCESS_DENIED.exception(); // §3: REST keeps the device events to the server
      }
      return insert.handle(call);
    });
    add(GET, "device/{deviceId}/notification/poll", call -> NotificationPoll.of(d, call));
    add(GET, "device/{deviceId}/notification/{notificationId}", op("notification/get", null, 200, "notification"));
  }

  private void networksAndTypes() {
    add(GET, "network", op("network/list", null, 200, "networks"));
    add(GET, "network/count", op("network/count", null, 200, null));
    add(POST, "network", op("network/insert", "network", 201, "network"));
    add(GET, "network/{networkId}", op("network/get", null, 200, "network"));
    add(PUT, "network/{networkId}", op("network/update", "network", 204, null));
    add(DELETE, "network/{networkId}", op("network/delete", null, 204, null));
    add(GET, "devicetype", op("devicetype/list", null, 200, "deviceTypes"));
    add(GET, "devicetype/count", op("devicetype/count", null, 200, null));
    add(POST, "devicetype", op("devicetype/insert", "deviceType", 201, "deviceType"));
    add(GET, "devicetype/{deviceTypeId}", op("devicetype/get", null, 200, "deviceType"));
    add(PUT, "devicetype/{deviceTypeId}", op("devicetype/update", "deviceType", 204, null));
    add(DELETE, "devicetype/{deviceTypeId}", op("devicetype/delete", null, 204, null));
  }

  private void users() {
    add(GET, "user", op("user/list", null, 200, "users"));
    add(GET, "user/count", op("user/count", null, 200, null));
    add(POST, "user", op("user/insert", "user", 201, "user"));
    add(GET, "user/current", op("user/getCurrent", null, 200, "current"));
    add(PUT, "user/current", op("user/updateCurrent", "user", 204, null));
    add(GET, "user/{userId}", op("user/get", null, 200, "user"));
    add(PUT, "user/{userId}", op("user/update", "user", 204, null));
    add(DELETE, "user/{userId}", op("user/delete", null, 204, null));
    add(GET, "user/{userId}/network/{networkId}", op("user/getNetwork", null, 200, null));
    add(PUT, "user/{userId}/network/{networkId}", op("user/assignNetwork", null, 204, null));
    add(DELETE, "user/{userId}/network/{networkId}", op("user/unassignNetwork", null, 204, null));
    add(GET, "user/{userId}/devicetype", op("user/getDeviceTypes", null, 200, "deviceTypes"));
    add(PUT, "user/{userId}/devicetype/all", op("user/assignAllDeviceTypes", null, 204, null));
    add(DELETE, "user/{userId}/devicetype/all", op("user/unassignAllDeviceTypes", null, 204, null));
    add(GET, "user/{userId}/devicetype/{deviceTypeId}", op("user/getDeviceType", null, 200, null));
    add(PUT, "user/{userId}/devicetype/{deviceTypeId}", op("user/assignDeviceType", null, 204, null));
    add(DELETE, "user/{userId}/devicetype/{deviceTypeId}", op("user/unassignDeviceType", null, 204, null));
  }

  private void add(String method, String pattern, RestRoute.Handler handler) {
    routes.add(RestRoute.of(method, pattern, handler));
  }

  /**
   * Runs the operation on a request made of the path segments, the query parameters and the body
   * ({@code bodyKey} null: no body; {@link #MERGE}: its fields at the top), and answers with the
   * reply's {@code field} (null: every field) and {@code status} (204 has no body).
   */
  private RestRoute.Handler op(String action, String bodyKey, int status, String field) {
    Operation op = d.operations().get(action);
    if (op == null) {
      throw new IllegalStateException("no operation " + action);
    }
    return call -> {
      ObjectNode fields = Render.object();
      call.query().forEach((k, v) -> {
        if (!v.isEmpty()) {
          fields.put(k, v.get(0));
        }
      });
      call.path().forEach(fields::put);
      if (bodyKey != null && call.body() != null) {
        if (!bodyKey.isEmpty()) {
          fields.set(bodyKey, call.body());
        } else if (call.body().isObject()) {
          fields.setAll((ObjectNode) call.body());
        } else {
          throw DhException.malformed();
        }
      }
      return op.run(call.caller(), new Request(action, NullNode.getInstance(), fields)).thenApply(reply -> {
        if (status == 204) {
          return RestAnswer.NO_CONTENT;
        }
        JsonNode out = reply.fields() == null ? null : field == null ? reply.fields() : reply.fields().get(field);
        return new RestAnswer(status, out);
      });
    };
  }

  /** {@code GET /info} (§1): the WebSocket URL on the Host the client used. */
  private java.util.concurrent.CompletionStage<RestAnswer> info(RestCall call) {
    ObjectNode o = Render.object();
    o.put("apiVersion", AuthActions.API_VERSION);
    o.put("serverTimestamp", Times.format(d.clock().instant()));
    String host = call.caller().host();
    o.put("webSocketServerUrl", host == null ? null : "ws://" + host + "/dh/websocket");
    return CompletableFuture.completedFuture(new RestAnswer(200, o));
  }
}
