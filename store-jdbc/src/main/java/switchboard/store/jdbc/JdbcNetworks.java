package switchboard.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import switchboard.core.spi.Network;
import switchboard.core.spi.NetworkStore;

/** Networks in {@code dh_network}. */
final class JdbcNetworks extends JdbcNamedTable<Network> implements NetworkStore {
  JdbcNetworks(Db db) {
    super(db, "dh_network", Network::new, Network::id, Network::name, Network::description);
  }

  static Network row(ResultSet rs) throws SQLException {
    return read(rs, Network::new);
  }
}
