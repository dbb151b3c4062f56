package switchboard.xrpl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * One request in, one response out (protocols/xrpl.md §1–2): the envelope checks rippled makes before
 * dispatch, then {@code subscribe}, {@code unsubscribe}, {@code ping} and {@code server_info}. Runs on
 * the connection's event loop.
 */
final class XrplCommands {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final XrplDialect dialect;

  XrplCommands(XrplDialect dialect) {
    this.dialect = dialect;
  }

  void handle(XrplConnection c, byte[] frame) {
    if (frame.length > dialect.config().maxRequestBytes()) {
      c.reply(Envelope.jsonInvalid(new String(frame, StandardCharsets.UTF_8)));
      return;
    }
    ObjectNode req = Feed.parse(new String(frame, StandardCharsets.UTF_8));
    if (req == null) {
      c.reply(Envelope.jsonInvalid(new String(frame, StandardCharsets.UTF_8)));
      return;
    }
    c.reply(respond(c, req));
  }

  ObjectNode respond(XrplConnection c, ObjectNode req) {
    JsonNode command = req.get("command");
    JsonNode method = req.get("method");
    int apiVersion = apiVersion(req);
    if (apiVersion == 0) {
      return Envelope.rejected(req, "invalid_API_version");
    }
    if ((command == null && method == null)
        || (command != null && !command.isTextual())
        || (method != null && !method.isTextual())
        || (command != null && method != null && !command.asText().equals(method.asText()))) {
      return Envelope.rejected(req, "missingCommand");
    }
    String name = command != null ? command.asText() : method.asText();
    try {
      ObjectNode result = switch (name) {
        case "subscribe" -> subscribe(c, req, apiVersion);
        case "unsubscribe" -> unsubscribe(c, req);
        case "ping" -> ping(c);
        case "server_info" -> ServerInfo.of(dialect);
        default -> throw XrplError.UNKNOWN_COMMAND.fail();
      };
      return Envelope.success(req, result);
    } catch (XrplException e) {
      return Envelope.error(req, e.error, e.getMessage());
    }
  }

  /** The request's api_version: 1 when absent, 0 when not a supported one (1 or 2). */
  static int apiVersion(JsonNode req) {
    JsonNode v = req.get("api_version");
    if (v == null) {
      return 1;
    }
    if (!v.isIntegralNumber() || v.asLong() < 1 || v.asLong() > 2) {
      return 0;
    }
    return v.asInt();
  }

  private ObjectNode subscribe(XrplConnection c, ObjectNode req, int apiVersion) throws XrplException {
    SubscriptionRequest r = SubscriptionRequest.read(req, true, c.admin, dialect.config().accountErrorToken());
    if (r.url() != null) {
      dialect.urlSubscribers().subscribe(r, apiVersion);
      return NODES.objectNode();
    }
    Subscriptions subs = dialect.subscriptions();
    if (c.subscriptionCount() + subs.newCount(c, r) > dialect.maxSubscriptions()) {
      throw XrplError.INVALID_PARAMS.fail("Too many subscriptions on one connection (limit " + dialect.maxSubscriptions() + ").");
    }
    c.apiVersion = apiVersion;
    subs.subscribe(c, c, r);
    ObjectNode result = NODES.objectNode();
    if (r.streams().contains(Stream.LEDGER)) {
      ServerInfo.ledger(dialect.feed().state(), result);
    }
    if (r.streams().contains(Stream.SERVER)) {
      ServerInfo.server(dialect, result);
    }
    return result;
  }

  private ObjectNode unsubscribe(XrplConnection c, ObjectNode req) throws XrplException {
    SubscriptionRequest r = SubscriptionRequest.read(req, false, c.admin, dialect.config().accountErrorToken());
    if (r.url() != null) {
      dialect.urlSubscribers().unsubscribe(r);
    } else {
      dialect.subscriptions().unsubscribe(c, c, r);
    }
    return NODES.objectNode();
  }

  private static ObjectNode ping(XrplConnection c) {
    ObjectNode result = NODES.objectNode();
    if (c.admin) {
      result.put("role", "admin");
    }
    return result;
  }
}
