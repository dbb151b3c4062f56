package switchboard.xrpl;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import switchboard.core.Subscription;

/**
 * What one holder (a WebSocket client, a url callback) is subscribed to, by stream, account and book
 * key: what makes a second subscribe to the same thing a no-op and finds what an unsubscribe names.
 * Touched by one thread at a time: the client's event loop, or under the url subscribers' lock.
 */
final class Holdings {
  final Map<Stream, Subscription> streams = new EnumMap<>(Stream.class);
  final Map<String, Subscription> accounts = new HashMap<>();
  final Map<String, Subscription> accountsProposed = new HashMap<>();
  final Map<String, Subscription> books = new HashMap<>();

  int size() {
    return streams.size() + accounts.size() + accountsProposed.size() + books.size();
  }

  boolean isEmpty() {
    return size() == 0;
  }

  void clear() {
    streams.clear();
    accounts.clear();
    accountsProposed.clear();
    books.clear();
  }
}
