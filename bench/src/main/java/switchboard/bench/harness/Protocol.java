package switchboard.bench.harness;

import java.nio.ByteBuffer;

/**
 * One wire protocol as the load generator speaks it: the bytes of each request, and a parser for
 * what comes back. A protocol holds no connection state of its own beyond what {@link #parse} keeps
 * in the {@link Parser} it creates per connection; the connection ({@link Conn}) owns the socket, the
 * buffers and, for a WebSocket protocol, the frame layer.
 *
 * <p>Every request this interface builds, except {@link #publish}, is answered by exactly one reply,
 * and replies arrive in the order of their requests on a connection (NATS is made to fit by ending
 * each request with a {@code PING}, whose {@code PONG} is the reply). That is what lets one loop
 * pipeline thousands of subscribes and count the answers.
 *
 * <p>Each {@code byte[]} returned is one message: over TCP it is written as it is; over WebSocket the
 * connection wraps it in one masked client frame, unless the protocol is {@link #framed()}.
 */
public interface Protocol {
  /** How the protocol's messages travel. */
  enum Transport {
    /** A byte stream over TCP; {@link Parser#parse} sees the stream. */
    TCP,
    /**
     * WebSocket, the protocol's messages being a byte stream split across frames at random (NATS):
     * the parser sees the frames' payloads concatenated.
     */
    WS_STREAM,
    /**
     * WebSocket, one protocol message per frame (amps, xrpl, devicehive): the parser sees each
     * frame's payload preceded by its length as a 4-byte big-endian int.
     */
    WS_MESSAGE
  }

  /** The name shown in results, e.g. {@code amps}, {@code nats-ws}. */
  String name();

  Transport transport();

  /** The request path of the WebSocket upgrade; ignored over TCP. */
  default String path() {
    return "/";
  }

  /** Whether {@link Interest#filter()} is evaluated by the server (otherwise the workload must not use one). */
  default boolean filters() {
    return false;
  }

  /**
   * The messages sent once, right after the connection (and its WebSocket upgrade) is up: connect,
   * logon, authenticate. May be empty. {@link #helloReplies()} says how many replies they produce.
   */
  byte[][] hello(String clientName);

  int helloReplies();

  /** Subscribes; {@code sid} is unique on the connection and names the subscription in {@link #unsubscribe}. */
  byte[] subscribe(Interest interest, int sid);

  byte[] unsubscribe(Interest interest, int sid);

  /**
   * Unsubscribes on the connection that {@code parser} reads. This is the one a connection calls: a
   * protocol whose server names each subscription itself (devicehive answers a subscribe with its own
   * {@code subscriptionId}, and unsubscribes by it) overrides it and asks its parser, which saw that
   * name in the subscribe's reply, so it must be called after that reply. By default it is {@link
   * #unsubscribe(Interest, int)}.
   *
   * @param parser the parser this protocol made for the connection
   */
  default byte[] unsubscribe(Parser parser, Interest interest, int sid) {
    return unsubscribe(interest, sid);
  }

  /**
   * Whether one message of this WebSocket protocol is several frames rather than one (amps: a binary
   * frame holding the count of frames that follow, then a text header frame, then a text body frame).
   * When true, every message this protocol builds, and every {@link Events#send}, is a run of frames,
   * each written as a 1-byte opcode (1 text, 2 binary), the payload's length as a 4-byte big-endian int
   * and the payload; the connection sends each as one masked frame with that opcode. When false (the
   * default), and over TCP, a message is sent as described above. What the parser receives is not
   * affected: each frame from the server is still one unit.
   */
  default boolean framed() {
    return false;
  }

  /**
   * A request that must be answered before {@code topic} can be subscribed or published to (a
   * devicehive device has to exist), or null when the protocol needs none. One reply.
   */
  default byte[] prepare(String topic) {
    return null;
  }

  /**
   * Whether every topic must be {@link #prepare prepared} first: such a protocol does not take the
   * workloads that use thousands of topics (a devicehive device is a row in a database).
   */
  default boolean preparesTopics() {
    return prepare("topic") != null;
  }

  /** One publish, no reply. The payload is delivered to subscribers byte for byte. */
  byte[] publish(String topic, byte[] payload);

  /** A parser for one connection. */
  Parser parser();

  /** Parses what one connection receives. */
  interface Parser {
    /**
     * Consumes every whole unit in {@code buf} (read mode; see {@link Transport} for what a unit is),
     * reporting each to {@code events}, and leaves a trailing partial unit in place. Throws
     * {@link ProtocolException} on what it cannot understand or on an error reply that is not the
     * answer to a request (which goes to {@link Events#reply} with {@code ok} false).
     */
    void parse(ByteBuffer buf, Events events) throws ProtocolException;
  }

  /** What a parser reports. Called on the connection's loop thread. */
  interface Events {
    /**
     * A message delivered to a subscription; its payload is {@code buf[from, to)} (absolute indexes,
     * valid only during the call).
     */
    void delivery(ByteBuffer buf, int from, int to);

    /** The answer to the oldest unanswered request; {@code detail} says what went wrong when not ok. */
    void reply(boolean ok, String detail);

    /** Bytes the protocol must send back at once (a NATS {@code PONG}); one message, as in {@link Protocol}. */
    void send(byte[] message);
  }

  /** The server said something the generator cannot go on from. */
  final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
      super(message);
    }
  }
}
