package switchboard.core.index;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import switchboard.core.Message;
import switchboard.core.SubscriptionSpec;
import switchboard.core.TopicSelector;

/**
 * One registration in the index: what it wants and the value a match hands out. The handle that
 * {@link SubscriptionIndex#add} returns and {@link SubscriptionIndex#remove} takes.
 *
 * <p>The spec is held in its parts, not as a {@link SubscriptionSpec} object: an exact topic is the
 * topic string itself, with no selector around it. With a million subscriptions the two objects that
 * a spec and its selector would add cost 48 bytes each. A caller that keeps its own record per
 * subscription (the hub's {@link switchboard.core.Subscription}) extends this class, so that the record
 * and the index entry are one object; {@link #value()} is then the record itself.
 *
 * <p>An entry is added to one index once; once removed it stays removed.
 */
public abstract class Entry<S> {
  /** Stands for "held by the index directly, with no topic node": an exact topic's only entry. */
  static final TopicNode<?> LONE = new TopicNode<>("", null);

  private final String type;
  /** The exact topic as a String, or a {@link TopicSelector.Regex}. */
  private final Object topic;
  final Map<String, Set<String>> keys;
  final Predicate<Message> residual;
  /** The key this entry is indexed under, or null when it sits in the topic's bucket of all. */
  String indexKey; // set once by the index, under its lock, before the entry is published
  /** True when the spec constrains no key other than {@link #indexKey}. */
  boolean onlyIndexKey;
  /** Where the entry is held: a topic node, {@link #LONE}, or null before it is added. */
  TopicNode<S> node; // under the index lock
  /** Set by {@link SubscriptionIndex#remove}, under its lock; read by anyone. */
  private volatile boolean removed;

  protected Entry(SubscriptionSpec spec) {
    this.type = spec.type();
    this.topic = spec.topic() instanceof TopicSelector.Exact ex ? ex.topic() : spec.topic();
    this.keys = spec.keys();
    this.residual = spec.residual();
  }

  /** What a match hands to its sink for this entry. */
  public abstract S value();

  /** The spec this entry was made from (built anew from its parts). */
  public SubscriptionSpec spec() {
    return new SubscriptionSpec(type, topicSelector(), keys, residual);
  }

  /** The spec's {@link SubscriptionSpec#type() type}. */
  public String type() {
    return type;
  }

  /** The spec's topic selector. */
  public TopicSelector topicSelector() {
    return topic instanceof String t ? TopicSelector.exact(t) : (TopicSelector) topic;
  }

  /** The exact topic, or the topic pattern's source. */
  public String topicText() {
    return topic instanceof String t ? t : ((TopicSelector) topic).text();
  }

  /** True once {@link SubscriptionIndex#remove} has removed it. */
  public boolean isRemoved() {
    return removed;
  }

  void markRemoved() {
    removed = true;
  }

  /** The exact topic, or null for a pattern. */
  String exactTopic() {
    return topic instanceof String t ? t : null;
  }

  /** The topic pattern, or null for an exact topic. */
  TopicSelector.Regex pattern() {
    return topic instanceof TopicSelector.Regex r ? r : null;
  }

  /** The values accepted for the indexed key. */
  Set<String> indexedValues() {
    return keys.get(indexKey);
  }

  /** Checks what the index has not: the other key constraints and the residual predicate. */
  boolean acceptsRest(Message m) {
    if (!onlyIndexKey) {
      for (Map.Entry<String, Set<String>> k : keys.entrySet()) {
        if (k.getKey().equals(indexKey)) {
          continue;
        }
        if (!anyIn(m, k.getKey(), k.getValue())) {
          return false;
        }
      }
    }
    return residual == null || residual.test(m);
  }

  private static boolean anyIn(Message m, String key, Set<String> allowed) {
    for (String v : m.indexKey(key)) {
      if (allowed.contains(v)) {
        return true;
      }
    }
    return false;
  }

  /** The entry {@link SubscriptionIndex#add(SubscriptionSpec, Object)} makes for a plain value. */
  static final class Holder<S> extends Entry<S> {
    private final S value;

    Holder(SubscriptionSpec spec, S value) {
      super(spec);
      this.value = value;
    }

    @Override
    public S value() {
      return value;
    }
  }
}
