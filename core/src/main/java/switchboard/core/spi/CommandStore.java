package switchboard.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Commands sent to devices. Blocking; see {@link Store}. */
public interface CommandStore {
  /**
   * Stores a command under a new id. A null timestamp becomes the store's now, a null lastUpdated
   * becomes the timestamp. The command's device need not exist in the store.
   *
   * @return the command as stored, with its id and times
   */
  Command insert(Command command);

  /**
   * Applies a device's answer (DeviceHive {@code command/update}): sets status and result where they
   * are not null, sets {@code isUpdated}, and sets {@code lastUpdated} to the store's now.
   *
   * @return the command as it is now, or empty when that device has no command with that id
   */
  Optional<Command> update(String deviceId, long id, String status, String result);

  /** The command with that id, when it was sent to that device. */
  Optional<Command> find(String deviceId, long id);

  List<Command> list(CommandQuery query);

  /** Commands sent after {@code query.since()}, by timestamp then id. */
  List<Command> replay(ReplayQuery query);

  /**
   * Commands updated after {@code query.since()}, by lastUpdated then id (a subscription with
   * {@code returnUpdatedCommands}). Commands never updated are left out.
   */
  List<Command> replayUpdated(ReplayQuery query);

  /** Deletes the commands sent before the cut-off (retention); returns how many. */
  int deleteBefore(Instant cutoff);
}
