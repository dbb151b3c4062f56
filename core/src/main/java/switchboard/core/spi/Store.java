package switchboard.core.spi;

/**
 * Durable storage for what the DeviceHive dialect keeps (users, networks, device types, devices,
 * commands, notifications and configuration values) and for the amps dialect's State-of-the-World
 * records. The store is reached through one view per kind of thing, so
 * {@code store.commands().replay(query)} reads as what it does.
 *
 * <h2>Threads</h2>
 *
 * <ul>
 *   <li>Every method blocks until the storage answers (a database round trip or more). Callers must
 *       not call them on an event loop: hand the call to an executor meant for blocking work and bring
 *       the result back.
 *   <li>Implementations are thread-safe: any number of threads may call any method at once. Each call
 *       is atomic on its own; nothing spans two calls.
 * </ul>
 *
 * <h2>Values</h2>
 *
 * <ul>
 *   <li>Times are {@link java.time.Instant}s kept to the millisecond (DeviceHive renders milliseconds);
 *       the records truncate what they are given.
 *   <li>{@code data}, {@code parameters}, {@code result} and SOW payloads are raw JSON text,
 *       stored and returned unchanged; the store never parses them.
 *   <li>A unique or reference rule broken by a write raises {@link StoreConflictException}; any other
 *       failure raises {@link StoreException}.
 * </ul>
 */
public interface Store extends AutoCloseable {
  UserStore users();

  NetworkStore networks();

  DeviceTypeStore deviceTypes();

  DeviceStore devices();

  CommandStore commands();

  NotificationStore notifications();

  ConfigStore config();

  /** The amps dialect's State-of-the-World records. */
  SowRecordStore sowRecords();

  /** Releases the storage's connections. Calls after this fail. */
  @Override
  void close();
}
