package switchboard.client;

/**
 * Told once when a client's connection fails (not when {@link AmpsClient#close()} closes it). By then
 * every pending command has failed with the same {@link DisconnectedException}.
 */
@FunctionalInterface
public interface DisconnectHandler {
  /** The connection of {@code client} failed because of {@code cause}. */
  void onDisconnect(AmpsClient client, DisconnectedException cause);
}
