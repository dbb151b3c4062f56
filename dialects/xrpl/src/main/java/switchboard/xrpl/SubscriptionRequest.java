package switchboard.xrpl;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A subscribe or unsubscribe request, read and checked whole before anything is applied, so a failure
 * leaves the connection as it was (protocols/xrpl.md §1.3, Clio's behaviour). The checks and their
 * errors are rippled's, in rippled's order: url, streams, accounts_proposed, accounts, books.
 *
 * @param streams named streams
 * @param accountsProposed classic addresses for accounts_proposed (alias rt_accounts)
 * @param accounts classic addresses for accounts
 * @param books order books; {@code both} adds the reversed book
 * @param url a push callback (admin only), or null
 */
record SubscriptionRequest(
    Set<Stream> streams, Set<String> accountsProposed, Set<String> accounts, List<BookRequest> books, UrlRequest url) {

  /**
   * One entry of {@code books}.
   *
   * @param takerPays what the taker pays
   * @param takerGets what the taker gets
   * @param both also the reversed book
   * @param snapshot (subscribe only) answer the current offers
   * @param taker (subscribe only) the account whose view of funding the snapshot takes, or null
   */
  record BookRequest(Asset takerPays, Asset takerGets, boolean both, boolean snapshot, String taker) {}

  /** An HTTP callback: where each message is POSTed, with optional basic credentials. */
  record UrlRequest(URI url, String username, String password) {}

  /**
   * Reads a request.
   *
   * @param subscribe true for subscribe, false for unsubscribe
   * @param admin whether the connection is an admin's
   * @param accountError the token to answer a bad address in accounts with
   */
  static SubscriptionRequest read(JsonNode req, boolean subscribe, boolean admin, XrplError accountError) throws XrplException {
    UrlRequest url = url(req, subscribe, admin);
    Set<Stream> streams = streams(req, subscribe, admin);
    JsonNode proposed = req.has("accounts_proposed") ? req.get("accounts_proposed") : req.get("rt_accounts");
    Set<String> accountsProposed = proposed == null ? Set.of() : accounts(proposed, accountError);
    Set<String> accounts = req.has("accounts") ? accounts(req.get("accounts"), accountError) : Set.of();
    List<BookRequest> books = req.has("books") ? books(req.get("books"), subscribe) : List.of();
    return new SubscriptionRequest(streams, accountsProposed, accounts, books, url);
  }

  private static UrlRequest url(JsonNode req, boolean subscribe, boolean admin) throws XrplException {
    if (!req.has("url")) {
      return null;
    }
    if (!admin) {
      throw XrplError.NO_PERMISSION.fail();
    }
    JsonNode u = req.get("url");
    URI uri;
    try {
      uri = u.isTextual() ? new URI(u.asText()) : null;
    } catch (java.net.URISyntaxException e) {
      uri = null;
    }
    if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
      throw XrplError.INVALID_PARAMS.fail("Failed to parse url.");
    }
    if (subscribe && !uri.getScheme().equals("http") && !uri.getScheme().equals("https")) {
      throw XrplError.INVALID_PARAMS.fail("Only http and https is supported.");
    }
    String user = text(req, "url_username", "username");
    String pass = text(req, "url_password", "password");
    return new UrlRequest(uri, user, pass);
  }

  private static String text(JsonNode req, String name, String deprecated) {
    JsonNode n = req.has(name) ? req.get(name) : req.get(deprecated);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static Set<Stream> streams(JsonNode req, boolean subscribe, boolean admin) throws XrplException {
    JsonNode s = req.get("streams");
    if (s == null) {
      return Set.of();
    }
    if (!s.isArray()) {
      throw XrplError.INVALID_PARAMS.fail();
    }
    Set<Stream> out = new LinkedHashSet<>();
    for (JsonNode e : s) {
      if (!e.isTextual()) {
        throw XrplError.MALFORMED_STREAM.fail();
      }
      Stream st = Stream.named(e.asText());
      if (st == null || (!subscribe && !st.unsubscribable)) {
        throw XrplError.MALFORMED_STREAM.fail();
      }
      if (subscribe && st.adminOnSubscribe && !admin) {
        throw XrplError.NO_PERMISSION.fail();
      }
      out.add(st);
    }
    return out;
  }

  /** rippled's parseAccountIds: an array of classic addresses; any bad element, or none, fails it all. */
  private static Set<String> accounts(JsonNode a, XrplError accountError) throws XrplException {
    if (!a.isArray()) {
      throw XrplError.INVALID_PARAMS.fail();
    }
    if (a.isEmpty()) {
      throw accountError.fail();
    }
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode e : a) {
      if (!e.isTextual() || Base58.decodeAccountId(e.asText()) == null) {
        throw accountError.fail();
      }
      out.add(e.asText());
    }
    return out;
  }

  private static List<BookRequest> books(JsonNode b, boolean subscribe) throws XrplException {
    if (!b.isArray()) {
      throw XrplError.INVALID_PARAMS.fail();
    }
    List<BookRequest> out = new ArrayList<>();
    for (JsonNode j : b) {
      if (!j.isObject() || !objectOrNull(j.get("taker_pays")) || !objectOrNull(j.get("taker_gets"))) {
        throw XrplError.INVALID_PARAMS.fail();
      }
      Asset pays = side(j.get("taker_pays"), XrplError.SRC_CUR_MALFORMED, XrplError.SRC_ISR_MALFORMED);
      Asset gets = side(j.get("taker_gets"), XrplError.DST_AMT_MALFORMED, XrplError.DST_ISR_MALFORMED);
      if (pays.equals(gets)) {
        throw XrplError.BAD_MARKET.fail();
      }
      boolean snapshot = false;
      String taker = null;
      if (subscribe) {
        if (j.has("taker")) {
          JsonNode t = j.get("taker");
          if (!t.isTextual() || Base58.decodeAccountId(t.asText()) == null) {
            throw XrplError.BAD_ISSUER.fail();
          }
          taker = t.asText();
        }
        snapshot = flag(j, "snapshot", "state_now");
      }
      out.add(new BookRequest(pays, gets, flag(j, "both", "both_sides"), snapshot, taker));
    }
    return out;
  }

  private static boolean objectOrNull(JsonNode n) {
    return n != null && (n.isObject() || n.isNull());
  }

  private static boolean flag(JsonNode j, String name, String alias) {
    JsonNode n = j.has(name) ? j.get(name) : j.get(alias);
    return n != null && n.asBoolean(false);
  }

  /** One side of a book: the currency must parse, and an issuer goes with a non-XRP currency only. */
  private static Asset side(JsonNode side, XrplError badCurrency, XrplError badIssuer) throws XrplException {
    JsonNode c = side.isNull() ? null : side.get("currency");
    String currency = c != null && c.isTextual() ? Asset.currency(c.asText()) : null;
    if (currency == null) {
      throw badCurrency.fail();
    }
    JsonNode i = side.get("issuer");
    byte[] issuer = null;
    if (i != null) {
      issuer = i.isTextual() ? Asset.issuerBytes(i.asText()) : null;
      if (issuer == null) {
        throw badIssuer.fail();
      }
    }
    boolean xrp = currency.equals("XRP");
    boolean hasIssuer = issuer != null && !Asset.isZero(issuer);
    if (xrp == hasIssuer || (issuer != null && Asset.isNoAccount(issuer))) {
      throw badIssuer.fail();
    }
    return xrp ? Asset.XRP : new Asset(currency, Base58.encodeAccountId(issuer));
  }
}
