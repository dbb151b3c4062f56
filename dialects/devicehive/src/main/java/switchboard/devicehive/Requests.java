package switchboard.devicehive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import switchboard.core.SubscriptionLimitException;
import switchboard.devicehive.auth.AuthException;

/**
 * Reads a request, dispatches it by {@code action}, and writes the envelope (§2): success is
 * {@code {action, requestId, status:"success", ...}}, failure {@code {action, requestId, code,
 * status:"error", error}}, with {@code requestId} echoed verbatim and null when absent.
 */
final class Requests {
  private static final Logger log = LoggerFactory.getLogger(Requests.class);
  private final Map<String, Action> actions = new HashMap<>();

  Requests(DevicehiveDialect dialect) {
    AuthActions.register(dialect, actions);
    DeviceActions.register(dialect, actions);
    CommandActions.register(dialect, actions);
    NotificationActions.register(dialect, actions);
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
    Throwable e = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    int code;
    String text;
    if (e instanceof DhException d) {
      code = d.code;
      text = d.getMessage();
    } else if (e instanceof AuthException a) {
      code = a.error().code();
      text = a.error().message();
    } else if (e instanceof SubscriptionLimitException) {
      code = 403;
      text = e.getMessage();
    } else {
      log.warn("devicehive {} failed", r == null ? null : r.action(), e);
      code = 500;
      text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    ObjectNode o = r == null ? Render.object() : echo(r);
    o.put("code", code);
    o.put("status", "error");
    o.put("error", text);
    return o;
  }

  private static ObjectNode echo(Request r) {
    ObjectNode o = Render.object();
    o.put("action", r.action());
    o.set("requestId", r.requestId());
    return o;
  }
}
