package switchboard.amps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import switchboard.core.Message;
import switchboard.core.Subscription;
import switchboard.core.filter.Filter;
import switchboard.core.filter.FilterException;
import switchboard.core.sow.SowKeyException;
import switchboard.core.sow.SowRecord;
import switchboard.core.sow.SowStore;
import switchboard.core.sow.SowTopic;

/**
 * State-of-the-World topics: publishes that write records, {@code sow} and {@code sow_and_subscribe}
 * queries, and {@code sow_delete} (protocols/amps.md §3.4, §3.5). Records live in the engine's
 * {@link SowStore}; the topic lock makes a publish and a query-with-subscribe atomic to each other.
 * Every change is handed to {@link SowPersistence} under that lock, which keeps it in a store when
 * the dialect has one.
 */
final class SowCommands {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String ONE_DELETE_FORM = "sow_delete command only supports one of: filter, sow_keys, bookmark, or data";

  private final SowStore store;
  private final SowPersistence persistence;

  SowCommands(SowStore store, SowPersistence persistence) {
    this.store = store;
    this.persistence = persistence;
  }

  SowTopic topic(String name) {
    return name == null ? null : store.topic(name).orElse(null);
  }

  /**
   * A publish (or delta_publish, merged into the existing record) to a SOW topic; the record (the
   * merged one for a delta) is handed to {@link SowPersistence} in the same critical section.
   *
   * @param persistedAck the publish's header when it asked for a persisted ack, else null
   */
  void publish(AmpsConnection c, SowTopic t, byte[] body, boolean delta, Header persistedAck) throws CommandFailure {
    JsonNode json = parse(body);
    String key;
    try {
      key = t.keyOf(json);
    } catch (SowKeyException e) {
      throw new CommandFailure(Reason.BAD_SOW_KEY);
    }
    t.lock().lock();
    try {
      if (delta) {
        json = merge(t, key, json);
        body = bytes(json);
      }
      long now = System.currentTimeMillis();
      SowRecord record = new SowRecord(key, body, json, now);
      SowRecord old = t.put(record);
      persistence.put(t, record, c, persistedAck);
      Message.Builder b = Message.builder(t.name()).key(key).payload(body).json(json).timestamp(now);
      if (old != null) {
        b.attachment(new AmpsSubscription.Change(t.keyPaths(), old.json(), json)); // worked out if a delta subscriber gets it
      }
      Message m = b.build();
      List<Subscription> leaving = old == null ? List.of() : leavingFocus(c, old, m);
      c.hub.publishNow(m); // handed over under the lock: every subscriber sees the record's updates in its order
      notify(c, leaving, t.name(), key, body, json, "match");
    } finally {
      t.lock().unlock();
    }
  }

