package switchboard.transport;

import io.netty.channel.ChannelHandler;

/**
 * Where a dialect takes over a connection: the transport has done the listening, the HTTP upgrade (for
 * WebSocket) or the length-prefixed framing (for TCP), and the limits, and then puts a new handler from
 * here at the end of the pipeline. That handler receives whole messages: {@code WebSocketFrame}s
 * (text or binary, fragments already joined) on a WebSocket endpoint, one {@code ByteBuf} per frame
 * (length prefix stripped) on a TCP listener. On WebSocket it also receives Netty's
 * {@code WebSocketServerProtocolHandler.HandshakeComplete} event, with the request's URI and headers.
 *
 * @param dialect the dialect name, for metrics
 * @param handlers a fresh handler per connection
 */
public record Endpoint(String dialect, java.util.function.Supplier<ChannelHandler> handlers) {}
