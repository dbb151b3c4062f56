package switchboard.devicehive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import switchboard.devicehive.auth.AuthError;
import switchboard.devicehive.auth.HiveAction;
import switchboard.devicehive.auth.Principal;
import switchboard.devicehive.auth.TokenPair;
import switchboard.devicehive.auth.TokenPayload;
import switchboard.devicehive.auth.TokenType;

/**
 * {@code token/create} {@code {payload:{userId, actions, networkIds, deviceTypeIds, expiration?,
 * refreshExpiration?}}} (§3, §5): needs ManageToken. An administrator may mint any token; anyone else
 * only one for itself that grants no more than its own token does (403 otherwise), which is what the
 * npm client's {@code autoUpdateSession} asks for after every login.
 */
final class TokenCreate {
  private TokenCreate() {}

  static CompletionStage<Reply> run(DevicehiveDialect d, Caller c, Request r) {
    Principal p = Access.require(c, HiveAction.MANAGE_TOKEN);
    ObjectNode body = r.object("payload");
    if (body == null) {
      throw DhException.malformed();
    }
    Request q = new Request(r.action(), r.requestId(), body);
    Long userId = q.longValue("userId");
    if (userId == null) {
      throw DhException.malformed();
    }
    Set<Integer> actions = HiveAction.idsFromRequest(q.has("actions") ? list(q.get("actions")) : null);
    Set<String> networks = ids(q.get("networkIds"));
    Set<String> types = ids(q.get("deviceTypeIds"));
    Instant expiration = q.timestamp("expiration");
    Instant refreshExpiration = q.timestamp("refreshExpiration");
    if (!Access.isAdmin(p) && !withinOwn(p, userId, actions, networks, types)) {
      throw AuthError.ACCESS_DENIED.exception();
    }
    TokenPayload claims = new TokenPayload(userId, actions, networks, types, null, TokenType.ACCESS);
    return d.blocking(c, () -> {
      if (d.store().users().find(userId).isEmpty()) {
        throw AuthError.userNotFound(userId).exception();
      }
      TokenPair issued = d.tokens().issue(claims);
      String access = expiration == null ? issued.accessToken() : d.tokens().sign(claims.asAccess(expiration.toEpochMilli()));
      String refresh = refreshExpiration == null ? issued.refreshToken()
          : d.tokens().sign(claims.asRefresh(refreshExpiration.toEpochMilli()));
      return new TokenPair(access, refresh);
    }).thenApply(AuthActions::pair);
  }

  private static boolean withinOwn(Principal p, long userId, Set<Integer> actions, Set<String> networks, Set<String> types) {
    if (p.userId().isEmpty() || p.userId().get() != userId) {
      return false;
    }
    Set<HiveAction> asked = new LinkedHashSet<>();
    if (actions.isEmpty()) {
      asked.addAll(HiveAction.CLIENT_ACTIONS);
    }
    for (int id : actions) {
      if (id == HiveAction.ANY.id()) {
        asked.addAll(List.of(HiveAction.values()));
      } else {
        HiveAction.byId(id).ifPresent(asked::add);
      }
    }
    if (!p.actions().containsAll(asked)) {
      return false;
    }
    for (String n : networks) {
      if (TokenPayload.ALL.equals(n) ? !p.allNetworks() : !p.canAccessNetwork(Long.parseLong(n))) {
        return false;
      }
    }
    for (String t : types) {
      if (TokenPayload.ALL.equals(t) ? !p.allDeviceTypes() : !p.canAccessDeviceType(Long.parseLong(t))) {
        return false;
      }
    }
    return true;
  }

  /** An action list as {@link HiveAction#idsFromRequest} reads it: numbers and strings. */
  private static List<Object> list(JsonNode n) {
    if (!n.isArray()) {
      throw DhException.malformed();
    }
    List<Object> out = new ArrayList<>();
    for (JsonNode e : n) {
      out.add(e.isNumber() ? e.numberValue() : e.asText());
    }
    return out;
  }

  /** Network or device type ids, numbers or strings, or {@code "*"}. */
  private static Set<String> ids(JsonNode n) {
    if (n == null) {
      return Set.of();
    }
    if (!n.isArray()) {
      throw DhException.malformed();
    }
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode e : n) {
      String s = e.asText().trim();
      boolean id = !s.isEmpty() && s.chars().allMatch(Character::isDigit);
      if (!id && !TokenPayload.ALL.equals(s)) {
        throw DhException.malformed();
      }
      out.add(s);
    }
    return out;
  }
}