  /** The oof subscriptions that were sent the old record and do not match its new state. */
  private static List<Subscription> leavingFocus(AmpsConnection c, SowRecord old, Message next) {
    List<Subscription> out = new ArrayList<>();
    for (Subscription s : c.hub.matching(recordMessage(next.topic(), old))) {
      if (wantsOof(s) && wasSent(s, old) && !s.spec().accepts(next)) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Whether a subscription that matches this record was sent it (amps.md §3.2: oof is about records
   * the subscriber already received): a sow_and_subscribe was, in its answer; a plain subscription
   * only if the record was written after it began. Written in the same millisecond counts as sent.
   */
  private static boolean wasSent(Subscription s, SowRecord r) {
    AmpsSubscription a = AmpsSubscription.options(s);
    return a.sowFed() || r.timestamp() >= s.createdAt();
  }

  /** Only amps subscriptions that asked for it; another dialect's subscription may share the topic. */
  private static boolean wantsOof(Subscription s) {
    return s.attachment() instanceof AmpsSubscription a && a.oof();
  }

  /** Records that left these subscriptions' focus: each gets an oof notice with the record's body. */
  private static void notify(AmpsConnection c, List<Subscription> subs, String topic, String key, byte[] body, JsonNode json, String reason) {
    if (!subs.isEmpty()) {
      c.hub.deliver(Message.builder(topic).key(key).payload(body).json(json)
          .attachment(new AmpsSubscription.OutOfFocus(reason)).build(), subs);
    }
  }

  private static Message recordMessage(String topic, SowRecord r) {
    return Message.builder(topic).key(r.sowKey()).payload(r.payload()).json(r.json()).timestamp(r.timestamp()).build();
  }

  private static JsonNode parse(byte[] body) throws CommandFailure {
    try {
      JsonNode json = JSON.readTree(body);
      if (json == null || !json.isObject()) {
        throw new CommandFailure(Reason.PARSE_ERROR);
      }
      return json;
    } catch (IOException e) {
      throw new CommandFailure(Reason.PARSE_ERROR);
    }
  }

  /** The existing record with the delta's fields written over it; the delta alone when there is none. */
  private static JsonNode merge(SowTopic t, String key, JsonNode delta) {
    SowRecord old = t.get(key);
    if (old == null) {
      return delta;
    }
    ObjectNode merged = old.json().deepCopy();
    merged.setAll((ObjectNode) delta);
    return merged;
  }

  private static byte[] bytes(JsonNode json) {
    try {
      return JSON.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A query, and with {@code subscribe} its subscription, in the order clients rely on:
   * ack(processed), group_begin, sow batches of at most {@code bs} records, group_end,
   * ack(completed), ack(stats). The snapshot is taken and the subscription registered under the
   * topic's lock, so every publish is either in the snapshot or delivered live, never both. The
   * answer is then sent as the socket drains ({@link SowStreams}); it is registered there before this
   * event-loop task ends, so live messages, delivered by later tasks, are held until its group_end.
   */
  void query(AmpsConnection c, Header h, int asked, SowTopic t, boolean subscribe, SubscriptionCommands subs) throws CommandFailure {
    Filter filter = filter(h.filter);
    Comparator<SowRecord> order = OrderBy.parse(h.orderBy);
    Options opts = Options.parse(h.options);
    int top = number(h.topN != null ? h.topN : opts.value("top_n"), -1);
    int skip = number(opts.value("skip_n"), 0);
    int batchSize = Math.max(1, number(h.batchSize, 1));
    List<SowRecord> rows;
    int matches;
    Subscription subscription = null;
    t.lock().lock();
    try {
      List<SowRecord> all = t.query(r -> filter.test(r.json()), order, 0, -1);
      matches = all.size();
      int from = Math.min(skip, all.size());
      int to = top < 0 ? all.size() : Math.min(all.size(), from + top);
      // a page is copied: the answer may take a while to send, and must not keep every match alive
      rows = from == 0 && to == all.size() ? all : new ArrayList<>(all.subList(from, to));
      if (subscribe) {
        subscription = subs.start(c, h, h.subId);
      }
    } finally {
      t.lock().unlock();
    }
    answer(c, h, asked, t.name(), rows, 1, matches, batchSize, subscription);
  }

  /**
   * A query's answer in the order clients rely on: ack(processed) now, as the command is handled; then,
   * as the socket drains, group_begin, sow batches of at most {@code batchSize} records, group_end, and
   * the completed and stats acks asked for ({@link SowQuery}). Also the empty answer of
   * sow_and_subscribe on a topic without a State of the World.
   *
   * @param subscription sow_and_subscribe's subscription, whose live messages wait for group_end; or null
   */
  static void answer(AmpsConnection c, Header h, int asked, String topic, List<SowRecord> rows, int topicMatches, int matches, int batchSize, Subscription subscription) {
    Acks.success(c, h, asked & AckTypes.PROCESSED);
    c.queries.start(new SowQuery(h, asked, topic, rows, topicMatches, matches, batchSize, subscription));
  }

  /** sow_delete by filter, by sow_keys, or by a record's body; exactly one form. Answered with stats. */
  void delete(AmpsConnection c, Header h, int asked, byte[] body) throws CommandFailure {
    SowTopic t = topic(h.topic);
    if (t == null) {
      throw new CommandFailure(Reason.INVALID_TOPIC);
    }
    boolean byFilter = h.filter != null && !h.filter.isBlank();
    boolean byKeys = h.sowKeys != null && !h.sowKeys.isBlank();
    boolean byData = body.length > 0;
    if ((byFilter ? 1 : 0) + (byKeys ? 1 : 0) + (byData ? 1 : 0) != 1) {
      throw new CommandFailure(ONE_DELETE_FORM);
    }
    Filter filter = byFilter ? filter(h.filter) : null;
    String dataKey = null;
    if (byData) {
      try {
        dataKey = t.keyOf(parse(body));
      } catch (SowKeyException e) {
        throw new CommandFailure(Reason.BAD_SOW_KEY);
      }
    }
    List<SowRecord> deleted;
    t.lock().lock();
    try {
      if (byFilter) {
        deleted = t.delete(r -> filter.test(r.json()));
      } else if (byKeys) {
        deleted = t.deleteKeys(SubscriptionCommands.ids(h.sowKeys));
      } else {
        deleted = t.deleteKeys(List.of(dataKey));
      }
      persistence.deleted(t, deleted);
      for (SowRecord r : deleted) {
        List<Subscription> had = new ArrayList<>();
        for (Subscription s : c.hub.matching(recordMessage(t.name(), r))) {
          if (wantsOof(s) && wasSent(s, r)) {
            had.add(s);
          }
        }
        notify(c, had, t.name(), r.sowKey(), r.payload(), r.json(), "deleted");
      }
    } finally {
      t.lock().unlock();
    }
    Acks.success(c, h, asked & AckTypes.PROCESSED);
    if ((asked & AckTypes.STATS) != 0) {
      c.sendHeader(Acks.start(c, h, AckTypes.STATS).field("status", "success")
          .field("records_deleted", deleted.size()).field("matches", deleted.size()).field("topic_matches", 1));
    }
  }

  static Filter filter(String text) throws CommandFailure {
    try {
      return Filter.compile(text);
    } catch (FilterException e) {
      throw new CommandFailure(Reason.BAD_FILTER);
    }
  }

  private static int number(String text, int otherwise) throws CommandFailure {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    try {
      int n = Integer.parseInt(text.trim());
      if (n < 0) {
        throw new CommandFailure(Reason.INVALID_OPTIONS);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new CommandFailure(Reason.INVALID_OPTIONS);
    }
  }
}
