package switchboard.xrpl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Who a transaction concerns (protocols/xrpl.md §4), read from the transaction message as rippled
 * pushes it. Accounts and books become index keys on the engine message, so a transaction costs in
 * proportion to the subscriptions it reaches.
 */
final class TxRouting {
  /** Fields of type AccountID in rippled's field list that ledger entries and transactions carry. */
  private static final Set<String> ACCOUNT_FIELDS = Set.of(
      "Account", "Owner", "Destination", "Issuer", "Authorize", "Unauthorize", "RegularKey", "NFTokenMinter",
      "EmitCallback", "Holder", "AMMAccount", "HookAccount", "OtherChainSource", "OtherChainDestination",
      "AttestationSignerAccount", "AttestationRewardAccount", "LockingChainDoor", "IssuingChainDoor", "Subject",
      "Borrower", "Counterparty", "Delegate");
  /** Amount fields of ledger entries whose issuer counts as affected. */
  private static final Set<String> ISSUER_AMOUNTS = Set.of("LowLimit", "HighLimit", "TakerPays", "TakerGets");

  private TxRouting() {}

  /**
   * rippled's {@code TxMeta::getAffectedAccounts}: for every affected node, its NewFields (created) or
   * FinalFields (modified, deleted), one level deep: AccountID fields, the non-zero issuers of
   * LowLimit, HighLimit, TakerPays and TakerGets, and the issuer inside MPTokenIssuanceID.
   */
  static Set<String> affectedAccounts(JsonNode meta) {
    Set<String> out = new LinkedHashSet<>();
    forEachNode(meta, (kind, node) -> {
      JsonNode fields = kind.equals("CreatedNode") ? node.get("NewFields") : node.get("FinalFields");
      if (fields == null || !fields.isObject()) {
        return;
      }
      fields.fields().forEachRemaining(f -> {
        if (ACCOUNT_FIELDS.contains(f.getKey())) {
          addAccount(out, f.getValue());
        } else if (ISSUER_AMOUNTS.contains(f.getKey())) {
          addIssuer(out, f.getValue());
        } else if (f.getKey().equals("MPTokenIssuanceID")) {
          addMptIssuer(out, f.getValue());
        }
      });
    });
    return out;
  }

  /** Each affected node with its kind: CreatedNode, ModifiedNode or DeletedNode. */
  private static void forEachNode(JsonNode meta, BiConsumer<String, JsonNode> visit) {
    for (JsonNode wrapper : meta.path("AffectedNodes")) {
      Iterator<Map.Entry<String, JsonNode>> it = wrapper.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        visit.accept(e.getKey(), e.getValue());
      }
    }
  }

  /**
   * rippled's {@code STTx::getMentionedAccounts}, for proposed transactions: the transaction's own
   * AccountID fields and the issuers of its non-XRP amounts.
   */
  static Set<String> mentionedAccounts(JsonNode tx) {
    Set<String> out = new LinkedHashSet<>();
    tx.fields().forEachRemaining(f -> {
      if (ACCOUNT_FIELDS.contains(f.getKey())) {
        addAccount(out, f.getValue());
      } else if (f.getValue().isObject() && f.getValue().has("value")) {
        addIssuer(out, f.getValue());
      }
    });
    return out;
  }

  /**
   * The books a successful transaction touched: every Offer node's PreviousFields (modified),
   * NewFields (created) or FinalFields (deleted) that hold both TakerPays and TakerGets give the book
   * {@code in = TakerGets, out = TakerPays}, as rippled's OrderBookDB publishes it. A node whose
   * fields lack either (only its flags changed, say) touches no book.
   */
  static Set<String> bookKeys(JsonNode meta) {
    Set<String> out = new LinkedHashSet<>();
    forEachNode(meta, (kind, node) -> {
      if (!"Offer".equals(node.path("LedgerEntryType").asText())) {
        return;
      }
      JsonNode fields = switch (kind) {
        case "ModifiedNode" -> node.get("PreviousFields");
        case "CreatedNode" -> node.get("NewFields");
        case "DeletedNode" -> node.get("FinalFields");
        default -> null;
      };
      if (fields == null || !fields.has("TakerPays") || !fields.has("TakerGets")) {
        return;
      }
      Asset gets = asset(fields.get("TakerGets"));
      Asset pays = asset(fields.get("TakerPays"));
      if (gets != null && pays != null) {
        out.add(new BookKey(gets, pays).key());
      }
    });
    return out;
  }

  /** The asset of an amount: a string of drops is XRP; an object names currency and issuer. */
  static Asset asset(JsonNode amount) {
    if (amount.isTextual() || amount.isNumber()) {
      return Asset.XRP;
    }
    if (amount.has("mpt_issuance_id")) {
      return new Asset("MPT:" + amount.get("mpt_issuance_id").asText().toUpperCase(java.util.Locale.ROOT), null);
    }
    String currency = Asset.currency(amount.path("currency").asText(""));
    if (currency == null) {
      return null;
    }
    if (currency.equals("XRP")) {
      return Asset.XRP;
    }
    byte[] issuer = Asset.issuerBytes(amount.path("issuer").asText(""));
    return issuer == null ? null : new Asset(currency, Base58.encodeAccountId(issuer));
  }

  private static void addAccount(Set<String> out, JsonNode v) {
    if (v.isTextual() && Base58.decodeAccountId(v.asText()) != null) {
      out.add(v.asText());
    }
  }

  private static void addIssuer(Set<String> out, JsonNode amount) {
    if (!amount.isObject()) {
      return; // XRP in drops: no issuer
    }
    byte[] issuer = Asset.issuerBytes(amount.path("issuer").asText(""));
    if (issuer != null && !Asset.isZero(issuer)) {
      out.add(Base58.encodeAccountId(issuer));
    }
  }

  /** An MPTokenIssuanceID is 24 bytes: a sequence number, then the issuer's account id. */
  private static void addMptIssuer(Set<String> out, JsonNode id) {
    String hex = id.asText("");
    if (hex.length() != 48) {
      return;
    }
    try {
      byte[] b = java.util.HexFormat.of().parseHex(hex);
      out.add(Base58.encodeAccountId(java.util.Arrays.copyOfRange(b, 4, 24)));
    } catch (IllegalArgumentException e) {
      // not hex: no issuer to take
    }
  }
}
