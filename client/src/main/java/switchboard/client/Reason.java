package switchboard.client;

/**
 * The well-known failure and {@code oof} reasons, spelled exactly as the server sends them
 * (protocols/amps.md §3.7). Text that is none of these is {@link #OTHER}; {@link AmpsException#reasonText()}
 * keeps it verbatim.
 */
public enum Reason {
  /** A persisted publish was a duplicate of one already stored. */
  DUPLICATE("duplicate"),
  /** The content filter does not parse. */
  BAD_FILTER("bad filter"),
  /** The topic regular expression does not parse. */
  BAD_REGEX_TOPIC("bad regex topic"),
  /** A subscription with this command id exists already. */
  SUBSCRIPTION_ALREADY_EXISTS("subscription already exists"),
  /** {@code oof}: the record was deleted. */
  DELETED("deleted"),
  /** {@code oof}: the record expired. */
  EXPIRED("expired"),
  /** {@code oof}: the record no longer matches the filter. */
  MATCH("match"),
  /** The topic is missing or not valid for the command (e.g. a sow on a topic without a SOW). */
  INVALID_TOPIC("invalid topic"),
  /** The client name is in use by another user. */
  NAME_IN_USE("name in use"),
  /** The user id or password was not accepted. */
  AUTH_FAILURE("auth failure"),
  /** The user may not do this on this topic. */
  NOT_ENTITLED("not entitled"),
  /** The server does not authenticate. */
  AUTHENTICATION_DISABLED("authentication disabled"),
  /** The bookmark is not valid (or replay is not supported). */
  INVALID_BOOKMARK("invalid bookmark"),
  /** The {@code orderby} does not parse. */
  INVALID_ORDERBY("invalid orderby"),
  /** The {@code sub_id} names an active subscription and the option {@code replace} was not given. */
  SUBID_IN_USE("subid in use"),
  /** The command needs a topic. */
  NO_TOPIC("no topic"),
  /** The logon failed. */
  LOGON_FAILED("logon failed"),
  /** The server requires a logon before this command. */
  LOGON_REQUIRED("logon required"),
  /** The topic or the filter is not valid. */
  INVALID_TOPIC_OR_FILTER("invalid topic or filter"),
  /** The {@code sub_id} is missing or not valid. */
  INVALID_SUB_ID("invalid subId"),
  /** The command needs a topic or a filter. */
  NO_TOPIC_OR_FILTER("no topic or filter"),
  /** The logon needs a client name. */
  NO_CLIENT_NAME("no client name"),
  /** A {@code k} was given where the topic does not take user SOW keys, or is not valid. */
  BAD_SOW_KEY("bad sow key"),
  /** This command does not take a topic regular expression. */
  REGEX_TOPIC_NOT_SUPPORTED("regex topic not supported"),
  /** The SOW store failed. */
  SOW_STORE_FAILED("sow store failed"),
  /** The command could not be parsed. */
  PARSE_ERROR("parse error"),
  /** The command or option is not supported. */
  NOT_SUPPORTED("not supported"),
  /** The transaction log failed. */
  TX_STORE_FAILURE("tx store failure"),
  /** The connection has logged on already. */
  DUPLICATE_LOGON_ATTEMPT("duplicate logon attempt"),
  /** Replaying from the transaction log failed. */
  TXN_REPLAY_FAILED("txn replay failed"),
  /** The SOW query was cancelled. */
  SOW_CANCELED("sow canceled"),
  /** The options ({@code o}) are not valid for the command. */
  INVALID_OPTIONS("invalid options"),
  /** The message type is not served. */
  INVALID_MESSAGE_TYPE("invalid message type"),
  /** The {@code orderby} is too large. */
  ORDERBY_TOO_LARGE("orderby too large"),
  /** A transport filter rejected the command. */
  REJECTED_BY_TRANSPORT_FILTER("rejected by transport filter"),
  /** The publish did not match the publish filter. */
  PUBLISH_FILTER_NO_MATCH("publish filter no match"),
  /** A sow_delete gave more than one of filter, sow_keys, bookmark and data. */
  SOW_DELETE_ONE_FORM("sow_delete command only supports one of: filter, sow_keys, bookmark, or data"),
  /** No reason was given. */
  NONE(""),
  /** A reason that is none of the above. */
  OTHER(null);

  private final String text;

  Reason(String text) {
    this.text = text;
  }

  /** The exact text on the wire; null for {@link #OTHER}. */
  public String text() {
    return text;
  }

  /** The reason for a text: {@link #NONE} for null or empty, {@link #OTHER} for unknown text. */
  public static Reason of(String text) {
    if (text == null || text.isEmpty()) {
      return NONE;
    }
    for (Reason r : values()) {
      if (text.equals(r.text)) {
        return r;
      }
    }
    return OTHER;
  }
}
