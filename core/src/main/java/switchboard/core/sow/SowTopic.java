package switchboard.core.sow;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * One topic's State of the World: the latest record per key, the key being the values of the topic's
 * key fields ({@code /id}, {@code /region,/id} ...).
 *
 * <h2>Concurrency contract</h2>
 *
 * Every read and write holds {@link #lock()}. A dialect that publishes to this topic writes the
 * record and hands the message to the hub while holding it, and a query that also subscribes takes
 * its snapshot and registers its subscription while holding it: so each publish is either in the
 * snapshot or delivered live, never both and never neither. Held only for map work, never for I/O.
 */
public final class SowTopic {
  private final String name;
  private final List<String[]> keyPaths;
  private final ReentrantLock lock = new ReentrantLock();
  private final LinkedHashMap<String, SowRecord> records = new LinkedHashMap<>(); // guarded by lock

  SowTopic(String name, List<String> keyFields) {
    this.name = name;
    this.keyPaths = new ArrayList<>();
    for (String f : keyFields) {
      String p = f.startsWith("/") ? f.substring(1) : f;
      keyPaths.add(p.split("/"));
    }
  }

  public String name() {
    return name;
  }

  /** The key fields' paths, each as its steps ({@code /a/b} is {@code [a, b]}). */
  public List<String[]> keyPaths() {
    return java.util.Collections.unmodifiableList(keyPaths);
  }

  public ReentrantLock lock() {
    return lock;
  }

  /**
   * The record key of a message body: FNV-1a 64 of its key field values, as an unsigned decimal.
   *
   * @throws SowKeyException when a key field is missing, null or not a scalar
   */
  public String keyOf(JsonNode json) throws SowKeyException {
    long hash = 0xcbf29ce484222325L;
    for (String[] path : keyPaths) {
      JsonNode n = json;
      for (String step : path) {
        n = n.path(step);
      }
      if (n.isMissingNode() || n.isNull() || n.isContainerNode()) {
        throw new SowKeyException("missing key field /" + String.join("/", path));
      }
      for (byte b : n.asText().getBytes(StandardCharsets.UTF_8)) {
        hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
      }
      hash = (hash ^ 0x1f) * 0x100000001b3L; // a separator, so that ("ab","c") and ("a","bc") differ
    }
    return Long.toUnsignedString(hash);
  }

  /** The record with this key, or null. Under the lock. */
  public SowRecord get(String key) {
    return records.get(key);
  }

  /** Writes a record; returns the one it replaced, or null. Under {@link #lock()}. */
  public SowRecord put(SowRecord r) {
    checkLocked();
    SowRecord old = records.remove(r.sowKey());
    records.put(r.sowKey(), r); // an update moves the record to the end: the order is last-written
    return old;
  }

  /** The records that pass the test, in the order, after skipping {@code skip}, at most {@code top}. Under the lock. */
  public List<SowRecord> query(Predicate<SowRecord> test, Comparator<SowRecord> order, int skip, int top) {
    checkLocked();
    List<SowRecord> out = new ArrayList<>();
    for (SowRecord r : records.values()) {
      if (test.test(r)) {
        out.add(r);
      }
    }
    if (order != null) {
      out.sort(order);
    }
    int from = Math.min(skip, out.size());
    int to = top < 0 ? out.size() : Math.min(out.size(), from + top);
    return new ArrayList<>(out.subList(from, to));
  }

  /** Removes the records that pass the test; returns them. Under the lock. */
  public List<SowRecord> delete(Predicate<SowRecord> test) {
    checkLocked();
    List<SowRecord> out = new ArrayList<>();
    for (Iterator<SowRecord> it = records.values().iterator(); it.hasNext(); ) {
      SowRecord r = it.next();
      if (test.test(r)) {
        it.remove();
        out.add(r);
      }
    }
    return out;
  }

  /** Removes the records with these keys; returns them. Under the lock. */
  public List<SowRecord> deleteKeys(Collection<String> keys) {
    checkLocked();
    List<SowRecord> out = new ArrayList<>();
    for (String k : keys) {
      SowRecord r = records.remove(k);
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }

  /** Records held. Under the lock. */
  public int size() {
    checkLocked();
    return records.size();
  }

  private void checkLocked() {
    if (!lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("SOW topic " + name + " used without its lock");
    }
  }

  /** The configured topics and their key fields, for tools. */
  static Map<String, List<String>> describe(Collection<SowTopic> topics) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (SowTopic t : topics) {
      List<String> keys = new ArrayList<>();
      for (String[] p : t.keyPaths) {
        keys.add("/" + String.join("/", p));
      }
      m.put(t.name, keys);
    }
    return m;
  }
}
