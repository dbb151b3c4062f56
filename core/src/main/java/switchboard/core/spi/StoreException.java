package switchboard.core.spi;

/** The storage failed to answer: unreachable, a broken statement, a value it cannot hold. */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
