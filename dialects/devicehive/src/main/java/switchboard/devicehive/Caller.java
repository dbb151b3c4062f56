package switchboard.devicehive;

import java.util.concurrent.Executor;
import switchboard.devicehive.auth.Principal;

/**
 * Who runs an {@link Operation}: a WebSocket session ({@link DhConnection}) or one REST request
 * ({@link RestCaller}). Operations read the principal and bring store results back to the executor,
 * which is the caller's event loop.
 */
interface Caller {
  /** The authenticated principal, or null for an anonymous caller. */
  Principal principal();

  /** Where results of blocking work come back; serial. */
  Executor executor();

  /** The request's Host header, for the URLs that server info answers; null when absent. */
  String host();
}
