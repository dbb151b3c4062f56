package switchboard.core.index;

import java.util.Map;
import java.util.Set;
import switchboard.core.Message;
import switchboard.core.SubscriptionSpec;

/**
 * One registration in the index: the subscriber value and its spec. The handle that
 * {@link SubscriptionIndex#add} returns and {@link SubscriptionIndex#remove} takes.
 */
public final class Entry<S> {
  final S value;
  final SubscriptionSpec spec;
  /** The key this entry is indexed under, or null when it sits in the topic's bucket of all. */
  final String indexKey;
  /** True when the spec constrains no key other than {@link #indexKey}. */
  final boolean onlyIndexKey;
  final TopicNode<S> node;
  /** The spec's residual predicate, held here so that a match need not read the spec. */
  private final java.util.function.Predicate<Message> residual;
  boolean removed; // under the index lock

  Entry(S value, SubscriptionSpec spec, String indexKey, TopicNode<S> node) {
    this.value = value;
    this.spec = spec;
    this.indexKey = indexKey;
    this.node = node;
    this.onlyIndexKey = spec.keys().size() == (indexKey == null ? 0 : 1);
    this.residual = spec.residual();
  }

  public S value() {
    return value;
  }

  public SubscriptionSpec spec() {
    return spec;
  }

  /** The values accepted for the indexed key. */
  Set<String> indexedValues() {
    return spec.keys().get(indexKey);
  }

  /** Checks what the index has not: the other key constraints and the residual predicate. */
  boolean acceptsRest(Message m) {
    if (!onlyIndexKey) {
      for (Map.Entry<String, Set<String>> k : spec.keys().entrySet()) {
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
}
