package switchboard.core;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a subscription wants: a topic selector, optional key constraints, and an optional residual
 * predicate over the message.
 *
 * <p>A message matches when its topic is covered, when for every constrained key the message carries
 * at least one of the allowed values, and when the residual predicate (if any) accepts it. Key
 * constraints are what the index narrows by; the residual predicate runs only on what is left.
 *
 * @param type a dialect's kind of subscription ({@code "command"}, {@code "notification"},
 *     {@code "transactions"} ...), used by {@link Hub#list} and {@link Hub#unsubscribeAll(Owner, String)};
 *     never null, {@link #DEFAULT_TYPE} when the dialect has only one kind
 * @param topic the topics covered
 * @param keys key name to the set of accepted values; empty for none
 * @param residual an extra test, or null
 */
public record SubscriptionSpec(
    String type, TopicSelector topic, Map<String, Set<String>> keys, Predicate<Message> residual) {

  public static final String DEFAULT_TYPE = "default";

  public SubscriptionSpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(topic, "topic");
    keys = Map.copyOf(keys);
    for (Map.Entry<String, Set<String>> e : keys.entrySet()) {
      if (e.getValue().isEmpty()) {
        throw new IllegalArgumentException("key constraint '" + e.getKey() + "' accepts no value");
      }
    }
  }

  public static Builder on(TopicSelector topic) {
    return new Builder(topic);
  }

  public static Builder onTopic(String topic) {
    return new Builder(TopicSelector.exact(topic));
  }

  /** True when the message passes the key constraints and the residual predicate (topic not checked). */
  public boolean accepts(Message m) {
    for (Map.Entry<String, Set<String>> e : keys.entrySet()) {
      if (!anyIn(m.indexKey(e.getKey()), e.getValue())) {
        return false;
      }
    }
    return residual == null || residual.test(m);
  }

  static boolean anyIn(Collection<String> values, Set<String> allowed) {
    for (String v : values) {
      if (allowed.contains(v)) {
        return true;
      }
    }
    return false;
  }

  /** Builds a spec. */
  public static final class Builder {
    private final TopicSelector topic;
    private String type = DEFAULT_TYPE;
    private final Map<String, Set<String>> keys = new LinkedHashMap<>();
    private Predicate<Message> residual;

    private Builder(TopicSelector topic) {
      this.topic = topic;
    }

    public Builder type(String type) {
      this.type = type;
      return this;
    }

    public Builder key(String name, String... values) {
      return key(name, Set.of(values));
    }

    public Builder key(String name, Collection<String> values) {
      keys.put(name, Set.copyOf(values));
      return this;
    }

    public Builder filter(Predicate<Message> residual) {
      this.residual = residual;
      return this;
    }

    public SubscriptionSpec build() {
      return new SubscriptionSpec(type, topic, keys, residual);
    }
  }
}
