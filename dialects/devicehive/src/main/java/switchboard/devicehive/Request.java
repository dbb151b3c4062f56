package switchboard.devicehive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One WebSocket request: its action, its {@code requestId} (any JSON, echoed verbatim; null when
 * absent) and the whole object for the action's own fields. The readers throw 400 "Malformed Json
 * received." for a field of the wrong JSON type, as DeviceHive's Gson reading does (§2).
 */
record Request(String action, JsonNode requestId, ObjectNode body) {

  JsonNode get(String field) {
    JsonNode n = body.get(field);
    return n == null || n.isNull() ? null : n;
  }

  boolean has(String field) {
    return get(field) != null;
  }

  /** {@code deviceId}: a string, or a number coerced to one (§3). */
  String deviceId() {
    return text(body, "deviceId");
  }

  ObjectNode object(String field) {
    JsonNode n = get(field);
    if (n == null) {
      return null;
    }
    if (!n.isObject()) {
      throw DhException.malformed();
    }
    return (ObjectNode) n;
  }

  String text(String field) {
    return text(body, field);
  }

  Long longValue(String field) {
    return longValue(body, field);
  }

  Integer intValue(String field) {
    Long v = longValue(field);
    if (v != null && (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)) {
      throw DhException.malformed();
    }
    return v == null ? null : v.intValue();
  }

  boolean bool(String field) {
    JsonNode n = get(field);
    if (n == null) {
      return false;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isTextual() && ("true".equalsIgnoreCase(n.textValue()) || "false".equalsIgnoreCase(n.textValue()))) {
      return Boolean.parseBoolean(n.textValue());
    }
    throw DhException.malformed();
  }

  Instant timestamp(String field) {
    JsonNode n = get(field);
    if (n == null) {
      return null;
    }
    if (n.isIntegralNumber()) {
      return Instant.ofEpochMilli(n.longValue());
    }
    if (!n.isTextual()) {
      throw DhException.malformed();
    }
    return Times.parse(n.textValue());
  }

  /** A JSON array of ids (numbers or digit strings); null when absent. */
  Set<Long> longSet(String field) {
    JsonNode n = get(field);
    if (n == null) {
      return null;
    }
    if (!n.isArray()) {
      throw DhException.malformed();
    }
    Set<Long> out = new LinkedHashSet<>();
    for (JsonNode e : n) {
      out.add(asLong(e));
    }
    return out;
  }

  /** A JSON array of strings; null when absent. */
  Set<String> stringSet(String field) {
    JsonNode n = get(field);
    if (n == null) {
      return null;
    }
    if (!n.isArray()) {
      throw DhException.malformed();
    }
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode e : n) {
      if (!e.isValueNode() || e.isNull()) {
        throw DhException.malformed();
      }
      out.add(e.asText());
    }
    return out;
  }

  static String text(JsonNode obj, String field) {
    JsonNode n = obj.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isNumber() || n.isBoolean()) {
      return n.asText();
    }
    throw DhException.malformed();
  }

  static Long longValue(JsonNode obj, String field) {
    JsonNode n = obj.get(field);
    return n == null || n.isNull() ? null : asLong(n);
  }

  static Long asLong(JsonNode n) {
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      return n.longValue();
    }
    if (n.isTextual()) {
      try {
        return Long.parseLong(n.textValue().trim());
      } catch (NumberFormatException e) {
        throw DhException.malformed();
      }
    }
    throw DhException.malformed();
  }

  /** Raw JSON a client sent for {@code parameters}, {@code result} or {@code data}; null when absent. */
  static String raw(JsonNode obj, String field) {
    JsonNode n = obj == null ? null : obj.get(field);
    return n == null || n.isNull() ? null : n.toString();
  }
}
