package switchboard.core;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * Whoever holds subscriptions: in the server, one client connection.
 *
 * <p>The owner's state is touched only on its {@link #executor()}, which must run tasks one at a time,
 * in order (a Netty event loop is one). The hub runs {@link #deliver} there.
 */
public interface Owner {

  /** The serial executor that owns this owner's state. */
  Executor executor();

  /**
   * One published message for this owner, with every one of its live subscriptions that matched it
   * (at least one). Runs on {@link #executor()}. The list is the hub's and is reused after this
   * returns: copy what must be kept.
   */
  void deliver(Message message, List<Subscription> matched);
}
