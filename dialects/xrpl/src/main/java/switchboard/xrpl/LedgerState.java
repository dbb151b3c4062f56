package switchboard.xrpl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the feed has learnt about the network, for subscribe results and server_info: the last
 * validated ledger, the range of ledgers seen, the network id, the last server status. Immutable;
 * the feed swaps in a new one.
 *
 * @param lastLedger the last {@code ledgerClosed} message, or null
 * @param receivedAtMillis when it arrived
 * @param firstSeen the lowest ledger index seen since start, or 0
 * @param serverStatus the last {@code serverStatus} message, or null
 */
record LedgerState(ObjectNode lastLedger, long receivedAtMillis, long firstSeen, ObjectNode serverStatus) {
  static final LedgerState EMPTY = new LedgerState(null, 0, 0, null);

  LedgerState withLedger(ObjectNode ledger, long now) {
    long index = ledger.path("ledger_index").asLong();
    long first = firstSeen == 0 || index < firstSeen ? index : firstSeen;
    return new LedgerState(ledger, now, first, serverStatus);
  }

  LedgerState withServerStatus(ObjectNode status) {
    return new LedgerState(lastLedger, receivedAtMillis, firstSeen, status);
  }

  /** {@code validated_ledgers} as the source reported it, else the range this server has seen. */
  String validatedLedgers() {
    if (lastLedger == null) {
      return "empty";
    }
    JsonNode v = lastLedger.get("validated_ledgers");
    if (v != null && v.isTextual()) {
      return v.asText();
    }
    long last = lastLedger.path("ledger_index").asLong();
    return firstSeen == last ? Long.toString(last) : firstSeen + "-" + last;
  }

  Long networkId() {
    JsonNode n = lastLedger == null ? null : lastLedger.get("network_id");
    return n != null && n.canConvertToLong() ? n.asLong() : null;
  }
}
