package switchboard.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import switchboard.core.spi.DeviceType;
import switchboard.core.spi.Network;
import switchboard.core.spi.StoreException;
import switchboard.core.spi.User;
import switchboard.core.spi.UserQuery;
import switchboard.core.spi.UserRole;
import switchboard.core.spi.UserStatus;
import switchboard.core.spi.UserStore;

/** Users in {@code dh_user}, their links in {@code dh_user_network} and {@code dh_user_device_type}. */
final class JdbcUsers implements UserStore {
  private static final String COLUMNS = "id, login, password_hash, password_salt, role, status,"
      + " login_attempts, last_login, data, intro_reviewed, all_device_types_available";

  private final Db db;

  JdbcUsers(Db db) {
    this.db = db;
  }

  @Override
  public User create(User user) {
    long id = db.insert("INSERT INTO dh_user (login, password_hash, password_salt, role, status,"
            + " login_attempts, last_login, data, intro_reviewed, all_device_types_available)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        user.login(), user.passwordHash(), user.passwordSalt(), user.role().code(),
        user.status().code(), user.loginAttempts(), user.lastLogin(), user.data(),
        user.introReviewed(), user.allDeviceTypesAvailable());
    return user.withId(id);
  }

  @Override
  public Optional<User> find(long id) {
    return db.one("SELECT " + COLUMNS + " FROM dh_user WHERE id = ?", JdbcUsers::row, id);
  }

  @Override
  public Optional<User> findByLogin(String login) {
    return db.one("SELECT " + COLUMNS + " FROM dh_user WHERE login = ?", JdbcUsers::row, login);
  }

  @Override
  public boolean update(User user) {
    return db.update("UPDATE dh_user SET login = ?, password_hash = ?, password_salt = ?, role = ?,"
            + " status = ?, login_attempts = ?, last_login = ?, data = ?, intro_reviewed = ?,"
            + " all_device_types_available = ? WHERE id = ?",
        user.login(), user.passwordHash(), user.passwordSalt(), user.role().code(),
        user.status().code(), user.loginAttempts(), user.lastLogin(), user.data(),
        user.introReviewed(), user.allDeviceTypesAvailable(), user.id()) > 0;
  }

  @Override
  public boolean delete(long id) {
    return db.update("DELETE FROM dh_user WHERE id = ?", id) > 0;
  }

  @Override
  public List<User> list(UserQuery q) {
    Select select = new Select("SELECT " + COLUMNS + " FROM dh_user")
        .eq("login", q.login())
        .like("login", q.loginPattern())
        .eq("role", q.role() == null ? null : q.role().code())
        .eq("status", q.status() == null ? null : q.status().code())
        .orderBy(q.sort() == UserQuery.Sort.LOGIN ? "login" : "id", q.descending())
        .page(q.page());
    return db.list(select.sql(), select.params(), JdbcUsers::row);
  }

  @Override
  public boolean addNetwork(long userId, long networkId) {
    return link("INSERT INTO dh_user_network (user_id, network_id) VALUES (?, ?)", userId, networkId);
  }

  @Override
  public boolean removeNetwork(long userId, long networkId) {
    return db.update("DELETE FROM dh_user_network WHERE user_id = ? AND network_id = ?",
        userId, networkId) > 0;
  }

  @Override
  public List<Network> networks(long userId) {
    return db.list("SELECT n.id, n.name, n.description FROM dh_network n"
            + " JOIN dh_user_network l ON l.network_id = n.id WHERE l.user_id = ? ORDER BY n.id",
        List.of(userId), JdbcNetworks::row);
  }

  @Override
  public boolean addDeviceType(long userId, long deviceTypeId) {
    return link("INSERT INTO dh_user_device_type (user_id, device_type_id) VALUES (?, ?)",
        userId, deviceTypeId);
  }

  @Override
  public boolean removeDeviceType(long userId, long deviceTypeId) {
    return db.update("DELETE FROM dh_user_device_type WHERE user_id = ? AND device_type_id = ?",
        userId, deviceTypeId) > 0;
  }

  @Override
  public List<DeviceType> deviceTypes(long userId) {
    return db.list("SELECT t.id, t.name, t.description FROM dh_device_type t"
            + " JOIN dh_user_device_type l ON l.device_type_id = t.id WHERE l.user_id = ?"
            + " ORDER BY t.id",
        List.of(userId), JdbcDeviceTypes::row);
  }

  /** Inserts a link; one that exists already (the key is the pair) is left as it is. */
  private boolean link(String insert, long userId, long otherId) {
    try {
      return db.update(insert, userId, otherId) > 0;
    } catch (StoreException e) {
      if (SqlErrors.isDuplicate(e)) {
        return false;
      }
      throw e;
    }
  }

  private static User row(ResultSet rs) throws SQLException {
    return new User(rs.getLong("id"), rs.getString("login"), rs.getString("password_hash"),
        rs.getString("password_salt"), UserRole.ofCode(rs.getInt("role")),
        UserStatus.ofCode(rs.getInt("status")), rs.getInt("login_attempts"),
        Db.instant(rs, "last_login"), rs.getString("data"), rs.getBoolean("intro_reviewed"),
        rs.getBoolean("all_device_types_available"));
  }
}
