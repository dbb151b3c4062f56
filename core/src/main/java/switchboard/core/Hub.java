package switchboard.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import switchboard.core.index.SubscriptionIndex;

/**
 * The engine's front door: subscribe, unsubscribe, list and publish, for every dialect alike.
 *
 * <h2>Concurrency contract</h2>
 *
 * <ul>
 *   <li>Every method may be called from any thread. {@link #publish} takes no lock; subscription
 *       changes lock the owner's record, then the index (always in that order).
 *   <li>Deliveries run on the owner's {@link Owner#executor()}, grouped: one task per executor per
 *       publish, whatever the number of owners and subscriptions it reaches there.
 *   <li><b>The unsubscribe barrier.</b> Every unsubscribe marks the subscription inactive before it
 *       returns, and a delivery task checks the mark when it runs on the owner's executor. So a reply
 *       that the dialect queues on that executor after unsubscribe returned is followed by nothing for
 *       that subscription: deliveries queued before the reply find the mark and drop the message.
 *   <li>Messages published by one thread reach each live subscription in publish order, because the
 *       tasks for one executor are submitted in that order and the executor is serial.
 *   <li><b>Batching threads.</b> A thread that is itself a serial executor's (an event loop) may say so
 *       with {@link #batchDeliveriesOnThisThread}. Its publishes then hold their deliveries until a task
 *       it queues on its own executor runs, which hands each target executor, its own included, one
 *       task for all of them. A loop that reads a hundred publishes in one turn thus wakes each other
 *       loop once, not a hundred times. Order and the barrier hold as above: the held deliveries keep
 *       their order, and each is checked when it runs. Publishes from different threads are not
 *       ordered among themselves; where a caller's lock must order them for every subscriber, it uses
 *       {@link #publishNow}.
 * </ul>
 */
public final class Hub {
  private static final Logger log = LoggerFactory.getLogger(Hub.class);

  private final HubOptions options;
  private final LongSupplier clock;
  private final SubscriptionIndex<Subscription> index;
  private final ConcurrentHashMap<Owner, OwnerState> owners = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicLong sequence = new AtomicLong();
  private final LongAdder published = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private final ThreadLocal<Dispatch> dispatches = ThreadLocal.withInitial(() -> new Dispatch(new Held()));

  public Hub() {
    this(HubOptions.DEFAULTS);
  }

  public Hub(HubOptions options) {
    this(options, System::currentTimeMillis);
  }

  /** @param clock milliseconds since the epoch, for message timestamps and subscription times */
  public Hub(HubOptions options, LongSupplier clock) {
    this.options = options;
    this.clock = clock;
    this.index = new SubscriptionIndex<>(options.patternCacheCapacity());
  }

  public HubOptions options() {
    return options;
  }

  /** Subscribes with no dialect attachment. */
  public Subscription subscribe(Owner owner, SubscriptionSpec spec) {
    return subscribe(owner, spec, null);
  }

  /**
   * Registers a subscription; from the moment this returns, matching publishes reach the owner.
   *
   * @throws SubscriptionLimitException when the owner already holds its limit
   * @throws IllegalStateException when the owner has been {@link #release released}
   */
  public Subscription subscribe(Owner owner, SubscriptionSpec spec, Object attachment) {
    OwnerState os = owners.computeIfAbsent(owner, OwnerState::new);
    synchronized (os) {
      if (os.released) {
        throw new IllegalStateException("owner was released: " + owner);
      }
      if (os.subscriptions.size() >= options.maxSubscriptionsPerOwner()) {
        throw new SubscriptionLimitException(options.maxSubscriptionsPerOwner());
      }
      Subscription s = new Subscription(ids.incrementAndGet(), os, spec, attachment, clock.getAsLong());
      index.add(s);
      os.subscriptions.put(s);
      return s;
    }
  }

  /** Ends one subscription of the owner; false when the owner holds none with that id. */
  public boolean unsubscribe(Owner owner, SubscriptionId id) {
    OwnerState os = owners.get(owner);
    if (os == null) {
      return false;
    }
    Subscription s;
    synchronized (os) {
      s = os.subscriptions.remove(id);
      if (s != null) {
        end(s);
      }
    }
    return s != null;
  }

