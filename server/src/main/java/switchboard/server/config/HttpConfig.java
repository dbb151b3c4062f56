package switchboard.server.config;

/**
 * The main HTTP listener: WebSocket endpoints, REST, /health and /metrics.
 *
 * @param host the address to bind
 * @param port the port to bind; 0 for any free port
 */
public record HttpConfig(@NotBlank String host, @Range(min = 0, max = 65_535) int port) {}
