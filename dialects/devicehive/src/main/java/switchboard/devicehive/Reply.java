package switchboard.devicehive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * What an action answers: the fields after {@code status} (null for none), and what to do once the
 * reply is written (a subscription's replay), or null. The connection's next request waits for that
 * to finish, so a replay is never overtaken by a later request's reply.
 */
record Reply(ObjectNode fields, Supplier<CompletionStage<?>> after) {
  static final Reply EMPTY = new Reply(null, null);

  static Reply of(ObjectNode fields) {
    return new Reply(fields, null);
  }
}
