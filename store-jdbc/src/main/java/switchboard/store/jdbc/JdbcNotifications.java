package switchboard.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import switchboard.core.spi.Notification;
import switchboard.core.spi.NotificationQuery;
import switchboard.core.spi.NotificationStore;
import switchboard.core.spi.ReplayQuery;

/** Notifications in {@code dh_notification}; ids come from the table's identity column. */
final class JdbcNotifications implements NotificationStore {
  private static final String SELECT = "SELECT id, name, device_id, network_id, device_type_id, ts,"
      + " parameters FROM dh_notification";

  private final Db db;
  private final Clock clock;

  JdbcNotifications(Db db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public Notification insert(Notification notification) {
    Notification n = notification.timestamp() == null
        ? notification.withTimestamp(clock.instant())
        : notification;
    long id = db.insert("INSERT INTO dh_notification (name, device_id, network_id, device_type_id,"
            + " ts, parameters) VALUES (?, ?, ?, ?, ?, ?)",
        n.notification(), n.deviceId(), n.networkId(), n.deviceTypeId(), n.timestamp(),
        n.parameters());
    return n.withId(id);
  }

  @Override
  public Optional<Notification> find(String deviceId, long id) {
    return db.one(SELECT + " WHERE id = ? AND device_id = ?", JdbcNotifications::row, id,
        deviceId);
  }

  @Override
  public List<Notification> list(NotificationQuery q) {
    Select s = new Select(SELECT)
        .eq("device_id", q.deviceId())
        .in("name", q.names())
        .compare("ts", ">=", q.start())
        .compare("ts", "<=", q.end())
        .orderBy(q.sort() == NotificationQuery.Sort.NOTIFICATION ? "name" : "ts", q.descending())
        .page(q.page());
    return db.list(s.sql(), s.params(), JdbcNotifications::row);
  }

  @Override
  public List<Notification> replay(ReplayQuery q) {
    Select s = Replay.narrow(new Select(SELECT), "ts", q);
    return db.list(s.sql(), s.params(), JdbcNotifications::row);
  }

  @Override
  public int deleteBefore(Instant cutoff) {
    return db.update("DELETE FROM dh_notification WHERE ts < ?", cutoff);
  }

  private static Notification row(ResultSet rs) throws SQLException {
    return new Notification(rs.getLong("id"), rs.getString("name"), rs.getString("device_id"),
        Db.nullableLong(rs, "network_id"), Db.nullableLong(rs, "device_type_id"),
        Db.instant(rs, "ts"), rs.getString("parameters"));
  }
}
