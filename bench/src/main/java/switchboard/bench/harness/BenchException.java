package switchboard.bench.harness;

/**
 * Something that ends a run or the whole bench with a message meant for the reader: a refused
 * subscription, a server that did not start, a port already taken.
 */
public final class BenchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BenchException(String message) {
    super(message);
  }

  public BenchException(String message, Throwable cause) {
    super(message, cause);
  }
}
