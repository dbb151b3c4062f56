package switchboard.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import switchboard.core.spi.Command;
import switchboard.core.spi.CommandQuery;
import switchboard.core.spi.CommandStore;
import switchboard.core.spi.ReplayQuery;

/** Commands in {@code dh_command}; ids come from the table's identity column. */
final class JdbcCommands implements CommandStore {
  private static final String SELECT = "SELECT id, name, ts, last_updated, user_id, device_id,"
      + " network_id, device_type_id, parameters, lifetime, status, result, is_updated"
      + " FROM dh_command";

  private final Db db;
  private final Clock clock;

  JdbcCommands(Db db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public Command insert(Command command) {
    Command c = command.timestamp() == null ? command.withTimestamp(clock.instant()) : command;
    Instant lastUpdated = c.lastUpdated() == null ? c.timestamp() : c.lastUpdated();
    long id = db.insert("INSERT INTO dh_command (name, ts, last_updated, user_id, device_id,"
            + " network_id, device_type_id, parameters, lifetime, status, result, is_updated)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        c.command(), c.timestamp(), lastUpdated, c.userId(), c.deviceId(), c.networkId(),
        c.deviceTypeId(), c.parameters(), c.lifetime(), c.status(), c.result(), c.isUpdated());
    return new Command(id, c.command(), c.timestamp(), lastUpdated, c.userId(), c.deviceId(),
        c.networkId(), c.deviceTypeId(), c.parameters(), c.lifetime(), c.status(), c.result(),
        c.isUpdated());
  }

  @Override
  public Optional<Command> update(String deviceId, long id, String status, String result) {
    StringBuilder set = new StringBuilder("UPDATE dh_command SET is_updated = TRUE, last_updated = ?");
    List<Object> params = new ArrayList<>();
    params.add(clock.instant());
    if (status != null) {
      set.append(", status = ?");
      params.add(status);
    }
    if (result != null) {
      set.append(", result = ?");
      params.add(result);
    }
    set.append(" WHERE id = ? AND device_id = ?");
    params.add(id);
    params.add(deviceId);
    return db.transaction(c -> Db.update(c, set.toString(), params.toArray()) == 0
        ? Optional.<Command>empty()
        : Db.one(c, SELECT + " WHERE id = ?", JdbcCommands::row, id));
  }

  @Override
  public Optional<Command> find(String deviceId, long id) {
    return db.one(SELECT + " WHERE id = ? AND device_id = ?", JdbcCommands::row, id, deviceId);
  }

  @Override
  public List<Command> list(CommandQuery q) {
    Select s = new Select(SELECT)
        .eq("device_id", q.deviceId())
        .in("name", q.names())
        .compare("ts", ">=", q.start())
        .compare("ts", "<=", q.end())
        .eq("status", q.status())
        .orderBy(sortColumn(q.sort()), q.descending())
        .page(q.page());
    return db.list(s.sql(), s.params(), JdbcCommands::row);
  }

  @Override
  public List<Command> replay(ReplayQuery q) {
    Select s = Replay.narrow(new Select(SELECT), "ts", q);
    return db.list(s.sql(), s.params(), JdbcCommands::row);
  }

  @Override
  public List<Command> replayUpdated(ReplayQuery q) {
    Select s = Replay.narrow(new Select(SELECT).where("is_updated = TRUE"), "last_updated", q);
    return db.list(s.sql(), s.params(), JdbcCommands::row);
  }

  @Override
  public int deleteBefore(Instant cutoff) {
    return db.update("DELETE FROM dh_command WHERE ts < ?", cutoff);
  }

  private static String sortColumn(CommandQuery.Sort sort) {
    return switch (sort) {
      case TIMESTAMP -> "ts";
      case COMMAND -> "name";
      case STATUS -> "status";
    };
  }

  private static Command row(ResultSet rs) throws SQLException {
    return new Command(rs.getLong("id"), rs.getString("name"), Db.instant(rs, "ts"),
        Db.instant(rs, "last_updated"), Db.nullableLong(rs, "user_id"), rs.getString("device_id"),
        Db.nullableLong(rs, "network_id"), Db.nullableLong(rs, "device_type_id"),
        rs.getString("parameters"), Db.nullableInt(rs, "lifetime"), rs.getString("status"),
        rs.getString("result"), rs.getBoolean("is_updated"));
  }
}
