package switchboard.amps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import switchboard.core.sow.SowKeyException;
import switchboard.core.sow.SowRecord;
import switchboard.core.sow.SowStore;
import switchboard.core.sow.SowTopic;
import switchboard.core.spi.SowRecordStore;
import switchboard.core.spi.StoredSowRecord;

/**
 * Whether the State of the World outlives the server, and when {@code persisted} acks go out
 * (protocols/amps.md §3.1, §3.7).
 *
 * <ul>
 *   <li>In memory only (no store): nothing is written, and {@code persisted} promises no more than
 *       {@code processed}: a publish's persisted ack is sent as the publish is handled.
 *   <li>With a store: SOW topics are loaded from it before the dialect serves, every change to them
 *       goes to a {@link SowJournal}, and a publish to a SOW topic that asks for {@code persisted} is
 *       acked once the batch holding it is committed, on its connection's event loop. A publish to
 *       another topic is kept nowhere (there is no message journal): its persisted ack is sent as it
 *       is handled, except that it waits behind the connection's persisted acks still pending, so a
 *       client's acks come in the order of its {@code s}.
 * </ul>
 *
 * A persisted ack carries the publish's {@code cid} and the client's {@code s}; a commit that failed
 * gets status failure with reason {@value Reason#SOW_STORE_FAILED}. Acks are not conflated.
 */
final class SowPersistence implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SowPersistence.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SowJournal journal; // null: in memory only
  private final Duration closeTimeout;

  private SowPersistence(SowJournal journal, Duration closeTimeout) {
    this.journal = journal;
    this.closeTimeout = closeTimeout;
  }

  static SowPersistence inMemory() {
    return new SowPersistence(null, Duration.ZERO);
  }

  /** Loads every topic of {@code sow} from the store (blocking), then journals changes to it. */
  static SowPersistence restore(SowRecordStore store, SowStore sow, Duration closeTimeout) {
    SowJournal journal = new SowJournal(store);
    try {
      for (String name : sow.describe().keySet()) {
        restore(store, sow.topic(name).orElseThrow(), journal);
      }
    } catch (RuntimeException e) {
      journal.close(closeTimeout);
      throw e;
    }
    return new SowPersistence(journal, closeTimeout);
  }

  private static void restore(SowRecordStore store, SowTopic t, SowJournal journal) {
    List<StoredSowRecord> stored = store.load(t.name());
    int kept = 0;
    t.lock().lock();
    try {
      for (StoredSowRecord s : stored) {
        byte[] body = s.payload().getBytes(StandardCharsets.UTF_8);
        String key;
        JsonNode json;
        try {
          json = JSON.readTree(body);
          key = t.keyOf(json);
        } catch (IOException | SowKeyException | RuntimeException e) {
          log.warn("dropping stored SOW record {} of topic {}: {}", s.sowKey(), t.name(), e.toString());
          journal.delete(t.name(), s.sowKey());
          continue;
        }
        if (!key.equals(s.sowKey())) {
          // the topic's key fields were changed since the record was stored: it moves to its new key
          journal.delete(t.name(), s.sowKey());
          journal.put(t.name(), key, body, s.timestamp().toEpochMilli(), null);
        }
        t.put(new SowRecord(key, body, json, s.timestamp().toEpochMilli()));
        kept++;
      }
    } finally {
      t.lock().unlock();
    }
    log.info("SOW topic {}: {} records restored from the store", t.name(), kept);
  }

  /** True when changes are written to a store. */
  boolean durable() {
    return journal != null;
  }

  /**
   * A record was written in memory; under its topic's lock. With {@code ackTo} (a publish that asked
   * for {@code persisted}) and a store, its persisted ack is sent once the record is stored.
   */
  void put(SowTopic t, SowRecord r, AmpsConnection c, Header ackTo) {
    if (journal != null) {
      journal.put(t.name(), r.sowKey(), r.payload(), r.timestamp(), ackTo == null ? null : persistedAck(c, ackTo));
    }
  }

  /** Records were deleted in memory; under their topic's lock. */
  void deleted(SowTopic t, List<SowRecord> records) {
    if (journal != null) {
      for (SowRecord r : records) {
        journal.delete(t.name(), r.sowKey());
      }
    }
  }

  /** The persisted ack of a publish that nothing is written for (see the class comment). */
  void persistedNow(AmpsConnection c, Header h) {
    if (journal != null && c.persistedPending > 0) {
      journal.barrier(persistedAck(c, h));
    } else {
      sendPersisted(c, h.commandId, sequence(h), null);
    }
  }

  /**
   * flush's persisted ack (protocols/amps.md §2 flush): once every change queued before it is
   * stored; at once in memory only, as every earlier command has been handled.
   */
  void flushPersisted(AmpsConnection c, Header h) {
    if (journal == null) {
      Acks.success(c, h, AckTypes.PERSISTED);
      return;
    }
    journal.barrier(failure -> onLoop(c, () -> {
      if (failure == null) {
        Acks.success(c, h, AckTypes.PERSISTED);
      } else {
        c.sendHeader(Acks.start(c, h, AckTypes.PERSISTED).field("status", "failure").reason(Reason.SOW_STORE_FAILED));
      }
    }));
  }

  /** Counts the ack as pending on the connection (on its event loop) until it is sent there. */
  private static SowJournal.Commit persistedAck(AmpsConnection c, Header h) {
    String cid = h.commandId;
    long seq = sequence(h);
    c.persistedPending++;
    return failure -> onLoop(c, () -> {
      c.persistedPending--;
      sendPersisted(c, cid, seq, failure == null ? null : Reason.SOW_STORE_FAILED);
    });
  }

  private static void onLoop(AmpsConnection c, Runnable task) {
    try {
      c.executor().execute(task);
    } catch (RejectedExecutionException e) {
      log.debug("no persisted ack for {}: its event loop has stopped", c.channel().remoteAddress());
    }
  }

  /** {@code s} goes before {@code status}: JS reads it only when a comma follows (§1.3). */
  private static void sendPersisted(AmpsConnection c, String cid, long seq, String failure) {
    HeaderWriter ack = c.header("ack").field("a", AckTypes.name(AckTypes.PERSISTED)).field("cid", cid);
    if (seq >= 0) {
      ack.field("s", seq);
    }
    c.sendHeader(ack.field("status", failure == null ? "success" : "failure").reason(failure));
  }

  /** The client's publish sequence, or -1 when it sent none (or not an unsigned number). */
  private static long sequence(Header h) {
    if (h.sequence == null) {
      return -1;
    }
    try {
      return Long.parseLong(h.sequence.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Writes what is queued, waiting at most the configured time. */
  @Override
  public void close() {
    if (journal != null) {
      journal.close(closeTimeout);
    }
  }
}
