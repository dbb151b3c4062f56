package switchboard.core.filter;

/** A filter that does not parse: the message says what is wrong and at which column (1-based). */
public final class FilterException extends Exception {
  private final int column;

  FilterException(String what, int column) {
    super(what + " at column " + column);
    this.column = column;
  }

  public int column() {
    return column;
  }
}
