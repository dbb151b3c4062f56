package switchboard.core.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import switchboard.core.Message;
import switchboard.core.SubscriptionSpec;
import switchboard.core.TopicSelector;

/**
 * Which subscriptions does a message match? Topic first (exact topics by hash, topic patterns through a
 * per-topic cache), then the key indexes (only the buckets of the key values the message carries), and
 * only then the residual predicates. A match therefore costs in proportion to the entries it visits
 * under its own topic and key values, not to the number of entries in the index.
 *
 * <p>Memory: an exact topic with one subscriber and no key constraint (most topics of a
 * one-subscription-per-topic workload) is held by the topic map as that entry alone; the topic gets
 * a {@link TopicNode} when a second entry, or a keyed one, arrives.
 *
 * <p>Generic over the subscriber value {@code S}; no I/O and nothing of a connection.
 *
 * <h2>Concurrency contract</h2>
 *
 * <ul>
 *   <li>{@link #match} runs on any number of threads at once and takes no lock.
 *   <li>{@link #add} and {@link #remove} run on any thread; they are serialised by one lock, held for
 *       O(1) work (O(values) for an entry constrained to several key values).
 *   <li>A match that starts after {@code add} returned sees the entry; a match that starts after
 *       {@code remove} returned does not. A match running while an entry is added or removed may or may
 *       not see it. Callers that need a hard cut-off at removal (the unsubscribe barrier) check their
 *       entry's {@link Entry#isRemoved()} at delivery time, as {@link switchboard.core.Hub} does;
 *       {@link #remove} sets it before it returns.
 *   <li>The topic-pattern cache is validated by a generation number that every change to the set of
 *       patterns bumps, so a cached answer computed before a pattern appeared is never used after.
 * </ul>
 */
public final class SubscriptionIndex<S> {
  private static final TopicNode<?>[] NO_NODES = new TopicNode<?>[0];

  private final ReentrantLock lock = new ReentrantLock();
  /** Exact topic to its {@link TopicNode}, or to its only entry when it has one and that one has no key. */
  private final KeyTable<Object> exact = new KeyTable<>();
  private final Map<String, TopicNode<S>> patternsByText = new HashMap<>(); // under lock

  @SuppressWarnings("unchecked")
  private volatile TopicNode<S>[] patterns = (TopicNode<S>[]) NO_NODES;

  private volatile long patternGeneration;
  private final int cacheCapacity;
  private final ConcurrentHashMap<String, CacheLine<S>> patternCache;
  private volatile int size;

  private record CacheLine<S>(long generation, TopicNode<S>[] nodes) {}

  /** An index with a pattern cache of up to 10,000 topics. */
  public SubscriptionIndex() {
    this(10_000);
  }

  /**
   * @param patternCacheCapacity how many topics' pattern matches to remember; 0 turns the cache off,
   *     so that every publish tests every topic pattern
   */
  public SubscriptionIndex(int patternCacheCapacity) {
    if (patternCacheCapacity < 0) {
      throw new IllegalArgumentException("pattern cache capacity must be >= 0");
    }
    this.cacheCapacity = patternCacheCapacity;
    this.patternCache = patternCacheCapacity > 0 ? new ConcurrentHashMap<>() : null;
  }

  /** Registers a plain value; the returned entry is the handle for {@link #remove}. */
  public Entry<S> add(SubscriptionSpec spec, S value) {
    Entry<S> e = new Entry.Holder<>(spec, value);
    add(e);
    return e;
  }

  /**
   * Registers an entry the caller made (a subclass of {@link Entry} that is the caller's own record);
   * the entry is its own handle for {@link #remove}.
   *
   * @throws IllegalStateException when the entry was added before
   */
  public void add(Entry<S> e) {
    lock.lock();
    try {
      if (e.node != null || e.isRemoved()) {
        throw new IllegalStateException("entry added before");
      }
      String key = chooseIndexKey(e.keys);
      e.indexKey = key;
      e.onlyIndexKey = e.keys.size() == (key == null ? 0 : 1);
      String topic = e.exactTopic();
      if (topic != null && key == null) {
        Object cur = exact.get(topic);
        if (cur == null) {
          // an exact topic's only subscriber is held by the map itself: no node, no bucket, no array
          e.node = lone();
          exact.put(topic, e);
          size++;
          return;
        }
      }
      TopicNode<S> node = topic != null ? exactNode(topic) : patternNode(e.pattern());
      e.node = node;
      if (key == null) {
        node.all.add(e);
      } else {
        KeyIndex<S> ki = node.keyIndex(key, true);
        for (String v : e.keys.get(key)) {
          ki.add(v, e);
        }
        ki.entries++;
      }
      node.entries++;
      size++;
    } finally {
      lock.unlock();
    }
  }

