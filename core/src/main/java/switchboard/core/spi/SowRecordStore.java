package switchboard.core.spi;

import java.util.List;

/**
 * The amps dialect's State-of-the-World records, so they survive a restart. Blocking and
 * thread-safe; see {@link Store}. The store keeps at most one record per topic and key, and never
 * parses a payload.
 */
public interface SowRecordStore {
  /**
   * The topic's records, oldest first (by timestamp, then key): the order a topic that keeps its
   * records last-written-last is rebuilt in. Records written in the same millisecond may come back in
   * another order than they were written.
   */
  List<StoredSowRecord> load(String topic);

  /**
   * Applies the puts and deletes, of any number of topics, in one transaction: all of them are
   * stored, or, when this throws, none. Where the batch holds more than one write for a topic and
   * key, the later one wins. An empty batch does nothing.
   */
  void write(List<SowWrite> batch);
}
