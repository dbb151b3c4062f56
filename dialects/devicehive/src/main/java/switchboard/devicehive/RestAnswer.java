package switchboard.devicehive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a REST request answers: a status and a JSON body, or no body (204, and 200 with nothing to say). */
record RestAnswer(int status, JsonNode body) {
  static final RestAnswer NO_CONTENT = new RestAnswer(204, null);

  /** DeviceHive's REST error shape {@code {"error": code, "message": text}} (§2). */
  static RestAnswer error(Failure f) {
    ObjectNode o = Render.object();
    o.put("error", f.code());
    o.put("message", f.message());
    return new RestAnswer(f.code(), o);
  }
}
