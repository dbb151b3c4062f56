package switchboard.devicehive;

import java.util.concurrent.CompletionStage;

/**
 * One DeviceHive operation that both the WebSocket API and REST serve: validation, the permission
 * check, the store call and the publish to the engine live here once. The WebSocket envelope
 * ({@link Requests}) and REST ({@link RestApi}) differ only in how they read the request and write
 * the {@link Reply}.
 */
@FunctionalInterface
interface Operation {
  CompletionStage<Reply> run(Caller c, Request r);
}
