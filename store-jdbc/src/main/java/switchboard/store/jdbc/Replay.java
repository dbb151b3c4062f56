package switchboard.store.jdbc;

import switchboard.core.spi.ReplayQuery;

/**
 * The replay query shared by commands and notifications: strictly after a time, narrowed by device,
 * network, device type and name, oldest first, limited. The indexes on {@code (device_id, ts, id)},
 * {@code (network_id, ts, id)} and {@code (ts, id)} serve it.
 */
final class Replay {
  private Replay() {}

  /**
   * @param select the SELECT up to the table, with any condition of its own
   * @param timeColumn {@code ts}, or {@code last_updated} for updated commands
   */
  static Select narrow(Select select, String timeColumn, ReplayQuery q) {
    return select
        .where(timeColumn + " > ?", q.since())
        .in("device_id", q.deviceIds())
        .in("network_id", q.networkIds())
        .in("device_type_id", q.deviceTypeIds())
        .in("name", q.names())
        .orderBy(timeColumn, false)
        .limit(q.limit());
  }
}
