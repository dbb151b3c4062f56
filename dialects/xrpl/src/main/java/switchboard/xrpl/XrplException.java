package switchboard.xrpl;

/** A request that fails with one of rippled's errors; the whole request then has no effect. */
final class XrplException extends Exception {
  private static final long serialVersionUID = 1L;
  final XrplError error;

  XrplException(XrplError error, String message) {
    super(message, null, false, false);
    this.error = error;
  }
}
