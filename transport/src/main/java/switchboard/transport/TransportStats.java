package switchboard.transport;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Every dialect's counters, by dialect name. */
public final class TransportStats {
  /** Plain HTTP requests and connections not (yet) upgraded to a dialect. */
  public static final String HTTP = "http";

  private final ConcurrentHashMap<String, DialectStats> byDialect = new ConcurrentHashMap<>();

  public DialectStats of(String dialect) {
    return byDialect.computeIfAbsent(dialect, d -> new DialectStats());
  }

  /** A sorted snapshot of the dialects seen so far. */
  public Map<String, DialectStats> all() {
    return new TreeMap<>(byDialect);
  }

  /** Open connections, every dialect. */
  public long connections() {
    long n = 0;
    for (DialectStats s : byDialect.values()) {
      n += s.connections();
    }
    return n;
  }
}
