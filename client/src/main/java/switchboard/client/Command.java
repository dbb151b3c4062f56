package switchboard.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command to send, built field by field: one setter per header the protocol has
 * (protocols/amps.md §1.4), and {@link #header(String, Object)} for anything else.
 *
 * <pre>{@code
 * client.subscribe(Command.subscribe("orders").filter("/qty > 5").subId("big-orders").options("replace"), handler);
 * }</pre>
 *
 * <p>The client copies a command when it executes it, filling in what is missing ({@code cid} as
 * {@code auto<n>}, {@code sub_id} and {@code query_id} equal to the {@code cid}, the ack types it needs),
 * so one command may be executed many times. Not thread-safe while being built.
 */
public final class Command {
  private final Map<String, Object> fields = new LinkedHashMap<>();
  private byte[] body;

  private Command(String command) {
    fields.put(HeaderKeys.COMMAND, command);
  }

  /** A command with any name, e.g. {@code Command.of("publish")} for the long spelling of {@code p}. */
  public static Command of(String command) {
    if (command == null || command.isEmpty()) {
      throw new IllegalArgumentException("a command needs a name");
    }
    return new Command(command);
  }

  /** {@code logon}. The client logs on by itself when it connects. */
  public static Command logon() {
    return new Command("logon");
  }

  /** {@code p}: a publish to {@code topic} (the short form, as the Java client writes it). */
  public static Command publish(String topic) {
    return new Command("p").topic(topic);
  }

  /** {@code delta_publish} to {@code topic}. */
  public static Command deltaPublish(String topic) {
    return new Command("delta_publish").topic(topic);
  }

  /** {@code subscribe} to {@code topic} (a topic name or a regular expression). */
  public static Command subscribe(String topic) {
    return new Command("subscribe").topic(topic);
  }

  /** {@code delta_subscribe} to {@code topic}. */
  public static Command deltaSubscribe(String topic) {
    return new Command("delta_subscribe").topic(topic);
  }

  /** {@code sow}: a State-of-the-World query on {@code topic}. */
  public static Command sow(String topic) {
    return new Command("sow").topic(topic);
  }

  /** {@code sow_and_subscribe} on {@code topic}. */
  public static Command sowAndSubscribe(String topic) {
    return new Command("sow_and_subscribe").topic(topic);
  }

  /** {@code sow_and_delta_subscribe} on {@code topic}. */
  public static Command sowAndDeltaSubscribe(String topic) {
    return new Command("sow_and_delta_subscribe").topic(topic);
  }

  /** {@code sow_delete} on {@code topic}; say what to delete with a filter, sow keys or a body. */
  public static Command sowDelete(String topic) {
    return new Command("sow_delete").topic(topic);
  }

  /** {@code unsubscribe}; name what with {@link #subId} and/or {@link #queryId} (seed 001). */
  public static Command unsubscribe() {
    return new Command("unsubscribe");
  }

  /** {@code flush}: acked once everything sent before it is processed. */
  public static Command flush() {
    return new Command("flush");
  }

  /** {@code heartbeat} with options such as {@code start,30}, {@code beat} or {@code stop}. */
  public static Command heartbeat(String options) {
    return new Command("heartbeat").options(options);
  }

  /** The topic ({@code t}). */
  public Command topic(String topic) {
    return set(HeaderKeys.TOPIC, topic);
  }

  /** The content filter ({@code filter}), e.g. {@code /qty > 5}; null for none. */
  public Command filter(String filter) {
    return set(HeaderKeys.FILTER, filter);
  }

  /** The command id ({@code cid}) that acks echo; generated when not set. */
  public Command commandId(String cid) {
    return set(HeaderKeys.COMMAND_ID, cid);
  }

  /** The subscription id ({@code sub_id}); for unsubscribe one id, a comma list or {@code all}. */
  public Command subId(String subId) {
    return set(HeaderKeys.SUB_ID, subId);
  }

  /** The query id ({@code query_id}); for unsubscribe one id or a comma list. */
  public Command queryId(String queryId) {
    return set(HeaderKeys.QUERY_ID, queryId);
  }

  /** The acks to ask for ({@code a}); none asks for none. */
  public Command ackTypes(AckType... types) {
    return set(HeaderKeys.ACK_TYPE, types.length == 0 ? null : AckType.toList(Arrays.asList(types)));
  }

  /** Adds one ack type to those asked for. */
  public Command addAckType(AckType type) {
    Set<AckType> types = ackTypes();
    types.add(type);
    return set(HeaderKeys.ACK_TYPE, AckType.toList(types));
  }

  /** The options ({@code o}), a comma list such as {@code replace,oof,timestamp}. */
  public Command options(String options) {
    return set(HeaderKeys.OPTIONS, options);
  }

  /** The SOW batch size ({@code bs}): records per {@code sow} message. */
  public Command batchSize(int records) {
    return set(HeaderKeys.BATCH_SIZE, records);
  }

  /** The most records a SOW query returns ({@code top_n}). */
  public Command topN(int records) {
    return set(HeaderKeys.TOP_N, records);
  }

  /** The SOW result order ({@code orderby}), e.g. {@code /id DESC}. */
  public Command orderBy(String orderBy) {
    return set(HeaderKeys.ORDER_BY, orderBy);
  }

  /** SOW keys ({@code sow_keys}, a comma list) that a query or sow_delete is limited to. */
  public Command sowKeys(String sowKeys) {
    return set(HeaderKeys.SOW_KEYS, sowKeys);
  }

  /** A user-supplied SOW key ({@code k}) for a publish. */
  public Command sowKey(String sowKey) {
    return set(HeaderKeys.SOW_KEY, sowKey);
  }

  /** The correlation id ({@code x}). */
  public Command correlationId(String correlationId) {
    return set(HeaderKeys.CORRELATION_ID, correlationId);
  }

  /** The SOW expiration of a published message, in seconds ({@code e}). */
  public Command expiration(long seconds) {
    return set(HeaderKeys.EXPIRATION, seconds);
  }

  /** The bookmark ({@code bm}) of a replay subscription. */
  public Command bookmark(String bookmark) {
    return set(HeaderKeys.BOOKMARK, bookmark);
  }

  /** The publish sequence number ({@code s}). */
  public Command sequence(long sequence) {
    return set(HeaderKeys.SEQUENCE, sequence);
  }

  /** The client name ({@code client_name}, logon). */
  public Command clientName(String clientName) {
    return set(HeaderKeys.CLIENT_NAME, clientName);
  }

  /** The user id ({@code user_id}, logon). */
  public Command userId(String userId) {
    return set(HeaderKeys.USER_ID, userId);
  }

  /** The password ({@code pw}, logon). */
  public Command password(String password) {
    return set(HeaderKeys.PASSWORD, password);
  }

  /** The client version ({@code version}, logon). */
  public Command version(String version) {
    return set(HeaderKeys.VERSION, version);
  }

  /**
   * Any header field, by short or long name; a {@link Long} or {@link Integer} value is written as a
   * JSON number, anything else as a string; null removes the field.
   */
  public Command header(String key, Object value) {
    return set(HeaderKeys.canonical(key), value);
  }

  /** The body, as UTF-8. */
  public Command body(String body) {
    this.body = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  /** The body, as given (not copied). */
  public Command body(byte[] body) {
    this.body = body;
    return this;
  }

  /** The command name ({@code c}). */
  public String command() {
    return (String) fields.get(HeaderKeys.COMMAND);
  }

  /** The command id, or null when not set yet. */
  public String commandId() {
    return string(HeaderKeys.COMMAND_ID);
  }

  /** The subscription id, or null. */
  public String subId() {
    return string(HeaderKeys.SUB_ID);
  }

  /** The query id, or null. */
  public String queryId() {
    return string(HeaderKeys.QUERY_ID);
  }

  /** The topic, or null. */
  public String topic() {
    return string(HeaderKeys.TOPIC);
  }

  /** The options, or null. */
  public String options() {
    return string(HeaderKeys.OPTIONS);
  }

  /** The ack types asked for (a new, modifiable set). */
  public Set<AckType> ackTypes() {
    return AckType.parseList(string(HeaderKeys.ACK_TYPE));
  }

  /** A header field by short or long name, as set; null when absent. */
  public Object header(String key) {
    return fields.get(HeaderKeys.canonical(key));
  }

  /** The body, or null. */
  public byte[] body() {
    return body;
  }

  boolean is(String... names) {
    return List.of(names).contains(command());
  }

  Command copy() {
    Command c = new Command(command());
    c.fields.putAll(fields);
    c.body = body;
    return c;
  }

  byte[] encodeHeader() {
    return HeaderCodec.write(fields);
  }

  private String string(String key) {
    Object v = fields.get(key);
    return v == null ? null : v.toString();
  }

  private Command set(String key, Object value) {
    if (value == null) {
      fields.remove(key);
    } else {
      fields.put(key, value);
    }
    return this;
  }

  @Override
  public String toString() {
    Map<String, Object> shown = new LinkedHashMap<>(fields);
    shown.computeIfPresent(HeaderKeys.PASSWORD, (k, v) -> "***");
    return "Command" + shown + (body == null ? "" : " + " + body.length + " bytes");
  }
}
