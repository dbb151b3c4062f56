package switchboard.amps;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import switchboard.core.spi.SowRecordStore;
import switchboard.core.spi.SowWrite;
import switchboard.core.spi.StoreException;
import switchboard.core.spi.StoredSowRecord;

/**
 * Brings State-of-the-World changes to a {@link SowRecordStore} with group commit: changes are queued
 * here as they are made in memory, and one background thread takes everything queued, writes it in
 * one transaction, tells whoever waits on it, and repeats.
 *
 * <h2>Concurrency contract</h2>
 *
 * <ul>
 *   <li>{@link #put}, {@link #delete} and {@link #barrier} may be called from any thread (event loops)
 *       and never block beyond {@link #lock}, held only to add to the queue.
 *   <li>A change to a SOW topic is queued while its caller holds that topic's lock, in the same
 *       critical section as the change in memory. So the changes of one key are queued in the order
 *       memory saw them, and the store ends with what memory has. Lock order: a topic's lock, then
 *       {@link #lock}; the journal thread never takes a topic's lock.
 *   <li>The journal thread alone calls the store. It swaps the queue for an empty one under
 *       {@link #lock}, writes it outside the lock, then runs that batch's callbacks in the order they
 *       were registered. Changes queued meanwhile wait for the next batch, so a later change of a key
 *       is never written before an earlier one.
 *   <li>Queued changes are coalesced by topic and key: only the latest is written. What waits is
 *       bounded by the number of records, however fast a key is rewritten.
 *   <li>Callbacks run on the journal thread (or, once the journal is closed, at once on the caller's)
 *       and must not block: they hand the outcome to an event loop.
 * </ul>
 *
 * <p>A batch that fails is not retried: its callbacks are told of the failure, and the keys it held
 * keep their older state in the store until they are written again.
 */
final class SowJournal implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SowJournal.class);

  /** Told once the batch holding a change (or a barrier) has been committed, or has failed. */
  @FunctionalInterface
  interface Commit {
    /** @param failure why the batch was not stored; null when it was */
    void done(RuntimeException failure);
  }

  private record Key(String topic, String sowKey) {}

  /** A queued change: a record's body and time, or a delete when body is null. */
  private record Change(String topic, String sowKey, byte[] body, long timestamp) {
    SowWrite write() {
      return body == null
          ? SowWrite.delete(topic, sowKey)
          : SowWrite.put(new StoredSowRecord(topic, sowKey, new String(body, StandardCharsets.UTF_8), Instant.ofEpochMilli(timestamp)));
    }
  }

  private final SowRecordStore store;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition queued = lock.newCondition();
  private LinkedHashMap<Key, Change> pending = new LinkedHashMap<>(); // guarded by lock
  private List<Commit> waiting = new ArrayList<>(); // guarded by lock
  private boolean closed; // guarded by lock
  private final Thread thread;

  SowJournal(SowRecordStore store) {
    this.store = store;
    this.thread = new Thread(this::run, "amps-sow-journal");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues a record's write; {@code then}, when not null, is told when it is stored. Under the topic's lock. */
  void put(String topic, String sowKey, byte[] body, long timestamp, Commit then) {
    queue(new Change(topic, sowKey, body, timestamp), then);
  }

  /** Queues a record's delete. Under the topic's lock. */
  void delete(String topic, String sowKey) {
    queue(new Change(topic, sowKey, null, 0), null);
  }

  /** {@code then} is told once everything queued before it has been written. */
  void barrier(Commit then) {
    queue(null, then);
  }

  private void queue(Change change, Commit then) {
    lock.lock();
    try {
      if (!closed) {
        if (change != null) {
          pending.put(new Key(change.topic(), change.sowKey()), change);
        }
        if (then != null) {
          waiting.add(then);
        }
        queued.signal();
        return;
      }
    } finally {
      lock.unlock();
    }
    if (then != null) {
      tell(then, new StoreException("the SOW journal is closed", null));
    }
  }

  private void run() {
    while (true) {
      LinkedHashMap<Key, Change> batch;
      List<Commit> told;
      lock.lock();
      try {
        while (pending.isEmpty() && waiting.isEmpty() && !closed) {
          queued.awaitUninterruptibly();
        }
        if (pending.isEmpty() && waiting.isEmpty()) {
          return; // closed, and everything queued is written
        }
        batch = pending;
        told = waiting;
        pending = new LinkedHashMap<>();
        waiting = new ArrayList<>();
      } finally {
        lock.unlock();
      }
      RuntimeException failure = commit(batch);
      for (Commit c : told) {
        tell(c, failure);
      }
    }
  }

  private RuntimeException commit(LinkedHashMap<Key, Change> batch) {
    if (batch.isEmpty()) {
      return null;
    }
    List<SowWrite> writes = new ArrayList<>(batch.size());
    for (Change c : batch.values()) {
      writes.add(c.write());
    }
    try {
      store.write(writes);
      return null;
    } catch (RuntimeException e) {
      log.warn("{} State-of-the-World changes were not stored", writes.size(), e);
      return e;
    }
  }

  private static void tell(Commit c, RuntimeException failure) {
    try {
      c.done(failure);
    } catch (RuntimeException e) {
      log.warn("a SOW journal callback failed", e);
    }
  }

  /** Stops taking changes and waits, at most {@code wait}, for those queued to be written. */
  void close(Duration wait) {
    lock.lock();
    try {
      closed = true;
      queued.signal();
    } finally {
      lock.unlock();
    }
    try {
      thread.join(Math.max(1, wait.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      // not interrupted: an embedded database may close its files when its writer is interrupted
      log.warn("the SOW journal did not finish writing within {}; what it still holds may be lost", wait);
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }
}
