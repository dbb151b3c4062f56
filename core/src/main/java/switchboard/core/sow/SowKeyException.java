package switchboard.core.sow;

/** A message for a State-of-the-World topic that lacks one of the topic's key fields. */
public final class SowKeyException extends Exception {
  public SowKeyException(String message) {
    super(message, null, false, false);
  }
}
