package switchboard.server.config;

/**
 * Threads and caches of the engine.
 *
 * @param ioThreads event loops; 0 lets Netty choose
 * @param patternCacheCapacity topic-pattern match results kept; 0 disables the cache
 */
public record EngineConfig(
    @Range(min = 0) int ioThreads,
    @Range(min = 0) int patternCacheCapacity) {}
