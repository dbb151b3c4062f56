package switchboard.devicehive;

import java.util.concurrent.CompletionStage;

/**
 * One WebSocket action. It runs on the connection's event loop and answers with a stage that
 * completes there too; failures are {@link DhException}s or {@code AuthException}s, thrown or carried.
 */
@FunctionalInterface
interface Action {
  CompletionStage<Reply> run(DhConnection c, Request r);
}
