package switchboard.server.config;

import java.time.Duration;

/**
 * The limits that protect the server; each key is documented in {@code switchboard-defaults.yaml}.
 *
 * @param idleTimeout a connection silent for this long is closed; {@link Duration#ZERO} for never
 */
public record LimitsConfig(
    @Range(min = 1) int maxConnections,
    @Range(min = 1024, max = 268_435_456) int maxFrameBytes,
    @Range(min = 1024, max = 268_435_456) int maxHttpBodyBytes,
    Duration idleTimeout,
    @Range(min = 1) int maxSubscriptionsPerConnection,
    @Range(min = 1024) long outboxMaxBytes,
    @Range(min = 1) int outboxMaxMessages,
    @Range(min = 1024) int writeBufferHighWater) {}
