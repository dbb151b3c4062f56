package switchboard.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A client of the {@code amps} dialect: the AMPS JSON protocol over TCP or WebSocket, written from the
 * protocol notes (protocols/amps.md).
 *
 * <pre>{@code
 * try (AmpsClient client = AmpsClient.connect("tcp://127.0.0.1:9007/amps/json", "my-client")) {
 *   Subscription sub = client.subscribe("orders", "/qty > 5", m -> System.out.println(m.bodyAsString()));
 *   client.publish("orders", "{\"id\":1,\"qty\":10}");
 *   client.unsubscribe(sub.subId()).join();
 * }
 * }</pre>
 *
 * <p><b>Commands and acks.</b> Every command that asks for acks gets a command id ({@code cid}
 * {@code auto1}, {@code auto2} ... unless given); a subscription's {@code sub_id} and a query's
 * {@code query_id} default to that cid, as the documented clients do (§3.3, §3.4). Methods that return
 * a {@link CompletableFuture} complete it with the last ack asked for, or fail it with an
 * {@link AmpsException} holding the server's exact reason, an {@link AckTimeoutException}, or a
 * {@link DisconnectedException}. Methods that return a {@link Subscription} or {@link MessageStream}
 * wait for the subscription's {@code processed} ack and throw those exceptions.
 *
 * <p><b>Threads.</b> All methods may be called from any thread. Handlers run on the client's
 * receiving thread, one message at a time in arrival order; a message listing several of this
 * connection's subscriptions in {@code sids} goes to each of their handlers. From a handler, use only
 * the methods that do not wait ({@link #publish}, the future-returning ones, {@link #subscribeAsync});
 * a waiting one throws {@link IllegalStateException} there, since it would wait for itself.
 */
public final class AmpsClient implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(AmpsClient.class.getName());
  /** The version this client reports at logon ({@code version}). */
  public static final String VERSION = "0.1.0.0:switchboard-java";
  /** The SOW batch size asked for when a query does not say: what the documented clients send (§3.4). */
  static final int DEFAULT_BATCH_SIZE = 10;

  private final AmpsUri uri;
  private final String clientName;
  private final ClientOptions options;
  private final Session session;
  private final Router router;
  private volatile Ack logonAck;
  private volatile DisconnectHandler disconnectHandler;

  private AmpsClient(AmpsUri uri, String clientName, ClientOptions options) {
    this.uri = uri;
    this.clientName = clientName;
    this.options = options;
    this.session = new Session(uri, clientName, options, this::lost);
    this.router = session.router();
  }

  /** Connects with {@link ClientOptions#defaults()}; see {@link #connect(String, String, ClientOptions)}. */
  public static AmpsClient connect(String uri, String clientName) {
    return connect(uri, clientName, ClientOptions.defaults());
  }

  /**
   * Connects and logs on, and starts heartbeats when the options ask for them.
   *
   * @param uri {@code tcp://[user:pass@]host:port/amps/json} or {@code ws://[user:pass@]host:port/amps/json}
   *     ({@code tcps}/{@code wss} for TLS); credentials in the options win over those in the URI
   * @param clientName the {@code client_name} to log on with
   * @throws IllegalArgumentException for a malformed URI
   * @throws AmpsException when the logon fails ({@link Reason#AUTH_FAILURE} ...)
   * @throws DisconnectedException when the server cannot be reached
   */
  public static AmpsClient connect(String uri, String clientName, ClientOptions options) {
    AmpsUri u = AmpsUri.parse(uri);
    AmpsClient c = new AmpsClient(u, Objects.requireNonNull(clientName, "clientName"), Objects.requireNonNull(options, "options"));
    try {
      c.open();
      return c;
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private void open() {
    String user = options.user() != null ? options.user() : uri.user();
    String password = options.password() != null ? options.password() : uri.password();
    session.open("amps-client-" + clientName, user, password);
    // §2: logon first, asking for processed; user_id is "" without credentials
    Command logon = Command.logon().ackTypes(AckType.PROCESSED).version(VERSION).clientName(clientName)
        .userId(user == null ? "" : user).password(password);
    logonAck = session.await(execute(logon), options.connectTimeout());
    if (!options.heartbeat().isZero()) {
      await(heartbeat(options.heartbeat()));
    }
  }

  private void lost(DisconnectedException e) {
    DisconnectHandler h = disconnectHandler;
    if (h != null) {
      h.onDisconnect(this, e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // generic commands

  /** Sends any command; see {@link #execute(Command, Consumer)}. */
  public CompletableFuture<Ack> execute(Command command) {
    return execute(command, null);
  }

  /**
   * Sends any command as built, after filling in {@code cid} (and {@code sub_id}/{@code query_id} for
   * subscriptions and queries). The future completes with the last ack asked for, or with null once
   * sent when no ack was asked for. Deliveries for a subscription started this way have no handler
   * (they go to {@link #onUnhandled}): use {@link #subscribe(Command, MessageHandler)} for those. An
   * unsubscribe sent this way ends the client's routes for what it names once acked. Ask only for ack
   * types the command supports (seed 001: unsubscribe has received and processed): the future waits
   * for every type asked for, until the ack timeout.
   *
   * @param everyAck told of every ack for this command as it arrives (may be null)
   */
  public CompletableFuture<Ack> execute(Command command, Consumer<Ack> everyAck) {
    Command c = session.prepare(command);
    if (c.is("unsubscribe")) {
      return session.send(c, everyAck, ack -> endRoutes(c), null);
    }
    return session.send(c, everyAck, null, null);
  }

  // ---------------------------------------------------------------------------------------------
  // publish

  /** Publishes without asking for an ack ({@code "c":"p"}); the body as UTF-8. */
  public void publish(String topic, String body) {
    publish(topic, body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Publishes without asking for an ack ({@code "c":"p"}).
   *
   * @throws DisconnectedException when the connection is gone
   */
  public void publish(String topic, byte[] body) {
    session.write(Command.publish(topic).body(body));
  }

  /** Publishes asking for acks; the body as UTF-8. See {@link #publish(String, byte[], AckType...)}. */
  public CompletableFuture<Ack> publish(String topic, String body, AckType... acks) {
    return publish(topic, body.getBytes(StandardCharsets.UTF_8), acks);
  }

  /** Publishes asking for the given acks (e.g. {@link AckType#PROCESSED}); completes with the last one. */
  public CompletableFuture<Ack> publish(String topic, byte[] body, AckType... acks) {
    return execute(Command.publish(topic).body(body).ackTypes(acks));
  }

  // ---------------------------------------------------------------------------------------------
  // subscriptions

  /**
   * Subscribes to {@code topic} with a content filter ({@code null} for everything) and waits for the
   * {@code processed} ack.
   *
   * @throws AmpsException on a failure ack, e.g. {@link Reason#BAD_FILTER}
   */
  public Subscription subscribe(String topic, String filter, MessageHandler handler) {
    return subscribe(Command.subscribe(topic).filter(filter), handler);
  }

  /**
   * Starts a subscription from a command ({@code subscribe}, {@code delta_subscribe},
   * {@code sow_and_subscribe}, {@code sow_and_delta_subscribe}) and waits for its {@code processed} ack.
   * A sow_and_subscribe handler gets {@code group_begin}, the {@code sow} records, {@code group_end},
   * and then the live messages.
   *
   * @throws AmpsException on a failure ack, e.g. {@link Reason#SUBID_IN_USE}
   */
  public Subscription subscribe(Command command, MessageHandler handler) {
    return await(subscribeAsync(command, handler));
  }

  /** Like {@link #subscribe(Command, MessageHandler)} without waiting: completes with the subscription. */
  public CompletableFuture<Subscription> subscribeAsync(Command command, MessageHandler handler) {
    return subscribe(command, new Router.Route(Objects.requireNonNull(handler, "handler"), null));
  }

  /** {@code sow_and_subscribe}: the current records of {@code topic} matching the filter, then live messages. */
  public Subscription sowAndSubscribe(String topic, String filter, MessageHandler handler) {
    return subscribe(Command.sowAndSubscribe(topic).filter(filter), handler);
  }

  /** Subscribes and returns the messages as a stream to pull from; closing it unsubscribes. */
  public MessageStream subscribeStream(String topic, String filter) {
    return subscribeStream(Command.subscribe(topic).filter(filter));
  }

  /** Starts a subscription from a command and returns its messages as a stream; closing it unsubscribes. */
  public MessageStream subscribeStream(Command command) {
    MessageStream stream = new MessageStream(this, false);
    stream.attach(await(subscribe(command, new Router.Route(stream::deliver, stream::end))));
    return stream;
  }

  private CompletableFuture<Subscription> subscribe(Command command, Router.Route route) {
    Command c = session.prepare(command);
    if (!c.is("subscribe", "delta_subscribe", "sow_and_subscribe", "sow_and_delta_subscribe")) {
      throw new IllegalArgumentException("not a subscription command: " + c.command());
    }
    c.addAckType(AckType.PROCESSED);
    String subId = c.subId();
    String queryId = c.is("sow_and_subscribe", "sow_and_delta_subscribe") ? c.queryId() : null;
    // Routed before sending, so nothing that follows the ack can miss it. A sub_id already routed
    // keeps its route until the server accepts the new one (replace), or for good (subid in use).
    boolean fresh = router.addSubscriptionIfAbsent(subId, route);
    if (queryId != null) {
      router.addQuery(queryId, route);
    }
    return session.send(c, null,
        ack -> {
          if (!fresh) {
            router.replaceSubscription(subId, route);
          }
        },
        failure -> {
          if (fresh) {
            router.removeSubscription(subId, route);
          }
          if (queryId != null) {
            router.removeQuery(queryId, route);
          }
        })
        .thenApply(ack -> new Subscription(this, subId, queryId, ack));
  }

  // ---------------------------------------------------------------------------------------------
  // SOW queries

  /** A SOW query on {@code topic} with a filter ({@code null} for all records). */
  public CompletableFuture<SowResult> sow(String topic, String filter) {
    return sow(Command.sow(topic).filter(filter));
  }

  /**
   * A SOW query from a {@code sow} command; asks for {@code processed} and {@code completed} acks (plus
   * any others the command asks for, e.g. {@code stats}) and completes when they have all arrived.
   */
  public CompletableFuture<SowResult> sow(Command command) {
    Command c = prepareQuery(command);
    c.addAckType(AckType.COMPLETED);
    String queryId = c.queryId();
    List<Message> records = Collections.synchronizedList(new ArrayList<>());
    List<Ack> acks = Collections.synchronizedList(new ArrayList<>());
    Router.Route route = new Router.Route(m -> {
      if ("sow".equals(m.command())) {
        records.add(m);
      }
    }, null);
    router.addQuery(queryId, route);
    return session.send(c, acks::add, ack -> router.removeQuery(queryId, route), failure -> router.removeQuery(queryId, route))
        .thenApply(last -> new SowResult(records, acks));
  }

  /** A SOW query whose messages are pulled from a stream: {@code group_begin}, the records, {@code group_end}. */
  public MessageStream sowStream(String topic, String filter) {
    return sowStream(Command.sow(topic).filter(filter));
  }

  /** A SOW query from a {@code sow} command, as a stream that ends after {@code group_end}. */
  public MessageStream sowStream(Command command) {
    Command c = prepareQuery(command);
    MessageStream stream = new MessageStream(this, true);
    String queryId = c.queryId();
    Router.Route route = new Router.Route(stream::deliver, stream::end);
    router.addQuery(queryId, route);
    session.send(c, null, null, failure -> {
      router.removeQuery(queryId, route);
      stream.end(failure);
    });
    return stream;
  }

  private Command prepareQuery(Command command) {
    Command c = session.prepare(command);
    if (!c.is("sow")) {
      throw new IllegalArgumentException("not a sow command: " + c.command());
    }
    c.addAckType(AckType.PROCESSED);
    return c;
  }

  /** Deletes the SOW records of {@code topic} that match the filter; completes with the {@code stats} ack. */
  public CompletableFuture<Ack> sowDelete(String topic, String filter) {
    return execute(Command.sowDelete(topic).filter(filter).ackTypes(AckType.STATS));
  }

  // ---------------------------------------------------------------------------------------------
  // unsubscribe (seed 001)

  /** Unsubscribes one subscription; completes with the {@code processed} ack. */
  public CompletableFuture<Ack> unsubscribe(String subId) {
    return unsubscribe(List.of(subId), List.of());
  }

  /** Unsubscribes several subscriptions with one command ({@code sub_id} as a comma-delimited list). */
  public CompletableFuture<Ack> unsubscribe(List<String> subIds) {
    return unsubscribe(subIds, List.of());
  }

  /** Unsubscribes every subscription of this connection ({@code "sub_id":"all"}). */
  public CompletableFuture<Ack> unsubscribeAll() {
    return unsubscribe(List.of("all"), List.of());
  }

  /** Cancels a SOW query in progress ({@code query_id}). */
  public CompletableFuture<Ack> cancelQuery(String queryId) {
    return unsubscribe(List.of(), List.of(queryId));
  }

  /**
   * One unsubscribe naming subscriptions and queries; everything that matches is removed. Completes with
   * the {@code processed} ack, after which nothing of those subscriptions is delivered.
   *
   * @throws IllegalArgumentException when both lists are empty (the server requires at least one)
   */
  public CompletableFuture<Ack> unsubscribe(List<String> subIds, List<String> queryIds) {
    if (subIds.isEmpty() && queryIds.isEmpty()) {
      throw new IllegalArgumentException("name at least one subscription or query");
    }
    Command c = Command.unsubscribe().ackTypes(AckType.PROCESSED);
    if (!subIds.isEmpty()) {
      c.subId(String.join(",", subIds));
    }
    if (!queryIds.isEmpty()) {
      c.queryId(String.join(",", queryIds));
    }
    return execute(c);
  }

  /** Once an unsubscribe is acked: its subscriptions and queries get no more messages. */
  private void endRoutes(Command unsubscribe) {
    List<String> subs = split(unsubscribe.subId());
    if (subs.contains("all")) {
      router.endAllSubscriptions();
    } else {
      router.endSubscriptions(subs);
    }
    router.endQueries(split(unsubscribe.queryId()));
  }

  private static List<String> split(String list) {
    if (list == null || list.isBlank()) {
      return List.of();
    }
    return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  // ---------------------------------------------------------------------------------------------
  // session

  /** Completes once the server has processed everything this client sent before ({@code flush}). */
  public CompletableFuture<Ack> flush() {
    return execute(Command.flush().ackTypes(AckType.PROCESSED));
  }

  /**
   * Starts heartbeats ({@code {"c":"heartbeat","o":"start,N"}}, N whole seconds, at least 1), or stops
   * them with {@link Duration#ZERO}. The server then sends a heartbeat every interval, which this client
   * answers with {@code beat}; when the server is silent for more than twice the interval the
   * connection is declared lost. Completes with the {@code received} ack.
   */
  public CompletableFuture<Ack> heartbeat(Duration interval) {
    if (interval.isNegative()) {
      throw new IllegalArgumentException("negative heartbeat interval");
    }
    if (interval.isZero()) {
      session.heartbeat().stop();
      return execute(Command.heartbeat("stop").ackTypes(AckType.RECEIVED));
    }
    long seconds = Math.max(1, (interval.toMillis() + 999) / 1000);
    session.heartbeat().start(Duration.ofSeconds(seconds));
    return execute(Command.heartbeat("start," + seconds).ackTypes(AckType.RECEIVED));
  }

  /** The server's {@code processed} ack to this client's logon: {@code version}, {@code bm}, {@code client_name} ... */
  public Ack logonAck() {
    return logonAck;
  }

  /** The client name this client logged on with. */
  public String clientName() {
    return clientName;
  }

  /** The server address, without the password. */
  public String uri() {
    return uri.toString();
  }

  /** Whether the connection is open (not closed and not lost). */
  public boolean isConnected() {
    return session.isConnected();
  }

  /** Sets who is told when the connection fails (replacing any earlier one). */
  public void onDisconnect(DisconnectHandler handler) {
    this.disconnectHandler = handler;
  }

  /**
   * Sets who gets what nothing else claims: acks for no waiting command, SOW messages for no query,
   * and deliveries for no subscription of this client — once per {@code sids} entry that names no
   * subscription here, with {@link Message#subId()} that entry (so a message arriving after its
   * subscription's unsubscribe was acked shows up here). Without one, such messages are logged at
   * DEBUG and dropped.
   */
  public void onUnhandled(MessageHandler handler) {
    session.onUnhandled(handler);
  }

  /** Closes the connection. Waiting commands fail with a {@link DisconnectedException}; idempotent. */
  @Override
  public void close() {
    session.close();
  }

  /** Heartbeats received from the server so far (for tests). */
  long heartbeatsReceived() {
    return session.heartbeatsReceived();
  }

  /** Waits for a future on behalf of a blocking method, throwing its failure as it is. */
  <T> T await(CompletableFuture<T> f) {
    return session.await(f, null);
  }

  @Override
  public String toString() {
    return "AmpsClient(" + clientName + " @ " + uri + (isConnected() ? "" : ", disconnected") + ")";
  }
}
