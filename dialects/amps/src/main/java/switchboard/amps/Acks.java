package switchboard.amps;

/**
 * Sends acks: one message per ack type asked for and supported, each echoing {@code cid} and, when the
 * command had them, {@code sub_id} and {@code query_id} (protocols/amps.md §3.7).
 */
final class Acks {
  private Acks() {}

  /** Success acks of the given types. */
  static void success(AmpsConnection c, Header h, int types) {
    send(c, h, types, "success", null);
  }

  /**
   * A failure, answered once: on the {@code processed} ack when it was asked for, else on the one other
   * type asked for (a {@code stats}-only sow_delete gets a failed stats ack). The {@code received} ack,
   * already sent, is not repeated; a command that asked for nothing still gets a processed failure, so
   * bad input never goes unanswered.
   */
  static void failure(AmpsConnection c, Header h, int asked, String reason) {
    int others = asked & ~AckTypes.RECEIVED;
    int type = (others & AckTypes.PROCESSED) != 0 || others == 0 ? AckTypes.PROCESSED : Integer.lowestOneBit(others);
    send(c, h, type, "failure", reason);
  }

  private static void send(AmpsConnection c, Header h, int types, String status, String reason) {
    for (int bit = 1; bit <= AckTypes.STATS; bit <<= 1) {
      if ((types & bit) != 0) {
        c.sendHeader(start(c, h, bit).field("status", status).reason(reason));
      }
    }
  }

  /** An ack header of one type with the echoed ids; the caller adds status and any other fields. */
  static HeaderWriter start(AmpsConnection c, Header h, int type) {
    return c.header("ack")
        .field("a", AckTypes.name(type))
        .field("cid", h.commandId)
        .field("sub_id", h.subId)
        .field("query_id", h.queryId);
  }
}
