package switchboard.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import switchboard.core.spi.DeviceType;
import switchboard.core.spi.DeviceTypeStore;

/** Device types in {@code dh_device_type}. */
final class JdbcDeviceTypes extends JdbcNamedTable<DeviceType> implements DeviceTypeStore {
  JdbcDeviceTypes(Db db) {
    super(db, "dh_device_type", DeviceType::new, DeviceType::id, DeviceType::name,
        DeviceType::description);
  }

  static DeviceType row(ResultSet rs) throws SQLException {
    return read(rs, DeviceType::new);
  }
}
