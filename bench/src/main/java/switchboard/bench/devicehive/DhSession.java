package switchboard.bench.devicehive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;

/** DeviceHive WebSocket requests during set-up: send one, wait for its reply, fail on an error. */
final class DhSession {
  static final ObjectMapper JSON = new ObjectMapper();
  private final WsClient ws;
  private int nextId = 1;

  DhSession(WsClient ws) {
    this.ws = ws;
  }

  WsClient ws() {
    return ws;
  }

  static DhSession open(InetSocketAddress addr, String path) throws IOException {
    return new DhSession(WsClient.open(addr, path));
  }

  /** Sends {@code request} with a fresh requestId and returns the reply with that requestId. */
  JsonNode call(ObjectNode request) throws IOException {
    int id = nextId++;
    request.put("requestId", id);
    ws.send(JSON.writeValueAsString(request));
    while (true) {
      JsonNode reply = JSON.readTree(ws.receive());
      if (reply.path("requestId").asInt(-1) == id) {
        if (!"success".equals(reply.path("status").asText())) {
          throw new IOException(request.path("action").asText() + " failed: " + reply);
        }
        return reply;
      }
    }
  }

  static ObjectNode action(String name) {
    return JSON.createObjectNode().put("action", name);
  }

  /** A token for login and password. */
  String token(String login, String password) throws IOException {
    return call(action("token").put("login", login).put("password", password)).path("accessToken").asText();
  }

  void authenticate(String token) throws IOException {
    call(action("authenticate").put("token", token));
  }

  /** A network and a device in it, for the benchmark's own use. */
  void createDevice(String deviceId) throws IOException {
    ObjectNode net = action("network/insert");
    net.putObject("network").put("name", "bench-" + deviceId).put("description", "benchmark");
    long networkId = call(net).path("network").path("id").asLong();
    ObjectNode dev = action("device/save").put("deviceId", deviceId);
    dev.putObject("device").put("name", deviceId).put("networkId", networkId);
    call(dev);
  }

  /** Subscribes to the device's notifications; returns the subscription id. */
  long subscribeNotifications(String deviceId) throws IOException {
    return call(action("notification/subscribe").put("deviceId", deviceId)).path("subscriptionId").asLong();
  }
}
