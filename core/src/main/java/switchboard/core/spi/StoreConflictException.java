package switchboard.core.spi;

/**
 * A write broke one of the store's rules about other rows, so nothing was written. DeviceHive answers
 * these with 409 (or 403 for a login already taken); the dialect decides.
 */
public final class StoreConflictException extends StoreException {
  /** Which rule the write broke. */
  public enum Kind {
    /** A unique value is already taken: a user's login, a network's or device type's name. */
    DUPLICATE,
    /**
     * A reference does not hold: the row referred to does not exist (a device's network, a user link)
     * or a row still referred to was to be deleted (a network that still has devices).
     */
    REFERENCE
  }

  private final Kind kind;

  public StoreConflictException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
