package switchboard.devicehive.auth;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link TokenPayload} into the JSON object under a token's {@code payload} claim and back.
 * Writing follows DeviceHive's key order ({@code u, a, n, dt, e, t}), so a token for the same
 * claims is byte-for-byte the one DeviceHive mints. Reading is lenient where DeviceHive's is: numbers
 * may arrive as JSON numbers or digit strings, and ids in {@code n}/{@code dt} as numbers.
 */
final class TokenClaims {
  static final String PAYLOAD = "payload";

  private TokenClaims() {}

  static Map<String, Object> toJson(TokenPayload p) {
    Map<String, Object> json = new LinkedHashMap<>();
    if (p.userId() != null) {
      json.put("u", p.userId());
    }
    json.put("a", List.copyOf(p.actions()));
    json.put("n", List.copyOf(p.networkIds()));
    json.put("dt", List.copyOf(p.deviceTypeIds()));
    if (p.expiration() != null) {
      json.put("e", p.expiration());
    }
    json.put("t", p.tokenType().id());
    return json;
  }

  /**
   * Reads the {@code payload} claim. A missing {@code a} grants nothing, written as {@code [NONE]};
   * a missing {@code n} or {@code dt} is empty.
   *
   * @throws IllegalArgumentException if the claim is not a DeviceHive user payload
   */
  static TokenPayload fromJson(Object claim) {
    if (!(claim instanceof Map<?, ?> json)) {
      throw new IllegalArgumentException("no payload object");
    }
    Object u = json.get("u");
    Long userId = u == null ? null : integral(u);
    Set<Integer> actions = json.containsKey("a") ? actionIds(json.get("a")) : Set.of(HiveAction.NONE.id());
    Object e = json.get("e");
    Long expiration = e == null ? null : integral(e);
    Object t = json.get("t");
    if (t == null) {
      throw new IllegalArgumentException("no token type");
    }
    TokenType type = TokenType.byId(integral(t))
        .orElseThrow(() -> new IllegalArgumentException("unknown token type " + t));
    return new TokenPayload(userId, actions, ids(json.get("n")), ids(json.get("dt")), expiration, type);
  }

  private static Set<Integer> actionIds(Object value) {
    Set<Integer> ids = new LinkedHashSet<>();
    for (Object entry : list(value)) {
      long id = integral(entry);
      if (id < Integer.MIN_VALUE || id > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("action id out of range: " + entry);
      }
      ids.add((int) id);
    }
    return ids;
  }

  private static Set<String> ids(Object value) {
    Set<String> ids = new LinkedHashSet<>();
    for (Object entry : list(value)) {
      ids.add(entry instanceof String s ? s : String.valueOf(integral(entry)));
    }
    return ids;
  }

  private static List<?> list(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return list;
    }
    throw new IllegalArgumentException("not a list: " + value);
  }

  /** A whole number, from a JSON number or a string of digits. */
  static long integral(Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    try {
      if (value instanceof BigInteger || value instanceof BigDecimal || value instanceof Double
          || value instanceof Float) {
        return new BigDecimal(value.toString()).longValueExact();
      }
      if (value instanceof String s) {
        return Long.parseLong(s.trim());
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("not a whole number: " + value, e);
    }
    throw new IllegalArgumentException("not a number: " + value);
  }
}
