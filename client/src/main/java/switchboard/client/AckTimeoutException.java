package switchboard.client;

/**
 * The acks asked for did not all arrive within {@link ClientOptions#ackTimeout()}. The connection stays
 * open; the command may still take effect on the server.
 */
public class AckTimeoutException extends AmpsException {
  private static final long serialVersionUID = 1L;

  /** A timeout with a description. */
  public AckTimeoutException(String message) {
    super(message, null);
  }
}
