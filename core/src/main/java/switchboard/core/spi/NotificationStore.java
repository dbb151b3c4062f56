package switchboard.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Notifications sent by devices. Blocking; see {@link Store}. */
public interface NotificationStore {
  /**
   * Stores a notification under a new id; a null timestamp becomes the store's now.
   *
   * @return the notification as stored, with its id and timestamp
   */
  Notification insert(Notification notification);

  /** The notification with that id, when that device sent it. */
  Optional<Notification> find(String deviceId, long id);

  List<Notification> list(NotificationQuery query);

  /** Notifications sent after {@code query.since()}, by timestamp then id. */
  List<Notification> replay(ReplayQuery query);

  /** Deletes the notifications sent before the cut-off (retention); returns how many. */
  int deleteBefore(Instant cutoff);
}
