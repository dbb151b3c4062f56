package switchboard.bench.harness.proto;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import switchboard.bench.harness.Interest;
import switchboard.bench.harness.Protocol;

/**
 * Switchboard's devicehive dialect over its WebSocket API ({@code ws://host:http-port/dh/websocket}),
 * one JSON object per text frame (protocols/devicehive.md §2–3). A topic is a device id (letters,
 * digits, dashes), and the device must exist: see {@link #saveDevice}.
 *
 * <ul>
 *   <li>hello: {@code authenticate} with an access token (see {@link DhToken}); one reply.
 *   <li>subscribe: {@code notification/subscribe} with {@code deviceId}; the reply carries the
 *       server's {@code subscriptionId}, which the connection's parser keeps by sid.
 *   <li>unsubscribe: {@code notification/unsubscribe} with that {@code subscriptionId}, so only
 *       {@link #unsubscribe(Protocol.Parser, Interest, int)} can build it, after the subscribe's reply.
 *   <li>publish: {@code notification/insert} with {@code deviceId} and {@code notification:
 *       {"notification":"bench","parameters":payload}}. The server does answer it, with {@code
 *       {"action":"notification/insert","requestId":null,"status":"success","notification":{"id":N,
 *       "timestamp":"..."}}}, once the notification is stored; the parser drains those (the publish
 *       sends no requestId, so the answer's is null) and throws on a failed one.
 *   <li>deliveries: pushes {@code {"action":"notification/insert","notification":{"id":..,
 *       "notification":"bench","deviceId":..,"networkId":..,"deviceTypeId":..,"timestamp":..,
 *       "parameters":payload},"subscriptionId":N}}; the range reported is {@code parameters}. The
 *       server stores the payload and renders it again as compact JSON, so a payload that is compact
 *       JSON arrives as it was sent. The {@code $device-add}
 *       and {@code $device-update} notifications a {@code device/save} sends to subscribers are not
 *       deliveries.
 * </ul>
 *
 * Every request but the publish carries a {@code requestId} naming it ({@code a} authenticate,
 * {@code s<sid>} subscribe, {@code u<sid>} unsubscribe, {@code d} device/save), and replies keep
 * request order: the dialect runs a connection's requests one at a time.
 */
public final class Devicehive implements Protocol {
  /** The notification name every publish uses. */
  public static final String NOTIFICATION = "bench";
  private static final byte[] ACTION = Json.ascii("{\"action\":\"");
  private static final byte[] REQUEST_ID = Json.ascii(",\"requestId\":");
  private static final byte[] PARAMETERS = Json.ascii("\"parameters\":");
  private static final byte[] NAME = Json.ascii("\"notification\":\"");
  private static final byte[] SUBSCRIBE = Json.ascii("notification/subscribe");
  private static final byte[] INSERT_TAIL = Json.ascii("}}");
  private static final byte[] SUCCESS = Json.ascii(",\"status\":\"success\"");

  private final String token;

  /** @param accessToken what {@code authenticate} presents, e.g. {@link DhToken#admin} */
  public Devicehive(String accessToken) {
    this.token = accessToken;
  }

  @Override
  public String name() {
    return "devicehive";
  }

  @Override
  public Transport transport() {
    return Transport.WS_MESSAGE;
  }

  @Override
  public String path() {
    return "/dh/websocket";
  }

  @Override
  public byte[][] hello(String clientName) {
    return new byte[][] {Json.utf8("{\"action\":\"authenticate\",\"requestId\":\"a\",\"token\":" + Json.quote(token) + "}")};
  }

  @Override
  public int helloReplies() {
    return 1;
  }

  @Override
  public byte[] subscribe(Interest interest, int sid) {
    return Json.utf8("{\"action\":\"notification/subscribe\",\"requestId\":\"s" + sid + "\",\"deviceId\":"
        + Json.quote(interest.topic()) + "}");
  }

  /**
   * Not possible here: the server names the subscription, and only the connection's parser has seen
   * that name. Use {@link #unsubscribe(Protocol.Parser, Interest, int)}.
   */
  @Override
  public byte[] unsubscribe(Interest interest, int sid) {
    throw new UnsupportedOperationException("devicehive unsubscribes by the server's subscriptionId: call unsubscribe(parser, interest, sid)");
  }

  /**
   * {@code notification/unsubscribe} with the {@code subscriptionId} the server gave subscription
   * {@code sid} on this parser's connection.
   *
   * @throws IllegalStateException when the subscribe's reply has not been parsed (or was a failure)
   */
  @Override
  public byte[] unsubscribe(Parser parser, Interest interest, int sid) {
    Long id = ((DhParser) parser).subscriptionIds.remove(sid);
    if (id == null) {
      throw new IllegalStateException("no subscriptionId for sid " + sid + ": its subscribe has not been answered with success");
    }
    return Json.ascii("{\"action\":\"notification/unsubscribe\",\"requestId\":\"u" + sid + "\",\"subscriptionId\":" + id + "}");
  }

