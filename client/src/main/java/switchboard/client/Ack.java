package switchboard.client;

import java.util.OptionalLong;

/**
 * One acknowledgement from the server ({@code "c":"ack"}): of one type, for the command with the same
 * {@code cid} (protocols/amps.md §3.7). Immutable.
 */
public final class Ack {
  private final Message message;
  private final String command;

  Ack(Message message, String command) {
    this.message = message;
    this.command = command;
  }

  /** The command this ack answers ({@code subscribe}, {@code unsubscribe} ...), as this client sent it. */
  public String command() {
    return command;
  }

  /** The ack type ({@code a}); null if the server sent a type this client does not know. */
  public AckType ackType() {
    return AckType.of(message.header(HeaderKeys.ACK_TYPE));
  }

  /** {@code success}, {@code failure} or {@code retry}. */
  public String status() {
    return message.header(HeaderKeys.STATUS);
  }

  /** Whether the status is {@code success}. */
  public boolean isSuccess() {
    return "success".equals(status());
  }

  /** The reason as a well-known value ({@link Reason#OTHER} for unknown text, {@link Reason#NONE} for none). */
  public Reason reason() {
    return Reason.of(reasonText());
  }

  /** The reason text exactly as sent, or null. */
  public String reasonText() {
    return message.reason();
  }

  /** The command id ({@code cid}) echoed from the command. */
  public String cid() {
    return message.header(HeaderKeys.COMMAND_ID);
  }

  /** The subscription id ({@code sub_id}) echoed from the command, or null. */
  public String subId() {
    return message.header(HeaderKeys.SUB_ID);
  }

  /** The query id ({@code query_id}) echoed from the command, or null. */
  public String queryId() {
    return message.header(HeaderKeys.QUERY_ID);
  }

  /** {@code matches}: records that matched (stats acks). */
  public OptionalLong matches() {
    return message.number("matches");
  }

  /** {@code topic_matches}: records in the topic considered (stats acks). */
  public OptionalLong topicMatches() {
    return message.number("topic_matches");
  }

  /** {@code records_returned} (stats acks of SOW queries). */
  public OptionalLong recordsReturned() {
    return message.number("records_returned");
  }

  /** {@code records_inserted} (stats acks). */
  public OptionalLong recordsInserted() {
    return message.number("records_inserted");
  }

  /** {@code records_updated} (stats acks). */
  public OptionalLong recordsUpdated() {
    return message.number("records_updated");
  }

  /** {@code records_deleted} (stats acks of sow_delete). */
  public OptionalLong recordsDeleted() {
    return message.number("records_deleted");
  }

  /** The server version ({@code version}), on the logon ack. */
  public String version() {
    return message.header(HeaderKeys.VERSION);
  }

  /** The bookmark ({@code bm}); on the logon ack {@code <client-name hash>|<sequence>|}. */
  public String bookmark() {
    return message.bookmark();
  }

  /** The client name ({@code client_name}), on the logon ack. */
  public String clientName() {
    return message.header(HeaderKeys.CLIENT_NAME);
  }

  /** The user id ({@code user_id}), on the logon ack. */
  public String userId() {
    return message.header(HeaderKeys.USER_ID);
  }

  /** The sequence number ({@code s}), on logon and persisted acks. */
  public OptionalLong sequence() {
    return message.sequence();
  }

  /** The whole ack message: every header field by name. */
  public Message message() {
    return message;
  }

  @Override
  public String toString() {
    return "Ack(" + command + ")" + message.headers();
  }
}
