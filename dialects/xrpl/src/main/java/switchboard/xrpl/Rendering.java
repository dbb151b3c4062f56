package switchboard.xrpl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * A pushed message in each api_version (protocols/xrpl.md §3.2, §3.3). The two renderings differ in
 * transactions and validations only:
 *
 * <ul>
 *   <li>transactions, api_version 1: the body is {@code transaction}, with {@code hash} inside it and,
 *       for a Payment, {@code Amount} beside {@code DeliverMax}; api_version 2: the body is
 *       {@code tx_json}, {@code hash} is at the top and a Payment has {@code DeliverMax} only.
 *   <li>validations: {@code ledger_index} is a string in api_version 1 and a number in 2.
 * </ul>
 *
 * Either rendering is accepted as input; keys keep their order.
 */
final class Rendering {
  private Rendering() {}

  static ObjectNode render(ObjectNode msg, int apiVersion) {
    String type = msg.path("type").asText();
    if (type.equals("transaction")) {
      return apiVersion >= 2 ? transactionV2(msg) : transactionV1(msg);
    }
    if (type.equals("validationReceived") && msg.has("ledger_index")) {
      ObjectNode out = msg.deepCopy();
      JsonNode li = msg.get("ledger_index");
      if (apiVersion >= 2 && li.isTextual() && li.asText().matches("\\d{1,18}")) {
        out.put("ledger_index", Long.parseLong(li.asText()));
      } else if (apiVersion < 2 && li.isNumber()) {
        out.put("ledger_index", li.asText());
      }
      return out;
    }
    return msg;
  }

  private static ObjectNode transactionV1(ObjectNode msg) {
    if (!msg.has("tx_json")) {
      return msg;
    }
    ObjectNode out = msg.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = msg.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      switch (e.getKey()) {
        case "hash" -> { } // moves into the transaction
        case "tx_json" -> {
          ObjectNode tx = e.getValue().deepCopy();
          if (tx.path("TransactionType").asText().equals("Payment") && tx.has("DeliverMax") && !tx.has("Amount")) {
            tx.set("Amount", tx.get("DeliverMax"));
          }
          if (msg.has("hash")) {
            tx.set("hash", msg.get("hash"));
          }
          out.set("transaction", tx);
        }
        default -> out.set(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  private static ObjectNode transactionV2(ObjectNode msg) {
    if (!msg.has("transaction")) {
      return msg;
    }
    ObjectNode out = msg.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = msg.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("transaction")) {
        ObjectNode tx = e.getValue().deepCopy();
        JsonNode hash = tx.remove("hash");
        if (tx.path("TransactionType").asText().equals("Payment") && tx.has("Amount")) {
          if (!tx.has("DeliverMax")) {
            tx.set("DeliverMax", tx.get("Amount"));
          }
          tx.remove("Amount");
        }
        out.set("tx_json", tx);
        if (hash != null) {
          out.set("hash", hash);
        }
      } else {
        out.set(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /** The transaction body in either rendering. */
  static JsonNode txBody(JsonNode msg) {
    return msg.has("tx_json") ? msg.get("tx_json") : msg.path("transaction");
  }
}