  @Override
  public byte[] publish(String topic, byte[] payload) {
    byte[] head = Json.utf8("{\"action\":\"notification/insert\",\"deviceId\":" + Json.quote(topic)
        + ",\"notification\":{\"notification\":\"" + NOTIFICATION + "\",\"parameters\":");
    byte[] out = new byte[head.length + payload.length + INSERT_TAIL.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(payload, 0, out, head.length, payload.length);
    System.arraycopy(INSERT_TAIL, 0, out, head.length + payload.length, INSERT_TAIL.length);
    return out;
  }

  /**
   * Registers (or updates) device {@code deviceId}, named after itself, in the administrator's first
   * network (the server's seeded one): {@code device/save}, one reply. Pipeline as many as needed on
   * an authenticated set-up connection before anyone subscribes or publishes; a device must exist
   * before it can be subscribed to, and before notifications to it are accepted.
   */
  @Override
  public byte[] prepare(String topic) {
    return saveDevice(topic);
  }

  public byte[] saveDevice(String deviceId) {
    String id = Json.quote(deviceId);
    return Json.utf8("{\"action\":\"device/save\",\"requestId\":\"d\",\"deviceId\":" + id + ",\"device\":{\"name\":" + id + "}}");
  }

  @Override
  public Parser parser() {
    return new DhParser();
  }

  /** Replies, publish answers and pushes of one connection; keeps the server's subscriptionId by sid. */
  static final class DhParser extends MessageParser {
    final Map<Integer, Long> subscriptionIds = new HashMap<>();

    @Override
    void message(ByteBuffer buf, int from, int to, Events events) throws ProtocolException {
      if (!Json.startsWith(buf, from, to, ACTION)) {
        // only an unparseable request gets an answer with no action: not one of ours, unless a
        // payload was not JSON
        throw new ProtocolException("devicehive: " + Json.text(buf, from, Math.min(to, from + 300)));
      }
      int actionFrom = from + ACTION.length;
      int actionEnd = Json.valueEnd(buf, actionFrom - 1, to);
      if (actionEnd < 0) {
        throw new ProtocolException("devicehive: unterminated action in " + Json.text(buf, from, Math.min(to, from + 300)));
      }
      if (Json.startsWith(buf, actionEnd, to, REQUEST_ID)) {
        reply(buf, from, to, actionFrom, actionEnd - 1, actionEnd + REQUEST_ID.length, events);
      } else {
        push(buf, from, to, events);
      }
    }

    private void reply(ByteBuffer buf, int from, int to, int actionFrom, int actionTo, int requestIdAt, Events events)
        throws ProtocolException {
      int requestIdEnd = Json.valueEnd(buf, requestIdAt, to);
      if (requestIdEnd < 0) {
        throw new ProtocolException("devicehive: unterminated requestId");
      }
      // the envelope's order: action, requestId, then status on success, code then status on error
      boolean ok = Json.startsWith(buf, requestIdEnd, to, SUCCESS);
      if (buf.get(requestIdAt) == 'n') { // requestId null: the answer to a publish
        if (!ok) {
          throw new ProtocolException("devicehive refused a notification: " + error(buf, requestIdEnd, to));
        }
        return;
      }
      if (ok && actionTo - actionFrom == SUBSCRIBE.length && Json.startsWith(buf, actionFrom, actionTo, SUBSCRIBE)
          && buf.get(requestIdAt + 1) == 's') {
        String id = Json.raw(buf, requestIdEnd, to, "subscriptionId");
        if (id == null) {
          throw new ProtocolException("devicehive: a subscribe reply without subscriptionId");
        }
        int sid = Integer.parseInt(Json.text(buf, requestIdAt + 2, requestIdEnd - 1));
        subscriptionIds.put(sid, Long.parseLong(id));
      }
      events.reply(ok, ok ? null : error(buf, requestIdEnd, to));
    }

    private static String error(ByteBuffer buf, int from, int to) {
      return Json.raw(buf, from, to, "code") + " " + Json.string(buf, from, to, "error");
    }

    private static void push(ByteBuffer buf, int from, int to, Events events) {
      int name = Json.indexOf(buf, from, to, NAME);
      if (name >= 0 && name + NAME.length < to && buf.get(name + NAME.length) == '$') {
        return; // $device-add, $device-update
      }
      int p = Json.lastIndexOf(buf, from, to, PARAMETERS);
      if (p < 0) {
        return; // a command push: not subscribed to by this protocol
      }
      int v = p + PARAMETERS.length;
      int end = Json.valueEnd(buf, v, to);
      events.delivery(buf, v, end < 0 ? to : end);
    }
  }
}
