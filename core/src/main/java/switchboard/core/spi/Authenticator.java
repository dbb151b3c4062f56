package switchboard.core.spi;

/**
 * Checks the credentials a client presents when it logs on, for a dialect whose own users are not
 * the only ones it accepts (an amps logon with a DeviceHive token as its password). Called on an
 * event loop: implementations do no I/O, only computation (a signature check).
 */
@FunctionalInterface
public interface Authenticator {

  /** True when this password is a credential accepted for this user name. */
  boolean accepts(String user, String password);
}
