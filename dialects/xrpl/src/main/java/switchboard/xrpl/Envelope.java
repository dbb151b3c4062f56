package switchboard.xrpl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.TreeSet;

/**
 * rippled's WebSocket response envelopes (protocols/xrpl.md §2). Keys are written in alphabetical
 * order, as rippled's own JSON objects are. {@code id}, {@code api_version}, {@code jsonrpc} and
 * {@code ripplerpc} are echoed verbatim when the request had them.
 */
final class Envelope {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> ECHOED = List.of("id", "api_version", "jsonrpc", "ripplerpc");
  private static final List<String> SECRETS = List.of("secret", "seed", "seed_hex", "passphrase");

  private Envelope() {}

  /** {@code {id, result, status:"success", type:"response"}}. */
  static ObjectNode success(JsonNode request, ObjectNode result) {
    ObjectNode r = NODES.objectNode();
    r.set("result", result);
    r.put("status", "success");
    return finish(request, r);
  }

  /** The error's fields hoisted to the top level, with the original request. */
  static ObjectNode error(JsonNode request, XrplError error, String message) {
    ObjectNode r = NODES.objectNode();
    r.put("error", error.token);
    r.put("error_code", error.code);
    r.put("error_message", message);
    r.set("request", masked(request));
    r.put("status", "error");
    return finish(request, r);
  }

  /**
   * The envelope rippled answers before dispatch, with the token only: {@code missingCommand} or
   * {@code invalid_API_version}.
   */
  static ObjectNode rejected(JsonNode request, String token) {
    ObjectNode r = NODES.objectNode();
    r.put("error", token);
    r.set("request", request);
    r.put("status", "error");
    return finish(request, r);
  }

  /** What rippled sends for a frame that is not a JSON object: {@code type:"error"}, the raw text. */
  static ObjectNode jsonInvalid(String raw) {
    ObjectNode r = NODES.objectNode();
    r.put("error", "jsonInvalid");
    r.put("type", "error");
    r.put("value", raw);
    return r;
  }

  private static ObjectNode finish(JsonNode request, ObjectNode r) {
    for (String k : ECHOED) {
      if (request.has(k)) {
        r.set(k, request.get(k));
      }
    }
    r.put("type", "response");
    return sorted(r);
  }

  static ObjectNode sorted(ObjectNode o) {
    ObjectNode s = NODES.objectNode();
    for (String k : new TreeSet<>(iterable(o))) {
      s.set(k, o.get(k));
    }
    return s;
  }

  private static List<String> iterable(ObjectNode o) {
    List<String> names = new java.util.ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode masked(JsonNode request) {
    if (!(request instanceof ObjectNode o) || SECRETS.stream().noneMatch(o::has)) {
      return request;
    }
    ObjectNode copy = o.deepCopy();
    for (String k : SECRETS) {
      if (copy.has(k)) {
        copy.put(k, "<masked>");
      }
    }
    return copy;
  }

  static byte[] bytes(JsonNode n) {
    try {
      return JSON.writeValueAsBytes(n);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }
}
