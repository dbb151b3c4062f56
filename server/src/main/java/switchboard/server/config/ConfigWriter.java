package switchboard.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The inverse of {@link ConfigBinder}: config records back to a tree that binds to equal records. */
final class ConfigWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ConfigWriter() {}

  static JsonNode tree(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof Record r) {
      return record(r);
    }
    if (value instanceof Duration d) {
      return NODES.textNode(Durations.format(d));
    }
    if (value instanceof Enum<?> e) {
      return NODES.textNode(Keys.kebab(e.name()));
    }
    if (value instanceof String || value instanceof Path) {
      return NODES.textNode(value.toString());
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof List<?> list) {
      ArrayNode out = NODES.arrayNode();
      list.forEach(v -> out.add(tree(v)));
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode out = NODES.objectNode();
      map.forEach((k, v) -> out.set(k.toString(), tree(v)));
      return out;
    }
    throw new IllegalArgumentException("config value of " + value.getClass() + " is not supported");
  }

  private static ObjectNode record(Record r) {
    ObjectNode out = NODES.objectNode();
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      try {
        c.getAccessor().setAccessible(true);
        out.set(Keys.kebab(c.getName()), tree(c.getAccessor().invoke(r)));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + c, e);
      }
    }
    return out;
  }
}