  /** Ends the given subscriptions of the owner; returns those that existed. Unknown ids are skipped. */
  public List<Subscription> unsubscribe(Owner owner, Collection<SubscriptionId> ids) {
    OwnerState os = owners.get(owner);
    if (os == null) {
      return List.of();
    }
    List<Subscription> ended = new ArrayList<>(ids.size());
    synchronized (os) {
      for (SubscriptionId id : ids) {
        Subscription s = os.subscriptions.remove(id);
        if (s != null) {
          end(s);
          ended.add(s);
        }
      }
    }
    return ended;
  }

  /** Ends every subscription of the owner; returns them. */
  public List<Subscription> unsubscribeAll(Owner owner) {
    return unsubscribeIf(owner, s -> true);
  }

  /** Ends every subscription of the owner of one {@link SubscriptionSpec#type() type}; returns them. */
  public List<Subscription> unsubscribeAll(Owner owner, String type) {
    return unsubscribeIf(owner, s -> s.type().equals(type));
  }

  /**
   * Ends the owner's subscriptions that the test accepts (by the parameters they were made with, by
   * the dialect's own id in the attachment ...); returns them.
   */
  public List<Subscription> unsubscribeIf(Owner owner, Predicate<Subscription> test) {
    OwnerState os = owners.get(owner);
    if (os == null) {
      return List.of();
    }
    List<Subscription> ended = new ArrayList<>();
    synchronized (os) {
      for (Subscription s : os.oldestFirst()) {
        if (test.test(s)) {
          os.subscriptions.remove(s.id());
          end(s);
          ended.add(s);
        }
      }
    }
    return ended;
  }

  /** The owner's live subscriptions, oldest first. */
  public List<Subscription> list(Owner owner) {
    return list(owner, null);
  }

  /** The owner's live subscriptions of one type (every type when {@code type} is null), oldest first. */
  public List<Subscription> list(Owner owner, String type) {
    OwnerState os = owners.get(owner);
    if (os == null) {
      return List.of();
    }
    synchronized (os) {
      List<Subscription> out = new ArrayList<>(os.subscriptions.size());
      for (Subscription s : os.oldestFirst()) {
        if (type == null || s.type().equals(type)) {
          out.add(s);
        }
      }
      return out;
    }
  }

  /** One of the owner's live subscriptions by id. */
  public Optional<Subscription> find(Owner owner, SubscriptionId id) {
    OwnerState os = owners.get(owner);
    if (os == null) {
      return Optional.empty();
    }
    synchronized (os) {
      return Optional.ofNullable(os.subscriptions.get(id));
    }
  }

  /** Ends everything the owner held; call when its connection closes. */
  public void release(Owner owner) {
    OwnerState os = owners.remove(owner);
    if (os == null) {
      return;
    }
    synchronized (os) {
      os.released = true;
      os.subscriptions.forEach(this::end);
      os.subscriptions.clear();
    }
  }

  /**
   * Publishes a message to every matching live subscription. Stamps the hub's sequence number (and
   * the time, when the message has none) and returns the number of subscriptions matched.
   */
  public int publish(Message message) {
    return publish(message, false);
  }

  /**
   * {@link #publish}, with the deliveries handed to their executors before this returns, even on a
   * batching thread (after what that thread still held, so that its own order stands). For publishes
   * that a caller's lock puts in an order every subscriber must see: the updates of one amps SOW
   * record, published by connections on different event loops, reach each subscriber in the order
   * the lock gave them, so that the last a subscriber receives is the record as it stands.
   */
  public int publishNow(Message message) {
    return publish(message, true);
  }

  private int publish(Message message, boolean now) {
    Message m = message.stamped(sequence.incrementAndGet(), clock.getAsLong());
    published.increment();
    Dispatch d = dispatch(m);
    try {
      index.match(m, d);
      int n = d.matched;
      if (n > 0) {
        d.submit(now);
      }
      return n;
    } catch (RuntimeException e) {
      d.held.drop(m); // a publish whose match failed half-way delivers nothing
      throw e;
    } finally {
      d.reset();
    }
  }

  /** This thread's dispatch, taken for {@code m} until its {@code reset}. */
  private Dispatch dispatch(Message m) {
    Dispatch d = dispatches.get();
    if (d.busy) {
      d = d.nested(); // a publish from inside a delivery that runs on the publishing thread
    }
    d.busy = true;
    d.message = m;
    return d;
  }

