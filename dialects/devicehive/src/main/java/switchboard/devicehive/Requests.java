package switchboard.devicehive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Reads a request, dispatches it by {@code action}, and writes the envelope (§2): success is
 * {@code {action, requestId, status:"success", ...}}, failure {@code {action, requestId, code,
 * status:"error", error}}, with {@code requestId} echoed verbatim and null when absent.
 */
final class Requests {
  private final Map<String, Action> actions = new HashMap<>();

  Requests(DevicehiveDialect dialect, Map<String, Operation> operations) {
    operations.forEach((name, op) -> actions.put(name, op::run));
    actions.put("authenticate", (c, r) -> AuthActions.authenticate(dialect, c, r.text("token")).thenApply(p -> Reply.EMPTY));
    SubscriptionActions.register(dialect, actions);
  }

  /** Handles one frame; the stage completes on the event loop once the reply is written. */
  CompletionStage<?> handle(DhConnection c, byte[] frame) {
    ObjectNode body;
    try {
      JsonNode n = Render.JSON.readTree(frame);
      if (n == null || !n.isObject()) {
        throw new IOException("not an object");
      }
      body = (ObjectNode) n;
    } catch (IOException e) {
      c.sendJson(Render.bytes(error(null, DhException.malformed())));
      return CompletableFuture.completedFuture(null);
    }
    JsonNode requestId = body.hasNonNull("requestId") ? body.get("requestId") : NullNode.getInstance();
    JsonNode actionNode = body.get("action");
    String action = actionNode != null && actionNode.isTextual() ? actionNode.textValue() : null;
    Request r = new Request(action, requestId, body);
    CompletionStage<Reply> stage;
    try {
      Action a = action == null ? null : actions.get(action);
      if (a == null) {
        throw action == null ? DhException.noAction() : DhException.illegalAction(action);
      }
      stage = a.run(c, r);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    return stage.handle((reply, err) -> {
      if (err != null) {
        c.sendJson(Render.bytes(error(r, err)));
        return CompletableFuture.completedFuture(null);
      }
      c.sendJson(Render.bytes(success(r, reply.fields())));
      return reply.after() == null ? CompletableFuture.completedFuture(null) : reply.after().get();
    }).thenCompose(after -> after);
  }

  static ObjectNode success(Request r, ObjectNode fields) {
    ObjectNode o = echo(r);
    o.put("status", "success");
    if (fields != null) {
      o.setAll(fields);
    }
    return o;
  }

  /** The error reply; with no request (unparseable JSON) there is nothing to echo (§2). */
  static ObjectNode error(Request r, Throwable failure) {
    Failure f = Failure.of(failure, r == null ? null : r.action());
    ObjectNode o = r == null ? Render.object() : echo(r);
    o.put("code", f.code());
    o.put("status", "error");
    o.put("error", f.message());
    return o;
  }

  private static ObjectNode echo(Request r) {
    ObjectNode o = Render.object();
    o.put("action", r.action());
    o.set("requestId", r.requestId());
    return o;
  }
}
