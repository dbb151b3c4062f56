package switchboard.client;

/**
 * A command failed: the server answered with a failure ack (then {@link #ack()} is that ack and
 * {@link #reasonText()} its exact {@code reason}), or the connection failed
 * ({@link DisconnectedException}), or no ack came in time ({@link AckTimeoutException}).
 */
public class AmpsException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Ack ack;
  /** The reason text exactly as the server sent it, or null. */
  private final String reasonText;

  /** A failure without an ack (connection failures, timeouts, client-side checks). */
  public AmpsException(String message, Throwable cause) {
    super(message, cause);
    this.ack = null;
    this.reasonText = null;
  }

  /** The failure reported by a failure ack. */
  public AmpsException(Ack ack) {
    super((ack.command() == null ? "command" : ack.command()) + " failed: "
        + (ack.reasonText() == null ? "(no reason given)" : ack.reasonText()));
    this.ack = ack;
    this.reasonText = ack.reasonText();
  }

  /** The failure ack, or null when the failure did not come from the server. */
  public Ack ack() {
    return ack;
  }

  /** The reason as a well-known value; {@link Reason#NONE} when there is no failure ack. */
  public Reason reason() {
    return Reason.of(reasonText);
  }

  /** The reason text exactly as the server sent it, or null. */
  public String reasonText() {
    return reasonText;
  }
}
