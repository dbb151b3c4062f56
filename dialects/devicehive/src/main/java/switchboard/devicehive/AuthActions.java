package switchboard.devicehive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import switchboard.core.spi.User;
import switchboard.core.spi.UserRole;
import switchboard.core.spi.UserStatus;
import switchboard.devicehive.auth.AuthError;
import switchboard.devicehive.auth.AuthException;
import switchboard.devicehive.auth.Passwords;
import switchboard.devicehive.auth.Principal;
import switchboard.devicehive.auth.TokenPair;
import switchboard.devicehive.auth.TokenPayload;

/** {@code authenticate} (WebSocket only), {@code token}, {@code token/refresh}, {@code token/create}, {@code server/info} (§3). */
final class AuthActions {
  private static final Logger log = LoggerFactory.getLogger(AuthActions.class);
  static final String API_VERSION = "4.1.0";

  private AuthActions() {}

  static void register(DevicehiveDialect d, Map<String, Operation> actions) {
    actions.put("token", (c, r) -> login(d, c, r));
    actions.put("token/refresh", (c, r) -> refresh(d, c, r));
    actions.put("token/create", (c, r) -> TokenCreate.run(d, c, r));
    actions.put("server/info", (c, r) -> CompletableFuture.completedFuture(Reply.of(info(d, c))));
  }

  /** Verifies an access token, checks its user is active, and makes it the session's principal. */
  static CompletionStage<Principal> authenticate(DevicehiveDialect d, DhConnection c, String token) {
    return principal(d, c, token).thenApply(p -> {
      c.principal = p;
      return p;
    });
  }

  /** The principal of an access token whose user exists and is active (§5); 401 otherwise. */
  static CompletionStage<Principal> principal(DevicehiveDialect d, Caller c, String token) {
    TokenPayload payload = d.tokens().verifyAccess(token);
    if (payload.userId() == null) {
      throw AuthError.INVALID_CREDENTIALS.exception(); // plugin tokens are not served here
    }
    return d.blocking(c, () -> d.store().users().find(payload.userId())).thenApply(user -> {
      User u = user.filter(x -> x.status() == UserStatus.ACTIVE)
          .orElseThrow(AuthError.INVALID_CREDENTIALS::exception);
      return Principal.of(payload, u.allDeviceTypesAvailable(), u.role() == UserRole.ADMIN);
    });
  }

  /** The upgrade's Bearer token: on failure the session stays anonymous, as DeviceHive's would. */
  static CompletionStage<?> bearer(DevicehiveDialect d, DhConnection c, String token) {
    try {
      return authenticate(d, c, token).exceptionally(e -> {
        log.debug("bearer token refused on {}: {}", c, e.getMessage());
        return null;
      });
    } catch (AuthException e) {
      log.debug("bearer token refused on {}: {}", c, e.error().message());
      return CompletableFuture.completedFuture(null);
    }
  }

  static CompletionStage<Reply> login(DevicehiveDialect d, Caller c, Request r) {
    String login = r.text("login");
    String password = r.text("password");
    return d.blocking(c, () -> {
      User u = login == null ? null : d.store().users().findByLogin(login).orElse(null);
      if (u == null) {
        throw AuthError.loginNotFound(login).exception();
      }
      if (u.status() != UserStatus.ACTIVE || password == null
          || !Passwords.verify(password, u.passwordSalt(), u.passwordHash())) {
        throw AuthError.INVALID_CREDENTIALS.exception();
      }
      d.store().users().update(u.withLogins(0, d.clock().instant()));
      return d.tokens().issue(claimsOf(d, u));
    }).thenApply(AuthActions::pair);
  }

  static CompletionStage<Reply> refresh(DevicehiveDialect d, Caller c, Request r) {
    TokenPayload claims = d.tokens().verifyRefresh(r.text("refreshToken"));
    return d.blocking(c, () -> {
      boolean active = claims.userId() != null && d.store().users().find(claims.userId())
          .filter(u -> u.status() == UserStatus.ACTIVE).isPresent();
      if (!active) {
        throw AuthError.REFRESH_TOKEN_INVALID.exception();
      }
      return d.tokens().issueAccess(claims);
    }).thenApply(access -> {
      ObjectNode o = Render.object();
      o.put("accessToken", access);
      return Reply.of(o);
    });
  }

  /** What a login grants (§5): blocking, it reads the user's networks and device types. */
  static TokenPayload claimsOf(DevicehiveDialect d, User u) {
    boolean admin = u.role() == UserRole.ADMIN;
    List<Long> networks = new ArrayList<>();
    List<Long> types = new ArrayList<>();
    if (!admin) {
      d.store().users().networks(u.id()).forEach(n -> networks.add(n.id()));
      d.store().users().deviceTypes(u.id()).forEach(t -> types.add(t.id()));
    }
    return TokenPayload.forLogin(admin, u.id(), networks, types, u.allDeviceTypesAvailable());
  }

  static Reply pair(TokenPair p) {
    ObjectNode o = Render.object();
    o.put("accessToken", p.accessToken());
    o.put("refreshToken", p.refreshToken());
    return Reply.of(o);
  }

  private static ObjectNode info(DevicehiveDialect d, Caller c) {
    ObjectNode info = Render.object();
    info.put("apiVersion", API_VERSION);
    info.put("serverTimestamp", Times.format(d.clock().instant()));
    info.put("restServerUrl", c.host() == null ? null : "http://" + c.host() + "/dh/rest");
    ObjectNode o = Render.object();
    o.set("info", info);
    return o;
  }
}
