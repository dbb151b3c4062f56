package switchboard.devicehive;

import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import switchboard.core.SubscriptionLimitException;
import switchboard.devicehive.auth.AuthException;

/**
 * A failed operation as DeviceHive reports it: an HTTP status and a message. The WebSocket envelope
 * writes them as {@code code} and {@code error}, REST as {@code {"error": code, "message": text}}
 * (§2); anything unforeseen is 500 with the exception's message, and is logged.
 */
record Failure(int code, String message) {
  private static final Logger log = LoggerFactory.getLogger(Failure.class);

  static Failure of(Throwable failure, String what) {
    Throwable e = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (e instanceof DhException d) {
      return new Failure(d.code, d.getMessage());
    }
    if (e instanceof AuthException a) {
      return new Failure(a.error().code(), a.error().message());
    }
    if (e instanceof SubscriptionLimitException) {
      return new Failure(403, e.getMessage());
    }
    log.warn("devicehive {} failed", what, e);
    return new Failure(500, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }
}
