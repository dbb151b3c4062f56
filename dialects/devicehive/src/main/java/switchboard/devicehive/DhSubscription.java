package switchboard.devicehive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One command or notification subscription of a connection, as the client asked for it (seed 003
 * lists the requested values, nulls meaning all), and its replay state. Touched on the connection's
 * event loop only.
 *
 * <p>A subscription with a {@code timestamp} is held from the moment the engine knows it until its
 * replay has been read: live pushes wait in {@link #held}, so the client sees the subscribe reply,
 * then the replay, then live pushes, none twice (§4 "Ordering").
 */
final class DhSubscription {
  static final String COMMAND = "command";
  static final String NOTIFICATION = "notification";

  final long id;
  final String type;
  final String deviceId;
  final Set<Long> networkIds;
  final Set<Long> deviceTypeIds;
  final Set<String> names;
  final Instant timestamp;
  private List<DhEvent> held;

  DhSubscription(long id, String type, String deviceId, Set<Long> networkIds, Set<Long> deviceTypeIds,
      Set<String> names, Instant timestamp) {
    this.id = id;
    this.type = type;
    this.deviceId = deviceId;
    this.networkIds = networkIds;
    this.deviceTypeIds = deviceTypeIds;
    this.names = names;
    this.timestamp = timestamp;
    this.held = timestamp == null ? null : new ArrayList<>();
  }

  /** True when the push must wait for the replay; the event is then kept. */
  boolean hold(DhEvent e) {
    if (held == null) {
      return false;
    }
    held.add(e);
    return true;
  }

  /** Ends the hold: what arrived live meanwhile, less what the replay already covers. */
  List<DhEvent> release(Set<Long> replayedIds) {
    List<DhEvent> out = new ArrayList<>();
    if (held != null) {
      for (DhEvent e : held) {
        if (!replayedIds.contains(e.id())) {
          out.add(e);
        }
      }
    }
    held = null;
    return out;
  }

  /** A seed 003 entry. */
  ObjectNode describe() {
    ObjectNode o = Render.object();
    o.put("subscriptionId", id);
    o.put("type", type);
    o.put("deviceId", deviceId);
    putArray(o, "networkIds", networkIds);
    putArray(o, "deviceTypeIds", deviceTypeIds);
    putArray(o, "names", names);
    o.put("timestamp", Times.format(timestamp));
    return o;
  }

  private static void putArray(ObjectNode o, String field, Set<?> values) {
    if (values == null) {
      o.putNull(field);
    } else {
      o.set(field, Render.JSON.valueToTree(values));
    }
  }
}
