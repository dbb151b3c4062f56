package switchboard.amps;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import switchboard.core.Message;
import switchboard.core.Subscription;
import switchboard.core.SubscriptionId;
import switchboard.core.delivery.Outbox;

/**
 * The SOW queries of one connection whose answers are still being sent, at the pace its socket drains.
 *
 * <p>A query's snapshot is taken when its command runs; its records then go out one batch at a time,
 * and only while the socket takes them: {@link #pump} sends while the channel is writable and the
 * outbox holds nothing, and runs again when the channel becomes writable. So what waits to be written
 * for a query is at most the socket's high-water mark plus one batch, whatever the size of the result,
 * and a large result never trips the slow-consumer limit of a client that keeps reading.
 *
 * <p>Several queries of one connection take turns, one batch each (round robin): a small query is not
 * stuck behind a large one, so a sow_and_subscribe holds its live messages only while its own answer
 * is sent. Clients route group_begin, sow and group_end by {@code query_id} (protocols/amps.md §3.4),
 * so the answers may interleave.
 *
 * <p>A sow_and_subscribe's subscription is live from its snapshot on; its live {@code p} and {@code oof}
 * messages that arrive while the answer is sent are held and delivered, in order, right after its
 * {@code group_end} (§3.4: "Publishes arriving during the query are queued and delivered after
 * group_end"), so none overtakes the snapshot record it supersedes. The held messages of a connection
 * count against its outbox limits; passing them makes it a slow consumer.
 *
 * <p>Concurrency: event loop only. Commands, deliveries, writability changes and the close of the
 * connection all run on its event loop, so nothing here is shared or locked.
 */
final class SowStreams {
  private final AmpsConnection c;
  private final Outbox.Limits limits;
  /** Queries with records (or their group_begin/group_end) still to send; the head goes next. */
  private final ArrayDeque<SowQuery> queue = new ArrayDeque<>();
  /** sow_and_subscribe queries in the queue, by their subscription. */
  private final Map<SubscriptionId, SowQuery> holding = new HashMap<>();
  private int heldMessages;
  private long heldBytes;
  private boolean pumping;
  private boolean closed;

  SowStreams(AmpsConnection c, Outbox.Limits limits) {
    this.c = c;
    this.limits = limits;
  }

  /** Starts sending a query's answer; with room on the socket a small one is sent before this returns. */
  void start(SowQuery q) {
    if (closed) {
      return;
    }
    queue.add(q);
    if (q.subscription != null) {
      holding.put(q.subscription.id(), q);
    }
    pump();
  }

  /** Sends batches, one query after another, while the socket has room; then waits for writability. */
  void pump() {
    if (pumping) {
      return; // a write inside the loop told the channel's writability; the loop goes on by itself
    }
    pumping = true;
    try {
      while (!queue.isEmpty() && c.hasRoom()) {
        SowQuery q = queue.poll();
        if (q.sendNext(c)) {
          queue.add(q);
        } else {
          finish(q);
        }
      }
    } finally {
      pumping = false;
    }
  }

  private void finish(SowQuery q) {
    q.end(c);
    if (q.subscription != null) {
      holding.remove(q.subscription.id());
      release(q);
    }
  }

  /** Delivers a query's held messages to its subscription, if that is still live. */
  private void release(SowQuery q) {
    unhold(q);
    Subscription s = q.subscription;
    for (Message m : q.takeHeld()) {
      if (s.isActive()) {
        c.deliverNow(m, List.of(s));
      }
    }
  }

  private void unhold(SowQuery q) {
    heldMessages -= q.heldMessages();
    heldBytes -= q.heldBytes();
  }

  /**
   * A live message for some of this connection's subscriptions: holds it for those whose query is
   * being sent, and returns the ones to deliver now ({@code matched} itself when none is held).
   */
  List<Subscription> hold(Message m, List<Subscription> matched) {
    if (holding.isEmpty()) {
      return matched;
    }
    List<Subscription> now = null;
    for (int i = 0; i < matched.size(); i++) {
      Subscription s = matched.get(i);
      SowQuery q = holding.get(s.id());
      if (q == null) {
        if (now != null) {
          now.add(s);
        }
        continue;
      }
      if (now == null) {
        now = new ArrayList<>(matched.subList(0, i));
      }
      heldBytes += q.hold(m);
      heldMessages++;
    }
    if (now == null) {
      return matched;
    }
    if (heldMessages > limits.maxMessages() || heldBytes > limits.maxBytes()) {
      Outbox.Limit passed = heldMessages > limits.maxMessages() ? Outbox.Limit.MESSAGES : Outbox.Limit.BYTES;
      close();
      c.disconnectSlowConsumer(passed);
      return List.of();
    }
    return now;
  }

  /**
   * seed 001: {@code query_id} cancels a SOW query still in progress, and a cancelled query sends no
   * further records. amps.md says nothing of a group_end or completed ack after a cancel, so nothing
   * more at all is sent for it. A sow_and_subscribe's subscription is named by its {@code sub_id}, not
   * by the query id, so it stays live: what it held is delivered now, and later messages flow live.
   */
  void cancel(Collection<String> queryIds) {
    List<SowQuery> cancelled = new ArrayList<>();
    for (Iterator<SowQuery> it = queue.iterator(); it.hasNext(); ) {
      SowQuery q = it.next();
      if (queryIds.contains(q.queryId())) {
        it.remove();
        cancelled.add(q);
      }
    }
    // released after the queue is left alone: a delivery may close the connection, which clears it
    for (SowQuery q : cancelled) {
      if (q.subscription != null && holding.remove(q.subscription.id()) != null) {
        release(q);
      }
    }
  }

  /**
   * These subscriptions have ended (unsubscribe, or replaced): their queries in progress stop with
   * nothing more sent (seed 001, as for a cancel), and what they held is dropped, so nothing of theirs
   * follows the unsubscribe's ack.
   */
  void ended(Collection<Subscription> subscriptions) {
    if (holding.isEmpty()) {
      return;
    }
    for (Subscription s : subscriptions) {
      SowQuery q = holding.remove(s.id());
      if (q != null) {
        queue.remove(q);
        unhold(q);
        q.takeHeld();
      }
    }
  }

  /** The connection is closing: every query and held message is dropped. */
  void close() {
    closed = true;
    queue.clear();
    holding.clear();
    heldMessages = 0;
    heldBytes = 0;
  }
}
