/**
 * A Java client for Switchboard's {@code amps} dialect: the AMPS JSON protocol over TCP
 * ({@code tcp://host:9007/amps/json}) and WebSocket ({@code ws://host:port/amps/json}), written from the
 * project's protocol notes (protocols/amps.md) with the JDK and Jackson only.
 *
 * <p>Start at {@link switchboard.client.AmpsClient}. Commands are built with
 * {@link switchboard.client.Command}; the server answers with {@link switchboard.client.Ack}s and
 * {@link switchboard.client.Message}s; failures are {@link switchboard.client.AmpsException}s whose
 * {@link switchboard.client.Reason} names the server's reason.
 */
package switchboard.client;
