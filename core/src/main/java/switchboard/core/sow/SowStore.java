package switchboard.core.sow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The State-of-the-World topics of a server, fixed by configuration: topic name to its key fields.
 * In memory: the records survive a restart only where their owner loads them into the topics at start
 * and keeps every change in a {@link switchboard.core.spi.SowRecordStore}, as the amps dialect can.
 */
public final class SowStore {
  private final Map<String, SowTopic> topics = new TreeMap<>();

  /** @param keyFieldsByTopic topic to its key fields ({@code /id}); every topic needs at least one */
  public SowStore(Map<String, List<String>> keyFieldsByTopic) {
    keyFieldsByTopic.forEach((topic, keys) -> {
      if (keys.isEmpty()) {
        throw new IllegalArgumentException("SOW topic " + topic + " has no key field");
      }
      topics.put(topic, new SowTopic(topic, keys));
    });
  }

  /** The topic, when it keeps a State of the World. */
  public Optional<SowTopic> topic(String name) {
    return Optional.ofNullable(topics.get(name));
  }

  /** Topic names to key fields. */
  public Map<String, List<String>> describe() {
    return SowTopic.describe(topics.values());
  }
}