  /** The live subscriptions a message would reach now, without delivering it. */
  public List<Subscription> matching(Message message) {
    List<Subscription> out = new ArrayList<>();
    index.match(message, out::add);
    return out;
  }

  /**
   * Delivers a message to exactly these subscriptions, as a publish would (grouped by executor, each
   * subscription checked to be live when its delivery runs), whatever they subscribed to, and hands
   * the deliveries over before it returns, as {@link #publishNow} does. For messages that only some
   * subscribers are owed, such as an AMPS out-of-focus notice.
   */
  public void deliver(Message message, List<Subscription> subscriptions) {
    if (subscriptions.isEmpty()) {
      return;
    }
    Message m = message.stamped(sequence.incrementAndGet(), clock.getAsLong());
    Dispatch d = dispatch(m);
    try {
      for (Subscription s : subscriptions) {
        d.accept(s);
      }
      d.submit(true);
    } finally {
      d.reset();
    }
  }

  /**
   * Makes the calling thread a batching thread (see the class comment): from now on, deliveries of
   * what it publishes are held and handed over by a task on {@code self}, which must be the serial
   * executor whose thread this is. Called once per event-loop thread, before it serves connections.
   *
   * @throws IllegalStateException when this thread already batches for another executor
   */
  public void batchDeliveriesOnThisThread(Executor self) {
    Held held = dispatches.get().held;
    if (held.home != null && held.home != self) {
      throw new IllegalStateException("this thread already batches deliveries for " + held.home);
    }
    held.home = self;
  }

  /** Live subscriptions in the hub. */
  public int subscriptionCount() {
    return index.size();
  }

  /** Owners that hold or held subscriptions and have not been released. */
  public int ownerCount() {
    return owners.size();
  }

  /** Messages published since start. */
  public long publishedCount() {
    return published.sum();
  }

  /** (message, owner) deliveries made since start. */
  public long deliveredCount() {
    return delivered.sum();
  }

  private void end(Subscription s) {
    index.remove(s); // marks it inactive before returning: deliveries already queued check the mark
  }

  /** The hub's record of one owner. */
  static final class OwnerState {
    final Owner owner;
    final ValueKeyedMap<SubscriptionId, Subscription> subscriptions = new ValueKeyedMap<>(Subscription::id); // guarded by this
    boolean released; // guarded by this
    /** The matches of the delivery in progress; touched only on the owner's executor. */
    final ArrayList<Subscription> pending = new ArrayList<>(2);

    OwnerState(Owner owner) {
      this.owner = owner;
    }

    /** The live subscriptions, oldest first (ids are given in order). Under this object's lock. */
    List<Subscription> oldestFirst() {
      List<Subscription> all = subscriptions.values();
      all.sort(Comparator.comparingLong(Subscription::idValue));
      return all;
    }
  }

  /** Per publishing thread: adds the matches of one publish to the thread's held deliveries. */
  private final class Dispatch implements Consumer<Subscription> {
    /** Where this thread's deliveries wait to be handed over; shared by its nested dispatches. */
    final Held held;
    boolean busy;
    Message message;
    int matched;

    Dispatch(Held held) {
      this.held = held;
    }

    /** Another dispatch for a publish made while this one is in use, held the same way. */
    Dispatch nested() {
      return new Dispatch(held);
    }

    @Override
    public void accept(Subscription s) {
      matched++;
      held.add(message, s);
    }

    /** Hands the deliveries over, or leaves them held on a batching thread unless {@code now}. */
    void submit(boolean now) {
      if (now || held.home == null) {
        held.handOver();
      } else {
        held.schedule();
      }
    }

    void reset() {
      message = null;
      matched = 0;
      busy = false;
    }
  }

  private static void handOver(Executor ex, Runnable task) {
    try {
      ex.execute(task);
    } catch (RejectedExecutionException e) {
      log.debug("delivery rejected by a stopped executor; its connections are closing", e);
    }
  }

  /**
   * A thread's deliveries not yet handed over: per target executor, a run of items in which each
   * message is followed by the subscriptions it matched there. On a batching thread they wait for the
   * task queued on its {@link #home}; on any other, only until the publish that made them returns.
   */
  private final class Held implements Runnable {
    /** The batching thread's own executor, or null for a thread that does not batch. */
    Executor home;
    private boolean scheduled;
    private Executor[] executors = new Executor[4];
    private Object[][] items = new Object[4][];
    private int[] sizes = new int[4];
    /** Per run, the message its last subscriptions belong to, and where that message stands. */
    private Message[] lasts = new Message[4];
    private int[] starts = new int[4];
    private int count;

