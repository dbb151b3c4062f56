package switchboard.devicehive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import switchboard.core.spi.Command;
import switchboard.core.spi.Device;
import switchboard.core.spi.Notification;

/**
 * The JSON shapes of DeviceHive's records, with every null present (Gson's {@code serializeNulls},
 * §2) and raw JSON ({@code parameters}, {@code result}, {@code data}) passed through as JSON.
 */
final class Render {
  static final ObjectMapper JSON = new ObjectMapper();

  private Render() {}

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** A command push's twelve fields (policy COMMAND_TO_DEVICE, §3 "Push messages"). */
  static ObjectNode command(Command c) {
    ObjectNode o = object();
    o.put("id", c.id());
    o.put("command", c.command());
    o.put("timestamp", Times.format(c.timestamp()));
    o.put("lastUpdated", Times.format(c.lastUpdated()));
    o.put("userId", c.userId());
    o.put("deviceId", c.deviceId());
    o.put("networkId", c.networkId());
    o.put("deviceTypeId", c.deviceTypeId());
    o.set("parameters", raw(c.parameters()));
    o.put("lifetime", c.lifetime());
    o.put("status", c.status());
    o.set("result", raw(c.result()));
    return o;
  }

  /** What {@code command/insert} answers (policy COMMAND_TO_CLIENT). */
  static ObjectNode commandInserted(Command c) {
    ObjectNode o = object();
    o.put("id", c.id());
    o.put("timestamp", Times.format(c.timestamp()));
    o.put("lastUpdated", Times.format(c.lastUpdated()));
    o.put("userId", c.userId());
    return o;
  }

  /** A notification push's seven fields (policy NOTIFICATION_TO_CLIENT). */
  static ObjectNode notification(Notification n) {
    ObjectNode o = object();
    o.put("id", n.id());
    o.put("notification", n.notification());
    o.put("deviceId", n.deviceId());
    o.put("networkId", n.networkId());
    o.put("deviceTypeId", n.deviceTypeId());
    o.put("timestamp", Times.format(n.timestamp()));
    o.set("parameters", raw(n.parameters()));
    return o;
  }

  static ObjectNode notificationInserted(Notification n) {
    ObjectNode o = object();
    o.put("id", n.id());
    o.put("timestamp", Times.format(n.timestamp()));
    return o;
  }

  static ObjectNode device(Device d) {
    ObjectNode o = object();
    o.put("id", d.id());
    o.put("name", d.name());
    o.set("data", raw(d.data()));
    o.put("networkId", d.networkId());
    o.put("deviceTypeId", d.deviceTypeId());
    o.put("isBlocked", d.blocked());
    return o;
  }

  /** Stored raw JSON back as JSON; text that is not JSON stays a string rather than being lost. */
  static JsonNode raw(String text) {
    if (text == null) {
      return NullNode.getInstance();
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(text);
    }
  }

  static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
