package switchboard.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import switchboard.core.spi.Device;
import switchboard.core.spi.DeviceQuery;
import switchboard.core.spi.DeviceStore;

/** Devices in {@code dh_device}, keyed by their string id. */
final class JdbcDevices implements DeviceStore {
  private static final String SELECT =
      "SELECT id, name, data, network_id, device_type_id, blocked FROM dh_device";

  private final Db db;

  JdbcDevices(Db db) {
    this.db = db;
  }

  @Override
  public boolean put(Device d) {
    // Update first, insert when there was nothing to update: portable where MERGE and ON CONFLICT
    // are not (H2 and PostgreSQL 14 lack a common upsert).
    return Db.retryOnDuplicate(() -> db.transaction(c -> {
      int updated = Db.update(c, "UPDATE dh_device SET name = ?, data = ?, network_id = ?,"
              + " device_type_id = ?, blocked = ? WHERE id = ?",
          d.name(), d.data(), d.networkId(), d.deviceTypeId(), d.blocked(), d.id());
      if (updated > 0) {
        return false;
      }
      Db.update(c, "INSERT INTO dh_device (id, name, data, network_id, device_type_id, blocked)"
              + " VALUES (?, ?, ?, ?, ?, ?)",
          d.id(), d.name(), d.data(), d.networkId(), d.deviceTypeId(), d.blocked());
      return true;
    }));
  }

  @Override
  public Optional<Device> find(String id) {
    return db.one(SELECT + " WHERE id = ?", JdbcDevices::row, id);
  }

  @Override
  public boolean delete(String id) {
    // A device id may be registered again later; it must not inherit the old device's history.
    return db.transaction(c -> {
      Db.update(c, "DELETE FROM dh_command WHERE device_id = ?", id);
      Db.update(c, "DELETE FROM dh_notification WHERE device_id = ?", id);
      return Db.update(c, "DELETE FROM dh_device WHERE id = ?", id) > 0;
    });
  }

  @Override
  public List<Device> list(DeviceQuery q) {
    Select s = new Select(SELECT)
        .eq("name", q.name())
        .like("name", q.namePattern())
        .in("network_id", q.networkIds())
        .in("device_type_id", q.deviceTypeIds())
        .orderBy(q.sort() == DeviceQuery.Sort.NAME ? "name" : "id", q.descending())
        .page(q.page());
    return db.list(s.sql(), s.params(), JdbcDevices::row);
  }

  private static Device row(ResultSet rs) throws SQLException {
    return new Device(rs.getString("id"), rs.getString("name"), rs.getString("data"),
        Db.nullableLong(rs, "network_id"), Db.nullableLong(rs, "device_type_id"),
        rs.getBoolean("blocked"));
  }
}
