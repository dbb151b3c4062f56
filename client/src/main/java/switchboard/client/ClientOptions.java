package switchboard.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How a client connects and logs on. Immutable; start from {@link #defaults()} and change what you need
 * with the {@code with...} methods.
 *
 * @param user the user id sent at logon ({@code user_id}); null for the URI's user, or none
 * @param password the password sent at logon ({@code pw}); null for the URI's password, or none
 * @param heartbeat the heartbeat interval to ask for right after logon; {@link Duration#ZERO} for none
 * @param ackTimeout how long a command may wait, from sending, for all the acks it asked for;
 *     {@link Duration#ZERO} for ever
 * @param connectTimeout how long to wait for the connection and the logon ack
 */
public record ClientOptions(String user, String password, Duration heartbeat, Duration ackTimeout, Duration connectTimeout) {

  /** Checks the durations. */
  public ClientOptions {
    Objects.requireNonNull(heartbeat, "heartbeat");
    Objects.requireNonNull(ackTimeout, "ackTimeout");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (heartbeat.isNegative() || ackTimeout.isNegative() || connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("durations must be positive (heartbeat and ackTimeout may be zero)");
    }
  }

  /** No credentials, no heartbeat, 10 s for acks and for connecting. */
  public static ClientOptions defaults() {
    return new ClientOptions(null, null, Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(10));
  }

  /** These options with another user id. */
  public ClientOptions withUser(String user) {
    return new ClientOptions(user, password, heartbeat, ackTimeout, connectTimeout);
  }

  /** These options with another password. */
  public ClientOptions withPassword(String password) {
    return new ClientOptions(user, password, heartbeat, ackTimeout, connectTimeout);
  }

  /** These options with a heartbeat interval (whole seconds on the wire, at least one). */
  public ClientOptions withHeartbeat(Duration heartbeat) {
    return new ClientOptions(user, password, heartbeat, ackTimeout, connectTimeout);
  }

  /** These options with another ack timeout. */
  public ClientOptions withAckTimeout(Duration ackTimeout) {
    return new ClientOptions(user, password, heartbeat, ackTimeout, connectTimeout);
  }

  /** These options with another connect timeout. */
  public ClientOptions withConnectTimeout(Duration connectTimeout) {
    return new ClientOptions(user, password, heartbeat, ackTimeout, connectTimeout);
  }

  /** The options, with the password masked. */
  @Override
  public String toString() {
    return "ClientOptions[user=" + user + ", password=" + (password == null ? "null" : "***") + ", heartbeat=" + heartbeat
        + ", ackTimeout=" + ackTimeout + ", connectTimeout=" + connectTimeout + "]";
  }
}
