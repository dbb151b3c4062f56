package switchboard.amps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What a delta subscription receives when a State-of-the-World record is updated (protocols/amps.md
 * §3.3): the fields whose values changed, nested objects compared field by field, and the key fields,
 * so the client can tell which record it is. A field the update removed is not expressed.
 */
final class Deltas {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Deltas() {}

  /**
   * @param body the changed fields and the key fields, as JSON
   * @param empty true when no field changed
   */
  record Delta(byte[] body, boolean empty) {}

  static Delta of(List<String[]> keyPaths, JsonNode before, JsonNode after) {
    if (!(after instanceof ObjectNode a)) {
      return new Delta(bytes(after), false);
    }
    ObjectNode delta = JSON.createObjectNode();
    boolean changed = true;
    if (before instanceof ObjectNode b) {
      changed = diff(b, a, delta);
    } else {
      delta.setAll(a);
    }
    for (String[] path : keyPaths) {
      copy(a, delta, path);
    }
    return new Delta(bytes(delta), !changed);
  }

  /** Writes into {@code out} what in {@code after} differs from {@code before}; true when anything did. */
  private static boolean diff(ObjectNode before, ObjectNode after, ObjectNode out) {
    boolean changed = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode was = before.get(e.getKey());
      JsonNode now = e.getValue();
      if (was instanceof ObjectNode w && now instanceof ObjectNode n) {
        ObjectNode sub = JSON.createObjectNode();
        if (diff(w, n, sub)) {
          out.set(e.getKey(), sub);
          changed = true;
        }
      } else if (!now.equals(was)) {
        out.set(e.getKey(), now);
        changed = true;
      }
    }
    return changed;
  }

  /** Copies the value at this path from the record into the delta, creating the objects on the way. */
  private static void copy(ObjectNode record, ObjectNode delta, String[] path) {
    JsonNode from = record;
    ObjectNode to = delta;
    for (int i = 0; i < path.length - 1; i++) {
      from = from.path(path[i]);
      JsonNode next = to.get(path[i]);
      to = next instanceof ObjectNode o ? o : to.putObject(path[i]);
    }
    JsonNode v = from.get(path[path.length - 1]);
    if (v != null) {
      to.set(path[path.length - 1], v);
    }
  }

  private static byte[] bytes(JsonNode n) {
    try {
      return JSON.writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }
}
