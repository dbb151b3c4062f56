package switchboard.xrpl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import switchboard.core.Hub;
import switchboard.core.Owner;
import switchboard.core.Subscription;
import switchboard.core.SubscriptionId;
import switchboard.core.SubscriptionSpec;
import switchboard.core.TopicSelector;

/**
 * Turns a checked {@link SubscriptionRequest} into engine subscriptions and back. Subscribing twice to
 * the same thing is a no-op; unsubscribing what is not subscribed is a no-op (protocols/xrpl.md §1.3).
 * Account and book subscriptions are key constraints, so the index finds them by the transaction's
 * accounts and books, whatever their number.
 */
final class Subscriptions {
  /** Proposed transactions and validated ones: transactions_proposed gets both. */
  private static final TopicSelector ALL_TRANSACTIONS =
      TopicSelector.regex(java.util.regex.Pattern.quote(Topics.TRANSACTION) + "(\\.proposed)?");
  private static final TopicSelector VALIDATED = TopicSelector.exact(Topics.TRANSACTION);

  private final Hub hub;
  private final XrplConfig.BookRouting routing;

  Subscriptions(Hub hub, XrplConfig.BookRouting routing) {
    this.hub = hub;
    this.routing = routing;
  }

  /** The engine subscriptions this request would add to a holder of these maps. */
  int newCount(Holdings h, SubscriptionRequest r) {
    int n = 0;
    for (Stream s : r.streams()) {
      n += h.streams.containsKey(s) ? 0 : 1;
    }
    n += (int) r.accounts().stream().filter(a -> !h.accounts.containsKey(a)).count();
    n += (int) r.accountsProposed().stream().filter(a -> !h.accountsProposed.containsKey(a)).count();
    for (String k : bookKeys(r)) {
      n += h.books.containsKey(k) ? 0 : 1;
    }
    return n;
  }

  /** Adds what the request names and is not there yet; returns what it added. */
  List<Subscription> subscribe(Owner owner, Holdings h, SubscriptionRequest r) {
    List<Subscription> added = new ArrayList<>();
    for (Stream s : r.streams()) {
      h.streams.computeIfAbsent(s, x -> add(added, owner, streamSpec(x), categoryOf(x)));
    }
    for (String a : r.accountsProposed()) {
      h.accountsProposed.computeIfAbsent(a, x -> add(added, owner,
          SubscriptionSpec.on(ALL_TRANSACTIONS).type(Category.ACCOUNTS_PROPOSED.type).key(Topics.ACCOUNT, x).build(),
          Category.ACCOUNTS_PROPOSED));
    }
    for (String a : r.accounts()) {
      h.accounts.computeIfAbsent(a, x -> add(added, owner,
          SubscriptionSpec.on(VALIDATED).type(Category.ACCOUNTS.type).key(Topics.ACCOUNT, x).build(), Category.ACCOUNTS));
    }
    for (String k : bookKeys(r)) {
      h.books.computeIfAbsent(k, x -> add(added, owner,
          SubscriptionSpec.on(VALIDATED).type(Category.BOOKS.type).key(Topics.BOOK, x).build(), Category.BOOKS));
    }
    return added;
  }

  private Subscription add(List<Subscription> added, Owner owner, SubscriptionSpec spec, Category category) {
    Subscription s = hub.subscribe(owner, spec, category);
    added.add(s);
    return s;
  }

  /** Takes back what a {@link #subscribe} added, when the request fails after all. */
  void rollback(Owner owner, Holdings h, List<Subscription> added) {
    if (added.isEmpty()) {
      return;
    }
    h.streams.values().removeIf(added::contains);
    h.accounts.values().removeIf(added::contains);
    h.accountsProposed.values().removeIf(added::contains);
    h.books.values().removeIf(added::contains);
    hub.unsubscribe(owner, added.stream().map(Subscription::id).toList());
  }

  /** Removes what the request names; once this returns, nothing more arrives for it (the barrier). */
  void unsubscribe(Owner owner, Holdings h, SubscriptionRequest r) {
    List<SubscriptionId> ids = new ArrayList<>();
    for (Stream s : r.streams()) {
      take(h.streams, s, ids);
    }
    for (String a : r.accountsProposed()) {
      take(h.accountsProposed, a, ids);
    }
    for (String a : r.accounts()) {
      take(h.accounts, a, ids);
    }
    for (String k : bookKeys(r)) {
      take(h.books, k, ids);
    }
    if (!ids.isEmpty()) {
      hub.unsubscribe(owner, ids);
    }
  }

  private static <K> void take(Map<K, Subscription> m, K key, List<SubscriptionId> ids) {
    Subscription s = m.remove(key);
    if (s != null) {
      ids.add(s.id());
    }
  }

  /** The book keys a request names, {@code both} adding the reversed book. */
  List<String> bookKeys(SubscriptionRequest r) {
    List<String> keys = new ArrayList<>();
    for (SubscriptionRequest.BookRequest b : r.books()) {
      // rippled subscribes Book{in = taker_pays, out = taker_gets} and publishes offers under
      // Book{in = TakerGets, out = TakerPays}: the subscription sees the reversed book (rippled#3499)
      BookKey k = routing == XrplConfig.BookRouting.RIPPLED
          ? new BookKey(b.takerPays(), b.takerGets())
          : new BookKey(b.takerGets(), b.takerPays());
      keys.add(k.key());
      if (b.both()) {
        keys.add(k.reversed().key());
      }
    }
    return keys;
  }

  private static SubscriptionSpec streamSpec(Stream s) {
    return switch (s) {
      case TRANSACTIONS -> SubscriptionSpec.on(VALIDATED).type(Category.TRANSACTIONS.type).build();
      case TRANSACTIONS_PROPOSED -> SubscriptionSpec.on(ALL_TRANSACTIONS).type(Category.TRANSACTIONS_PROPOSED.type).build();
      default -> SubscriptionSpec.onTopic(s.topic).type(s.wireName).build();
    };
  }

  private static Category categoryOf(Stream s) {
    return switch (s) {
      case TRANSACTIONS -> Category.TRANSACTIONS;
      case TRANSACTIONS_PROPOSED -> Category.TRANSACTIONS_PROPOSED;
      default -> Category.STREAM;
    };
  }
}
