package switchboard.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import switchboard.core.filter.FieldKeys;

/**
 * One published message: a topic, an optional key, the payload bytes, and the index keys the
 * {@link switchboard.core.index.SubscriptionIndex} narrows by: those the publisher sets (for example
 * {@code deviceId -> [d1]} or {@code account -> [rA, rB]}), and the {@link FieldKeys field keys} of
 * content filters ({@code json:/g}), which are read from the payload only when asked for.
 *
 * <p>Immutable, except for the parsed JSON, which is computed at most once per message (racing
 * threads may each parse, and one result wins; both are equal). The payload array is shared, never
 * copied: whoever builds a message hands the array over and must not change it afterwards.
 */
public final class Message {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String topic;
  private final String key;
  private final byte[] payload;
  private final Map<String, List<String>> indexKeys;
  private final long timestamp;
  private final long sequence;
  private final Object attachment;
  private volatile JsonNode json;

  private Message(Builder b, long sequence) {
    this.topic = Objects.requireNonNull(b.topic, "topic");
    this.key = b.key;
    this.payload = b.payload == null ? new byte[0] : b.payload;
    this.indexKeys = b.indexKeys.isEmpty() ? Map.of() : Map.copyOf(b.indexKeys);
    this.timestamp = b.timestamp;
    this.sequence = sequence;
    this.attachment = b.attachment;
    this.json = b.json;
  }

  private Message(Message m, long sequence, long timestamp) {
    this.topic = m.topic;
    this.key = m.key;
    this.payload = m.payload;
    this.indexKeys = m.indexKeys;
    this.timestamp = timestamp;
    this.sequence = sequence;
    this.attachment = m.attachment;
    this.json = m.json;
  }

  public static Builder builder(String topic) {
    return new Builder(topic);
  }

  public String topic() {
    return topic;
  }

  /** The message's own key (an AMPS SOW key, a device id ...), or null. */
  public String key() {
    return key;
  }

  /** The payload bytes. Shared: do not modify. */
  public byte[] payload() {
    return payload;
  }

  /**
   * Index key name to the values the publisher set for it; empty when it set none. Field keys are not
   * listed: they are derived on demand by {@link #indexKey}.
   */
  public Map<String, List<String>> indexKeys() {
    return indexKeys;
  }

  /**
   * The values of one index key, or an empty list. A {@link FieldKeys field key} is derived from the
   * payload each time it is asked for (parsing it on the first call, see {@link #json()}); a topic
   * that no filtered subscription is indexed on never asks, so its messages are not parsed for it.
   */
  public List<String> indexKey(String name) {
    List<String> v = indexKeys.get(name);
    if (v != null) {
      return v;
    }
    return FieldKeys.isFieldKey(name) ? FieldKeys.values(json(), name) : List.of();
  }

  /** Milliseconds since the epoch; stamped by the {@link Hub} on publish when the publisher gave none. */
  public long timestamp() {
    return timestamp;
  }

  /** What the publishing dialect attached for its own deliveries (an AMPS oof reason ...), or null. */
  public Object attachment() {
    return attachment;
  }

  /** The hub's publish sequence number, 0 before the message is published. */
  public long sequence() {
    return sequence;
  }

  /**
   * The payload parsed as JSON, parsed on first use. A payload that is not JSON gives a
   * {@link MissingNode}, which no content filter matches.
   */
  public JsonNode json() {
    JsonNode node = json;
    if (node == null) {
      try {
        node = payload.length == 0 ? MissingNode.getInstance() : JSON.readTree(payload);
        if (node == null) {
          node = MissingNode.getInstance();
        }
      } catch (IOException e) {
        node = MissingNode.getInstance();
      }
      json = node;
    }
    return node;
  }

  /** A copy of this message with the hub's sequence number and timestamp. */
  Message stamped(long sequence, long now) {
    return new Message(this, sequence, timestamp == 0 ? now : timestamp);
  }

  @Override
  public String toString() {
    return "Message{topic=" + topic + ", key=" + key + ", seq=" + sequence + ", bytes=" + payload.length
        + ", keys=" + indexKeys + "}";
  }

  /** Builds a message; every part but the topic is optional. */
  public static final class Builder {
    private final String topic;
    private String key;
    private byte[] payload;
    private JsonNode json;
    private final Map<String, List<String>> indexKeys = new LinkedHashMap<>();
    private long timestamp;
    private Object attachment;

    private Builder(String topic) {
      this.topic = Objects.requireNonNull(topic, "topic");
    }

    public Builder key(String key) {
      this.key = key;
      return this;
    }

    /** The payload; the array is taken over, not copied. */
    public Builder payload(byte[] payload) {
      this.payload = payload;
      return this;
    }

    /** The payload already parsed, when the publisher has it, so that nobody parses it again. */
    public Builder json(JsonNode json) {
      this.json = json;
      return this;
    }

    public Builder indexKey(String name, String... values) {
      return indexKey(name, List.of(values));
    }

    /**
     * @throws IllegalArgumentException for a name with the {@link FieldKeys#PREFIX field key prefix}:
     *     those values are the payload's, and a publisher's own would let the index skip subscriptions
     *     whose filters accept the message
     */
    public Builder indexKey(String name, List<String> values) {
      if (FieldKeys.isFieldKey(Objects.requireNonNull(name, "name"))) {
        throw new IllegalArgumentException("index key '" + name + "' is reserved: its values come from the payload");
      }
      if (!values.isEmpty()) {
        indexKeys.put(name, List.copyOf(values));
      }
      return this;
    }

    /** Dialect data that travels with the message to its deliveries; the engine never reads it. */
    public Builder attachment(Object attachment) {
      this.attachment = attachment;
      return this;
    }

    public Builder timestamp(long epochMillis) {
      this.timestamp = epochMillis;
      return this;
    }

    public Message build() {
      return new Message(this, 0);
    }
  }
}
