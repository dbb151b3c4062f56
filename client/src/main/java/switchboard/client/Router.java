package switchboard.client;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Where received messages go (protocols/amps.md §1.2, §3.2, §3.4): deliveries ({@code p},
 * {@code publish}, {@code oof}) to every subscription named in {@code sids}; SOW records and the
 * {@code group_begin}/{@code group_end} markers to the query named by {@code query_id}.
 *
 * <p>Concurrency: routes are added and removed from any thread (concurrent maps); dispatch runs on the
 * receiving thread only.
 */
final class Router {
  private static final System.Logger LOG = System.getLogger(Router.class.getName());

  /** A handler, and what to tell when its subscription or query ends (null cause: ended normally). */
  record Route(MessageHandler handler, Consumer<Throwable> onEnd) {
    void end(Throwable cause) {
      if (onEnd != null) {
        try {
          onEnd.accept(cause);
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "end hook failed", e);
        }
      }
    }
  }

  private final Map<String, Route> subscriptions = new ConcurrentHashMap<>();
  private final Map<String, Route> queries = new ConcurrentHashMap<>();

  /** Adds a subscription route unless one with this id exists; returns whether it was added. */
  boolean addSubscriptionIfAbsent(String subId, Route route) {
    return subscriptions.putIfAbsent(subId, route) == null;
  }

  /** Puts a subscription route in place of any other (option {@code replace}); the old one ends. */
  void replaceSubscription(String subId, Route route) {
    Route old = subscriptions.put(subId, route);
    if (old != null && old != route) {
      old.end(null);
    }
  }

  /** Removes this route if it is still the one for subId; nothing is told. */
  void removeSubscription(String subId, Route route) {
    subscriptions.remove(subId, route);
  }

  void addQuery(String queryId, Route route) {
    queries.put(queryId, route);
  }

  void removeQuery(String queryId, Route route) {
    queries.remove(queryId, route);
  }

  /** Ends the named subscriptions (an unsubscribe was acked). */
  void endSubscriptions(Collection<String> subIds) {
    for (String id : subIds) {
      Route r = subscriptions.remove(id);
      if (r != null) {
        queries.values().removeIf(q -> q == r);
        r.end(null);
      }
    }
  }

  /** Ends every subscription ({@code sub_id} {@code all} was acked). */
  void endAllSubscriptions() {
    endSubscriptions(subscriptions.keySet());
  }

  /** Ends the named queries; a query that is also a subscription (sow_and_subscribe) stays subscribed. */
  void endQueries(Collection<String> queryIds) {
    for (String id : queryIds) {
      Route r = queries.remove(id);
      if (r != null && !subscriptions.containsValue(r)) {
        r.end(null);
      }
    }
  }

  /** The connection failed: every route ends with the cause. */
  void failAll(Throwable cause) {
    Map<Route, Boolean> all = new IdentityHashMap<>();
    subscriptions.values().forEach(r -> all.put(r, true));
    queries.values().forEach(r -> all.put(r, true));
    subscriptions.clear();
    queries.clear();
    all.keySet().forEach(r -> r.end(cause));
  }

  /**
   * Hands a message to its routes. What no route wants goes to {@code unrouted}: a delivery once per
   * {@code sids} entry with no subscription here (routed to that id), anything else whole.
   */
  void dispatch(Message m, MessageHandler unrouted) {
    String c = m.command();
    switch (c == null ? "" : c) {
      case "p", "publish", "oof", "delta_publish" -> {
        List<String> sids = m.subIds();
        if (sids.isEmpty()) {
          unrouted.onMessage(m);
        }
        for (String sid : sids) {
          Route r = subscriptions.get(sid);
          if (r != null) {
            invoke(r, m.routedTo(sid));
          } else {
            unrouted.onMessage(m.routedTo(sid));
          }
        }
      }
      case "sow", "group_begin", "group_end" -> {
        String queryId = m.queryId();
        Route r = queryId == null ? null : queries.get(queryId);
        if (r == null && queryId != null) {
          r = subscriptions.get(queryId);
        }
        if (r == null && m.subId() != null) {
          r = subscriptions.get(m.subId());
        }
        if (r == null) {
          unrouted.onMessage(m);
          return;
        }
        invoke(r, m);
        if (c.equals("group_end") && queryId != null) {
          queries.remove(queryId, r); // the query is over; a subscription goes on by its sub_id
        }
      }
      default -> unrouted.onMessage(m);
    }
  }

  private static void invoke(Route r, Message m) {
    try {
      r.handler().onMessage(m);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "message handler failed on " + m, e);
    }
  }
}
