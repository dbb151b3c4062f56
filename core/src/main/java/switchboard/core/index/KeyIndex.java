package switchboard.core.index;

import java.util.concurrent.ConcurrentHashMap;

/** The entries of one topic indexed by one key name: key value to bucket. */
final class KeyIndex<S> {
  final String name;
  final ConcurrentHashMap<String, Bucket<S>> byValue = new ConcurrentHashMap<>();
  int entries; // under the index lock

  KeyIndex(String name) {
    this.name = name;
  }
}
