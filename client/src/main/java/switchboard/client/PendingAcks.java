package switchboard.client;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Commands waiting for acks, by {@code cid} (protocols/amps.md §3: acks echo the cid).
 *
 * <p>A command's future completes with the ack that leaves none of the asked-for types outstanding
 * (the server sends one ack per type), or fails at the first failure ack with an {@link AmpsException}
 * carrying its reason, at the timeout with an {@link AckTimeoutException}, or when the connection fails.
 *
 * <p>Concurrency: acks arrive on the receiving thread; timeouts on the timer; {@link #failAll} on
 * whichever thread saw the connection fail. Whoever removes an entry from the map completes it, so each
 * command completes once. The success and failure hooks run before the future completes.
 */
final class PendingAcks {
  private static final System.Logger LOG = System.getLogger(PendingAcks.class.getName());

  private static final class Entry {
    final String cid;
    final String command;
    final Set<AckType> waiting;
    final CompletableFuture<Ack> future = new CompletableFuture<>();
    final Consumer<Ack> everyAck;
    final Consumer<Ack> onSuccess;
    final Consumer<Throwable> onFailure;
    volatile ScheduledFuture<?> timeout;

    Entry(String cid, String command, Set<AckType> waiting, Consumer<Ack> everyAck, Consumer<Ack> onSuccess, Consumer<Throwable> onFailure) {
      this.cid = cid;
      this.command = command;
      this.waiting = waiting;
      this.everyAck = everyAck;
      this.onSuccess = onSuccess;
      this.onFailure = onFailure;
    }
  }

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer;
  private final Duration timeout;

  PendingAcks(ScheduledExecutorService timer, Duration timeout) {
    this.timer = timer;
    this.timeout = timeout;
  }

  /**
   * Registers a command before it is sent.
   *
   * @param everyAck told of every ack for this cid, success or not (may be null)
   * @param onSuccess run with the last ack before the future completes (may be null)
   * @param onFailure run with the failure before the future fails (may be null)
   * @throws IllegalArgumentException when a command with this cid is still waiting
   */
  CompletableFuture<Ack> register(String cid, String command, Set<AckType> types,
      Consumer<Ack> everyAck, Consumer<Ack> onSuccess, Consumer<Throwable> onFailure) {
    Entry e = new Entry(cid, command, EnumSet.copyOf(types), everyAck, onSuccess, onFailure);
    if (entries.putIfAbsent(cid, e) != null) {
      throw new IllegalArgumentException("a command with cid " + cid + " is still waiting for its acks");
    }
    if (!timeout.isZero()) {
      try {
        e.timeout = timer.schedule(() -> fail(e, new AckTimeoutException(command + " (cid " + cid + "): no "
            + AckType.toList(e.waiting) + " ack within " + timeout)), timeout.toNanos(), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException closing) {
        // the client is closing; failAll completes the entry
      }
    }
    return e.future;
  }

  /** Hands an ack to the command with its cid; returns the ack, or null when no command waits for it. */
  Ack onAck(Message m) {
    String cid = m.header(HeaderKeys.COMMAND_ID);
    Entry e = cid == null ? null : entries.get(cid);
    if (e == null) {
      return null;
    }
    Ack ack = new Ack(m, e.command);
    if (e.everyAck != null) {
      try {
        e.everyAck.accept(ack);
      } catch (RuntimeException ex) {
        LOG.log(System.Logger.Level.WARNING, "ack listener failed", ex);
      }
    }
    if (!ack.isSuccess()) {
      fail(e, new AmpsException(ack));
      return ack;
    }
    boolean done;
    synchronized (e) {
      e.waiting.remove(ack.ackType());
      done = e.waiting.isEmpty();
    }
    if (done && entries.remove(cid, e)) {
      cancelTimeout(e);
      run(e.onSuccess, ack);
      e.future.complete(ack);
    }
    return ack;
  }

  /** Fails the command with this cid, if it is still waiting. */
  void fail(String cid, Throwable cause) {
    Entry e = entries.get(cid);
    if (e != null) {
      fail(e, cause);
    }
  }

  /** Fails every waiting command (the connection is gone). */
  void failAll(Throwable cause) {
    for (Entry e : entries.values()) {
      fail(e, cause);
    }
  }

  /** How many commands are waiting. */
  int size() {
    return entries.size();
  }

  private void fail(Entry e, Throwable cause) {
    if (entries.remove(e.cid, e)) {
      cancelTimeout(e);
      run(e.onFailure, cause);
      e.future.completeExceptionally(cause);
    }
  }

  private static void cancelTimeout(Entry e) {
    ScheduledFuture<?> t = e.timeout;
    if (t != null) {
      t.cancel(false);
    }
  }

  private static <T> void run(Consumer<T> hook, T value) {
    if (hook != null) {
      try {
        hook.accept(value);
      } catch (RuntimeException ex) {
        LOG.log(System.Logger.Level.WARNING, "ack hook failed", ex);
      }
    }
  }
}
