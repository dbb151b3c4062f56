package switchboard.devicehive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletionStage;
import switchboard.core.spi.StoreConflictException;
import switchboard.core.spi.User;
import switchboard.core.spi.UserRole;
import switchboard.core.spi.UserStatus;
import switchboard.devicehive.auth.HiveAction;
import switchboard.devicehive.auth.Passwords;

/**
 * Creating and changing users: {@code user/insert} {@code {user:{login, password, role?, status?,
 * data?, introReviewed?, allDeviceTypesAvailable?}}} answers {@code {user:{id, lastLogin}}}; a taken
 * login is 403, as DeviceHive answers it.
 */
final class UserEdits {
  static final String LOGIN_TAKEN = "User with such login already exists. Please, select another one";

  private UserEdits() {}

  static CompletionStage<Reply> insert(DevicehiveDialect d, Caller c, Request r) {
    Access.require(c, HiveAction.MANAGE_USER);
    Request u = body(r);
    String login = u.text("login");
    if (login == null || login.isBlank()) {
      throw new DhException(400, "Login is required");
    }
    String password = u.text("password");
    if (password == null || password.isEmpty()) {
      throw new DhException(400, "Password is required");
    }
    String salt = Passwords.newSalt();
    User draft = User.newUser(login, Passwords.hash(salt, password), salt, role(u, UserRole.CLIENT));
    User toStore = new User(0, login, draft.passwordHash(), salt, draft.role(), status(u, UserStatus.ACTIVE), 0, null,
        Request.raw(u.body(), "data"), u.bool("introReviewed"),
        !u.has("allDeviceTypesAvailable") || u.bool("allDeviceTypesAvailable"));
    return d.blocking(c, () -> {
      User created;
      try {
        created = d.store().users().create(toStore);
      } catch (StoreConflictException e) {
        throw new DhException(403, LOGIN_TAKEN);
      }
      ObjectNode o = Render.object();
      o.put("id", created.id());
      o.put("lastLogin", Times.format(created.lastLogin()));
      return Reply.of(Render.object().set("user", o));
    });
  }

  /** Applies the fields present; {@code everything} false keeps login, role and status (a client's own update). */
  static CompletionStage<Reply> update(DevicehiveDialect d, Caller c, long id, Request u, boolean everything) {
    String login = everything ? u.text("login") : null;
    UserRole role = everything ? role(u, null) : null;
    UserStatus status = everything ? status(u, null) : null;
    String password = u.text("password");
    String data = u.has("data") ? Request.raw(u.body(), "data") : null;
    Boolean intro = u.has("introReviewed") ? u.bool("introReviewed") : null;
    Boolean allTypes = everything && u.has("allDeviceTypesAvailable") ? u.bool("allDeviceTypesAvailable") : null;
    return d.blocking(c, () -> {
      User old = user(d, id);
      String salt = password == null ? old.passwordSalt() : Passwords.newSalt();
      String hash = password == null ? old.passwordHash() : Passwords.hash(salt, password);
      User changed = new User(id, login == null ? old.login() : login, hash, salt, role == null ? old.role() : role,
          status == null ? old.status() : status, old.loginAttempts(), old.lastLogin(),
          u.has("data") ? data : old.data(), intro == null ? old.introReviewed() : intro,
          allTypes == null ? old.allDeviceTypesAvailable() : allTypes);
      try {
        d.store().users().update(changed);
      } catch (StoreConflictException e) {
        throw new DhException(403, LOGIN_TAKEN);
      }
      return Reply.EMPTY;
    });
  }

  /** Blocking: the user, or 404. */
  static User user(DevicehiveDialect d, long id) {
    return d.store().users().find(id).orElseThrow(() -> notFound(id));
  }

  static DhException notFound(long id) {
    return new DhException(404, "User with id = " + id + " not found");
  }

  static long userId(Request r) {
    Long id = r.longValue("userId");
    if (id == null) {
      throw new DhException(400, "User id is required");
    }
    return id;
  }

  static Request body(Request r) {
    ObjectNode o = r.object("user");
    if (o == null) {
      throw new DhException(400, "User is required");
    }
    return new Request(r.action(), r.requestId(), o);
  }

  private static UserRole role(Request u, UserRole otherwise) {
    Integer code = u.intValue("role");
    try {
      return code == null ? otherwise : UserRole.ofCode(code);
    } catch (IllegalArgumentException e) {
      throw new DhException(400, "Unknown role: " + code);
    }
  }

  private static UserStatus status(Request u, UserStatus otherwise) {
    Integer code = u.intValue("status");
    try {
      return code == null ? otherwise : UserStatus.ofCode(code);
    } catch (IllegalArgumentException e) {
      throw new DhException(400, "Unknown status: " + code);
    }
  }
}
