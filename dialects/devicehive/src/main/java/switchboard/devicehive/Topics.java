package switchboard.devicehive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import switchboard.core.Message;
import switchboard.core.spi.Command;
import switchboard.core.spi.Notification;

/**
 * The engine topics DeviceHive's events go to, and the index keys they carry. A subscription is a set
 * of key constraints over these keys ({@link #DEVICE}, or {@link #NETWORK} with {@link #TYPE}, and
 * {@link #NAME}), so a publish costs in proportion to the subscriptions it matches (§4 "Matching").
 */
final class Topics {
  static final String COMMAND = "devicehive.command";
  static final String COMMAND_UPDATE = "devicehive.command.update";
  static final String NOTIFICATION = "devicehive.notification";

  static final String DEVICE = "deviceId";
  static final String NETWORK = "networkId";
  static final String TYPE = "deviceTypeId";
  static final String NAME = "name";

  private Topics() {}

  static Message commandInserted(Command c) {
    return command(COMMAND, "command/insert", c);
  }

  static Message commandUpdated(Command c) {
    return command(COMMAND_UPDATE, "command/update", c);
  }

  private static Message command(String topic, String action, Command c) {
    ObjectNode body = Render.command(c);
    DhEvent event = DhEvent.of(action, "command", c.id(), body);
    return keyed(Message.builder(topic), c.deviceId(), c.networkId(), c.deviceTypeId(), c.command())
        .key(c.deviceId())
        .timestamp(c.timestamp().toEpochMilli())
        .payload(Render.bytes(body)) // plain JSON, for subscribers of other dialects
        .json(body)
        .attachment(event)
        .build();
  }

  static Message notification(Notification n) {
    ObjectNode body = Render.notification(n);
    DhEvent event = DhEvent.of("notification/insert", "notification", n.id(), body);
    return keyed(Message.builder(NOTIFICATION), n.deviceId(), n.networkId(), n.deviceTypeId(), n.notification())
        .key(n.deviceId())
        .timestamp(n.timestamp().toEpochMilli())
        .payload(Render.bytes(body))
        .json(body)
        .attachment(event)
        .build();
  }

  private static Message.Builder keyed(Message.Builder b, String device, Long network, Long type, String name) {
    b.indexKey(DEVICE, device);
    b.indexKey(NETWORK, values(network));
    b.indexKey(TYPE, values(type));
    if (name != null) {
      b.indexKey(NAME, name);
    }
    return b;
  }

  private static List<String> values(Long id) {
    List<String> v = new ArrayList<>(1);
    if (id != null) {
      v.add(String.valueOf(id));
    }
    return v;
  }
}
