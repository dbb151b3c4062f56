package switchboard.xrpl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import switchboard.core.Subscription;

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

  /**
   * Answers a request, or queues it behind one whose answer is still awaited (a snapshot from the
   * upstream), so answers leave in request order.
   */
  void handle(XrplConnection c, byte[] frame) {
    if (c.awaiting) {
      if (c.queued.size() >= XrplConnection.MAX_QUEUED_REQUESTS) {
        c.tooManyRequests();
        return;
      }
      c.queued.add(frame);
      return;
    }
    process(c, frame);
  }

  private void process(XrplConnection c, byte[] frame) {
    ObjectNode req = frame.length > dialect.config().maxRequestBytes() ? null : Feed.parse(frame);
    if (req == null) {
      c.reply(Envelope.jsonInvalid(new String(frame, StandardCharsets.UTF_8)));
      return;
    }
    CompletableFuture<ObjectNode> answer = respond(c, req);
    if (answer.isDone()) {
      c.reply(answer.join());
      return;
    }
    c.awaiting = true;
    answer.whenComplete((r, e) -> c.channel().eventLoop().execute(() -> {
      c.reply(r != null ? r : Envelope.error(req, XrplError.INTERNAL, XrplError.INTERNAL.message));
      c.awaiting = false;
      while (!c.awaiting && !c.queued.isEmpty()) {
        process(c, c.queued.poll());
      }
    }));
  }

  CompletableFuture<ObjectNode> respond(XrplConnection c, ObjectNode req) {
    JsonNode command = req.get("command");
    JsonNode method = req.get("method");
    int apiVersion = apiVersion(req);
    if (apiVersion == 0) {
      return CompletableFuture.completedFuture(Envelope.rejected(req, "invalid_API_version"));
    }
    if ((command == null && method == null)
        || (command != null && !command.isTextual())
        || (method != null && !method.isTextual())
        || (command != null && method != null && !command.asText().equals(method.asText()))) {
      return CompletableFuture.completedFuture(Envelope.rejected(req, "missingCommand"));
    }
    String name = command != null ? command.asText() : method.asText();
    try {
      CompletableFuture<ObjectNode> result = switch (name) {
        case "subscribe" -> subscribe(c, req, apiVersion);
        case "unsubscribe" -> done(unsubscribe(c, req));
        case "ping" -> done(ping(c));
        case "server_info" -> done(ServerInfo.of(dialect));
        default -> throw XrplError.UNKNOWN_COMMAND.fail();
      };
      return result.handle((r, e) -> {
        if (e == null) {
          return Envelope.success(req, r);
        }
        Throwable cause = e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
        XrplException x = cause instanceof XrplException xe ? xe : XrplError.INTERNAL.fail();
        return Envelope.error(req, x.error, x.getMessage());
      });
    } catch (XrplException e) {
      return done(Envelope.error(req, e.error, e.getMessage()));
    }
  }

  private static CompletableFuture<ObjectNode> done(ObjectNode n) {
    return CompletableFuture.completedFuture(n);
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

  private CompletableFuture<ObjectNode> subscribe(XrplConnection c, ObjectNode req, int apiVersion) throws XrplException {
    SubscriptionRequest r = SubscriptionRequest.read(req, true, c.admin, dialect.config().accountErrorToken());
    List<SubscriptionRequest.BookRequest> snapshots = r.books().stream().filter(SubscriptionRequest.BookRequest::snapshot).toList();
    UpstreamSource upstream = dialect.upstream();
    if (!snapshots.isEmpty() && (upstream == null || !upstream.isConnected())) {
      throw XrplError.NO_NETWORK.fail(); // no ledger to read the current offers from
    }
    if (r.url() != null) {
      dialect.urlSubscribers().subscribe(r, apiVersion);
      return done(NODES.objectNode());
    }
    Subscriptions subs = dialect.subscriptions();
    if (c.holdings.size() + subs.newCount(c.holdings, r) > dialect.maxSubscriptions()) {
      throw XrplError.INVALID_PARAMS.fail("Too many subscriptions on one connection (limit " + dialect.maxSubscriptions() + ").");
    }
    c.apiVersion = apiVersion;
    // registered before the snapshot is read, as rippled does: a change may arrive twice, never not at all
    List<Subscription> added = subs.subscribe(c, c.holdings, r);
    ObjectNode result = NODES.objectNode();
    if (r.streams().contains(Stream.LEDGER)) {
      ServerInfo.ledger(dialect.feed().state(), result);
    }
    if (r.streams().contains(Stream.SERVER)) {
      ServerInfo.server(dialect, result);
    }
    if (snapshots.isEmpty()) {
      return done(result);
    }
    return Snapshot.take(upstream, snapshots).handleAsync((offers, e) -> {
      if (e != null) {
        subs.rollback(c, c.holdings, added);
        throw new java.util.concurrent.CompletionException(XrplError.NO_NETWORK.fail());
      }
      result.setAll(offers);
      return result;
    }, c.channel().eventLoop());
  }

  private ObjectNode unsubscribe(XrplConnection c, ObjectNode req) throws XrplException {
    SubscriptionRequest r = SubscriptionRequest.read(req, false, c.admin, dialect.config().accountErrorToken());
    if (r.url() != null) {
      dialect.urlSubscribers().unsubscribe(r);
    } else {
      dialect.subscriptions().unsubscribe(c, c.holdings, r);
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
