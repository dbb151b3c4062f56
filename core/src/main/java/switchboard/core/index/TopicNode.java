package switchboard.core.index;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import switchboard.core.Message;

/**
 * Everything subscribed to one exact topic, or to one topic pattern: a bucket of entries with no key
 * constraint, and one {@link KeyIndex} per key name that some entry is indexed by.
 */
final class TopicNode<S> {
  private static final KeyIndex<?>[] NO_KEYS = new KeyIndex<?>[0];
  /** Up to this many values of one key, a match tells repeats apart by comparing them pairwise. */
  static final int FEW_VALUES = 8;

  final String text;
  /** Null for an exact topic. */
  final Pattern pattern;
  final Bucket<S> all = new Bucket<>();

  @SuppressWarnings("unchecked")
  private volatile KeyIndex<S>[] keyIndexes = (KeyIndex<S>[]) NO_KEYS;

  int entries; // under the index lock

  TopicNode(String text, Pattern pattern) {
    this.text = text;
    this.pattern = pattern;
  }

  /** Under the index lock. */
  KeyIndex<S> keyIndex(String name, boolean create) {
    for (KeyIndex<S> k : keyIndexes) {
      if (k.name.equals(name)) {
        return k;
      }
    }
    if (!create) {
      return null;
    }
    KeyIndex<S> k = new KeyIndex<>(name);
    KeyIndex<S>[] old = keyIndexes;
    KeyIndex<S>[] n = Arrays.copyOf(old, old.length + 1);
    n[old.length] = k;
    keyIndexes = n;
    return k;
  }

  /** Under the index lock. */
  void dropKeyIndex(KeyIndex<S> k) {
    KeyIndex<S>[] old = keyIndexes;
    @SuppressWarnings("unchecked")
    KeyIndex<S>[] n = (KeyIndex<S>[]) new KeyIndex<?>[old.length - 1];
    int j = 0;
    for (KeyIndex<S> x : old) {
      if (x != k) {
        n[j++] = x;
      }
    }
    keyIndexes = n;
  }

  /**
   * Hands every entry of this node that accepts the message to the sink, each once. The cost is the
   * number of entries in the all-bucket plus the entries under the message's key values: never the
   * entries under other values.
   */
  void match(Message m, Consumer<? super S> sink) {
    emit(all, null, m, sink, null, 0);
    KeyIndex<S>[] kis = keyIndexes;
    if (kis.length == 0) {
      return;
    }
    for (KeyIndex<S> ki : kis) {
      List<String> values = m.indexKey(ki.name);
      if (values.size() > FEW_VALUES) {
        matchMany(ki, values, m, sink);
        continue;
      }
      for (int i = 0; i < values.size(); i++) {
        String v = values.get(i);
        if (seenBefore(values, i, v)) {
          continue;
        }
        Object o = ki.byValue.get(v);
        if (o instanceof Entry<?> single) {
          @SuppressWarnings("unchecked")
          Entry<S> e = (Entry<S>) single;
          offer(e, m, sink, values, i);
        } else if (o != null) {
          @SuppressWarnings("unchecked")
          Bucket<S> b = (Bucket<S>) o;
          emit(b, ki.name, m, sink, values, i);
        }
      }
    }
  }

  /**
   * {@link #match} for a message with many values for one key (a long JSON array under an indexed
   * field): the values and the entries reached under several of them are told apart with hash sets,
   * so the cost stays linear in the values where the pairwise checks of the few-values path would
   * grow with their square.
   */
  private void matchMany(KeyIndex<S> ki, List<String> values, Message m, Consumer<? super S> sink) {
    Set<String> seen = new HashSet<>(values.size() * 2);
    Set<Entry<S>> reached = Collections.newSetFromMap(new IdentityHashMap<>());
    for (String v : values) {
      if (!seen.add(v)) {
        continue;
      }
      Object o = ki.byValue.get(v);
      if (o instanceof Entry<?> single) {
        @SuppressWarnings("unchecked")
        Entry<S> e = (Entry<S>) single;
        offerOnce(e, m, sink, reached);
      } else if (o != null) {
        @SuppressWarnings("unchecked")
        Bucket<S> b = (Bucket<S>) o;
        Entry<S>[] small = b.small(); // array first, as in emit
        Set<Entry<S>> large = b.large();
        for (Entry<S> e : large == null ? Arrays.asList(small) : large) {
          offerOnce(e, m, sink, reached);
        }
      }
    }
  }

  /** An entry under several values is offered the first time one of them reaches it, only. */
  private static <S> void offerOnce(Entry<S> e, Message m, Consumer<? super S> sink, Set<Entry<S>> reached) {
    if (e.indexedValues().size() > 1 && !reached.add(e)) {
      return;
    }
    if (e.acceptsRest(m)) {
      sink.accept(e.value());
    }
  }

  private static boolean seenBefore(List<String> values, int i, String v) {
    for (int j = 0; j < i; j++) {
      if (values.get(j).equals(v)) {
        return true;
      }
    }
    return false;
  }

  private void emit(Bucket<S> b, String key, Message m, Consumer<? super S> sink, List<String> values, int at) {
    // Read the array before the set: a growing bucket publishes its set first and empties its array
    // after, so an array read first is either the full old array (used when no set is seen yet) or
    // empty, in which case the set is already visible. Read the other way round, a match could see
    // no set and then the emptied array, and miss every entry.
    Entry<S>[] small = b.small();
    Set<Entry<S>> large = b.large();
    if (large == null) {
      for (Entry<S> e : small) {
        offer(e, m, sink, values, at);
      }
    } else {
      for (Entry<S> e : large) {
        offer(e, m, sink, values, at);
      }
    }
  }

  private static <S> void offer(Entry<S> e, Message m, Consumer<? super S> sink, List<String> values, int at) {
    // An entry registered under several values is reached once per value the message carries:
    // emit it only for the first of the message's values it accepts.
    if (at > 0 && e.indexKey != null) {
      Set<String> accepted = e.indexedValues();
      if (accepted.size() > 1) {
        for (int j = 0; j < at; j++) {
          if (accepted.contains(values.get(j))) {
            return;
          }
        }
      }
    }
    if (e.acceptsRest(m)) {
      sink.accept(e.value());
    }
  }
}
