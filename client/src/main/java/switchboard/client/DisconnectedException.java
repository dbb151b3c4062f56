package switchboard.client;

/**
 * The connection is gone (closed by either side, a read or write error, or the server silent past
 * twice the heartbeat interval). Every command still waiting for an ack fails with it.
 */
public class DisconnectedException extends AmpsException {
  private static final long serialVersionUID = 1L;

  /** A connection failure with a description and an optional cause. */
  public DisconnectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