    /** Adds a subscription that {@code m} matched, after {@code m} unless the run already ends with it. */
    void add(Message m, Subscription s) {
      Executor ex = s.owner().executor();
      int i = 0;
      while (i < count && executors[i] != ex) {
        i++;
      }
      if (i == count) {
        if (count == executors.length) {
          executors = java.util.Arrays.copyOf(executors, count * 2);
          items = java.util.Arrays.copyOf(items, count * 2);
          sizes = java.util.Arrays.copyOf(sizes, count * 2);
          lasts = java.util.Arrays.copyOf(lasts, count * 2);
          starts = java.util.Arrays.copyOf(starts, count * 2);
        }
        executors[i] = ex;
        items[i] = new Object[home == null ? 4 : 16];
        sizes[i] = 0;
        count++;
      }
      int n = sizes[i];
      Object[] a = items[i];
      if (n + 2 > a.length) {
        a = items[i] = java.util.Arrays.copyOf(a, a.length * 2);
      }
      if (lasts[i] != m) {
        lasts[i] = m;
        starts[i] = n;
        a[n++] = m;
      }
      a[n++] = s;
      sizes[i] = n;
    }

    /** Takes back what {@code m} added. */
    void drop(Message m) {
      for (int i = 0; i < count; i++) {
        if (lasts[i] == m) {
          sizes[i] = starts[i];
          lasts[i] = null;
        }
      }
    }

    /** Queues the hand-over on the home executor, once per batch. */
    void schedule() {
      if (scheduled) {
        return;
      }
      scheduled = true;
      try {
        home.execute(this);
      } catch (RejectedExecutionException e) {
        scheduled = false;
        handOver(); // the home loop is stopping: hand over at once rather than never
      }
    }

    /** The queued hand-over. */
    @Override
    public void run() {
      scheduled = false;
      handOver();
    }

    /**
     * Hands each executor, this thread's own included, its held deliveries as one task. Its own get a
     * task too rather than running here: a hand-over made earlier by {@link #publishNow} may have
     * queued some there already, and these must run after those.
     */
    void handOver() {
      int n = count;
      if (n == 0) {
        return;
      }
      Executor[] exs = java.util.Arrays.copyOf(executors, n);
      Delivery[] tasks = new Delivery[n];
      for (int i = 0; i < n; i++) {
        tasks[i] = new Delivery(items[i], sizes[i]);
        executors[i] = null;
        items[i] = null;
        lasts[i] = null;
      }
      count = 0; // emptied first: an executor that runs its task at once may publish into a new batch
      for (int i = 0; i < n; i++) {
        Hub.handOver(exs[i], tasks[i]);
      }
    }
  }

  /**
   * Deliveries on one executor: one or more messages, each followed by the subscriptions it matched
   * there ({@code items[0]} is a message).
   */
  private final class Delivery implements Runnable {
    private final Object[] items;
    private final int size;

    Delivery(Object[] items, int size) {
      this.items = items;
      this.size = size;
    }

    @Override
    public void run() {
      int i = 0;
      while (i < size) {
        Message m = (Message) items[i++];
        int from = i;
        while (i < size && !(items[i] instanceof Message)) {
          i++;
        }
        deliver(m, from, i);
      }
    }

    private void deliver(Message message, int from, int to) {
      // first each live subscription joins its owner's pending list, then each owner gets one call
      // with its list, in the order the owners first appear; nothing is allocated for the grouping
      for (int i = from; i < to; i++) {
        Subscription s = (Subscription) items[i];
        if (s.isActive()) { // the unsubscribe barrier: one ended before this task ran is skipped
          s.ownerState().pending.add(s);
        }
      }
      for (int i = from; i < to; i++) {
        OwnerState os = ((Subscription) items[i]).ownerState();
        if (!os.pending.isEmpty()) {
          deliverTo(message, os);
        }
      }
    }

    private void deliverTo(Message message, OwnerState os) {
      try {
        os.owner.deliver(message, os.pending);
        delivered.increment();
      } catch (RuntimeException e) {
        log.warn("delivery to {} failed", os.owner, e);
      } finally {
        os.pending.clear();
      }
    }
  }
}
