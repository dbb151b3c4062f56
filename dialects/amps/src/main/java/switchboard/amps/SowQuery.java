package switchboard.amps;

import java.util.ArrayDeque;
import java.util.List;
import switchboard.core.Message;
import switchboard.core.Subscription;
import switchboard.core.sow.SowRecord;

/**
 * One SOW query whose answer is being sent (protocols/amps.md §3.4): the snapshot taken when the
 * command ran, how far into it the connection has got, and, for sow_and_subscribe, the live messages
 * of its subscription held back until its {@code group_end}.
 *
 * <p>Concurrency: event loop only. A query is made, advanced, cancelled and dropped on its
 * connection's event loop, by {@link SowStreams}; the snapshot is immutable.
 */
final class SowQuery {
  /** What a held message is counted as beyond its body, against the outbox's byte limit. */
  private static final int HEADER_BYTES = 64;

  private final Header h;
  private final int asked;
  private final String topic;
  private final List<SowRecord> rows;
  private final int batchSize;
  private final int topicMatches;
  private final int matches;
  /** sow_and_subscribe's subscription; null for a plain sow. */
  final Subscription subscription;

  private int sent;
  private boolean begun;
  private final ArrayDeque<Message> held = new ArrayDeque<>();
  private long heldBytes;

  SowQuery(Header h, int asked, String topic, List<SowRecord> rows, int topicMatches, int matches, int batchSize, Subscription subscription) {
    this.h = h;
    this.asked = asked;
    this.topic = topic;
    this.rows = rows;
    this.topicMatches = topicMatches;
    this.matches = matches;
    this.batchSize = batchSize;
    this.subscription = subscription;
  }

  String queryId() {
    return h.queryId;
  }

  /**
   * The next step of the answer: {@code group_begin} and the first batch, or the next batch. Returns
   * true while records remain to be sent.
   */
  boolean sendNext(AmpsConnection c) {
    if (!begun) {
      begun = true;
      c.sendHeader(c.header("group_begin").field("t", topic).field("query_id", h.queryId).field("sub_id", h.subId));
    }
    if (sent < rows.size()) {
      int end = Math.min(rows.size(), sent + batchSize);
      c.sendSowBatch(topic, h.queryId, h.subId, rows.subList(sent, end));
      sent = end;
    }
    return sent < rows.size();
  }

  /** The end of a query that ran to completion: group_end, then the completed and stats acks asked for. */
  void end(AmpsConnection c) {
    c.sendHeader(c.header("group_end").field("t", topic).field("query_id", h.queryId).field("sub_id", h.subId));
    Acks.success(c, h, asked & AckTypes.COMPLETED);
    if ((asked & AckTypes.STATS) != 0) {
      c.sendHeader(Acks.start(c, h, AckTypes.STATS).field("status", "success")
          .field("records_returned", rows.size()).field("topic_matches", topicMatches)
          .field("matches", matches));
    }
  }

  /** Holds a live message of this query's subscription; returns what it counts against the byte limit. */
  long hold(Message m) {
    held.add(m);
    long bytes = (long) m.payload().length + HEADER_BYTES;
    heldBytes += bytes;
    return bytes;
  }

  int heldMessages() {
    return held.size();
  }

  long heldBytes() {
    return heldBytes;
  }

  /** Takes the held messages, oldest first. */
  ArrayDeque<Message> takeHeld() {
    ArrayDeque<Message> out = new ArrayDeque<>(held);
    held.clear();
    heldBytes = 0;
    return out;
  }
}