  /** Removes an entry; returns false when it was removed before (or never added). */
  public boolean remove(Entry<S> e) {
    lock.lock();
    try {
      if (e.isRemoved() || e.node == null) {
        return false;
      }
      e.markRemoved();
      TopicNode<S> node = e.node;
      if (node == Entry.LONE) {
        exact.remove(e.exactTopic(), e);
        size--;
        return true;
      }
      if (e.indexKey == null) {
        node.all.remove(e);
      } else {
        KeyIndex<S> ki = node.keyIndex(e.indexKey, false);
        for (String v : e.indexedValues()) {
          ki.remove(v, e);
        }
        if (--ki.entries == 0) {
          node.dropKeyIndex(ki);
        }
      }
      if (--node.entries == 0) {
        dropNode(node);
      }
      size--;
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Hands each matching subscriber to the sink, once per entry. */
  public void match(Message m, Consumer<? super S> sink) {
    Object held = exact.get(m.topic());
    if (held instanceof TopicNode<?> node) {
      @SuppressWarnings("unchecked")
      TopicNode<S> n = (TopicNode<S>) node;
      n.match(m, sink);
    } else if (held != null) {
      @SuppressWarnings("unchecked")
      Entry<S> e = (Entry<S>) held;
      if (e.acceptsRest(m)) {
        sink.accept(e.value());
      }
    }
    TopicNode<S>[] pats = patterns;
    if (pats.length == 0) {
      return;
    }
    for (TopicNode<S> p : patternsFor(m.topic(), pats)) {
      p.match(m, sink);
    }
  }

  /** Convenience for tests and tools: the matching subscribers as a list. */
  public List<S> match(Message m) {
    List<S> out = new ArrayList<>();
    match(m, out::add);
    return out;
  }

  /** Number of entries. */
  public int size() {
    return size;
  }

  /** Number of distinct exact topics and topic patterns with at least one entry. */
  public int topicCount() {
    return exact.size() + patterns.length;
  }

  /** Whether topic patterns are cached per topic. */
  public boolean patternCacheEnabled() {
    return patternCache != null;
  }

  private TopicNode<S>[] patternsFor(String topic, TopicNode<S>[] pats) {
    if (patternCache == null) {
      return matching(topic, pats);
    }
    long gen = patternGeneration;
    CacheLine<S> line = patternCache.get(topic);
    if (line != null && line.generation() == gen) {
      return line.nodes();
    }
    // Read the generation before the patterns: a change made meanwhile leaves a stale generation on
    // the line, so the line is recomputed on its next use.
    TopicNode<S>[] found = matching(topic, patterns);
    // A full cache keeps what it has (stale lines are still refreshed in place) rather than being
    // emptied: with more topics in rotation than its capacity, emptying it meant it almost never hit.
    if (line != null || patternCache.size() < cacheCapacity) {
      patternCache.put(topic, new CacheLine<>(gen, found));
    }
    return found;
  }

  @SuppressWarnings("unchecked")
  private static <S> TopicNode<S>[] matching(String topic, TopicNode<S>[] pats) {
    TopicNode<S>[] out = null;
    int n = 0;
    for (TopicNode<S> p : pats) {
      if (p.pattern.matcher(topic).matches()) {
        if (out == null) {
          out = (TopicNode<S>[]) new TopicNode<?>[pats.length];
        }
        out[n++] = p;
      }
    }
    return out == null ? (TopicNode<S>[]) NO_NODES : Arrays.copyOf(out, n);
  }

  @SuppressWarnings("unchecked")
  private TopicNode<S> lone() {
    return (TopicNode<S>) Entry.LONE;
  }

  /** Under the lock: the topic's node, made (taking over a lone entry, if any) when there is none. */
  @SuppressWarnings("unchecked")
  private TopicNode<S> exactNode(String topic) {
    Object cur = exact.get(topic);
    if (cur instanceof TopicNode<?> node) {
      return (TopicNode<S>) node;
    }
    TopicNode<S> node = new TopicNode<>(topic, null);
    if (cur != null) {
      Entry<S> lone = (Entry<S>) cur;
      node.all.add(lone);
      node.entries = 1;
      lone.node = node;
    }
    exact.put(topic, node); // published complete: a match sees the lone entry or the node holding it
    return node;
  }

  private TopicNode<S> patternNode(TopicSelector.Regex rx) {
    TopicNode<S> node = patternsByText.get(rx.text());
    if (node == null) {
      node = new TopicNode<>(rx.text(), rx.pattern());
      patternsByText.put(rx.text(), node);
      TopicNode<S>[] old = patterns;
      TopicNode<S>[] n = Arrays.copyOf(old, old.length + 1);
      n[old.length] = node;
      patterns = n;
      patternGeneration++;
    }
    return node;
  }

  private void dropNode(TopicNode<S> node) {
    if (node.pattern == null) {
      exact.remove(node.text, node);
      return;
    }
    patternsByText.remove(node.text);
    TopicNode<S>[] old = patterns;
    @SuppressWarnings("unchecked")
    TopicNode<S>[] n = (TopicNode<S>[]) new TopicNode<?>[old.length - 1];
    int j = 0;
    for (TopicNode<S> x : old) {
      if (x != node) {
        n[j++] = x;
      }
    }
    patterns = n;
    patternGeneration++;
  }

  /** The most selective constrained key: the one with the fewest accepted values, then by name. */
  private static String chooseIndexKey(Map<String, Set<String>> keys) {
    String best = null;
    int bestSize = Integer.MAX_VALUE;
    for (Map.Entry<String, Set<String>> k : keys.entrySet()) {
      int n = k.getValue().size();
      if (n < bestSize || (n == bestSize && k.getKey().compareTo(best) < 0)) {
        best = k.getKey();
        bestSize = n;
      }
    }
    return best;
  }
}
