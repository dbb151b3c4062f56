package switchboard.bench.index;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import switchboard.core.Hub;
import switchboard.core.SubscriptionSpec;
import switchboard.core.index.SubscriptionIndex;

/**
 * Heap bytes per keyed subscription (topic "t", {@code deviceId -> {d<i>}}, every key distinct): used
 * heap after full GCs, read before and after adding N subscriptions, divided by N. Three figures:
 *
 * <ul>
 *   <li>the specs alone (what a dialect builds before it subscribes: the record, its key map and set,
 *       the key string);
 *   <li>the bare {@link SubscriptionIndex}, spec excluded (its entry and its slot in the key table);
 *   <li>the {@link Hub}, which is what the server uses, spec excluded (the {@code Subscription}, which
 *       is its own index entry, its key-table slot, and its slot in the owner's map); owners hold 1000
 *       subscriptions each;
 *   <li>the hub again, with each spec built as it subscribes and not kept by anyone else: what the
 *       server holds per subscription. The hub keeps the spec's parts (key map, value set, key
 *       string), not the spec record or its topic selector.
 * </ul>
 *
 * <p>Not a JMH benchmark: a plain program. Run it with a heap that leaves room (-Xms4g -Xmx4g).
 * Usage: {@code HeapPerSubscription [n]} (default 1,000,000).
 */
public final class HeapPerSubscription {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private HeapPerSubscription() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;

    long empty = usedAfterGc();
    SubscriptionSpec[] specs = new SubscriptionSpec[n];
    for (int i = 0; i < n; i++) {
      specs[i] = Fixtures.device("d" + i);
    }
    long withSpecs = usedAfterGc();
    long specArray = 16L + 4L * n; // the array that holds the specs here; no server holds one
    long specBytes = withSpecs - empty - specArray;

    SubscriptionIndex<Integer> index = new SubscriptionIndex<>();
    Integer value = 1; // one shared value: only the index's own structures are counted
    for (SubscriptionSpec s : specs) {
      index.add(s, value);
    }
    long withIndex = usedAfterGc();
    long indexBytes = withIndex - withSpecs;
    check(index.size() == n, "index size");
    Reference.reachabilityFence(index);
    index = null;

    long before = usedAfterGc();
    Hub hub = Fixtures.hub();
    List<Fixtures.CountingOwner> owners = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (i % Fixtures.PER_OWNER == 0) {
        owners.add(new Fixtures.CountingOwner());
      }
      hub.subscribe(owners.get(owners.size() - 1), specs[i]);
    }
    long withHub = usedAfterGc();
    long hubBytes = withHub - before;
    check(hub.subscriptionCount() == n, "hub size");
    Reference.reachabilityFence(hub);
    Reference.reachabilityFence(owners);
    Reference.reachabilityFence(specs);
    specs = null;
    hub = null;
    owners.clear();

    long bare = usedAfterGc();
    Hub held = Fixtures.hub();
    for (int i = 0; i < n; i++) {
      if (i % Fixtures.PER_OWNER == 0) {
        owners.add(new Fixtures.CountingOwner());
      }
      held.subscribe(owners.get(owners.size() - 1), Fixtures.device("d" + i));
    }
    long heldBytes = usedAfterGc() - bare;
    check(held.subscriptionCount() == n, "hub size");
    Reference.reachabilityFence(held);
    Reference.reachabilityFence(owners);

    System.out.printf("# %s, max heap %d MiB, compressed oops %s, GC %s%n",
        Runtime.version(), Runtime.getRuntime().maxMemory() >> 20, vmOption("UseCompressedOops"), gcNames());
    System.out.printf("subscriptions                        %,d (topic \"t\", deviceId -> {d<i>}, %d per owner)%n",
        n, Fixtures.PER_OWNER);
    System.out.printf("spec (built by the dialect)          %6.1f bytes/subscription%n", (double) specBytes / n);
    System.out.printf("index only, spec excluded            %6.1f bytes/subscription%n", (double) indexBytes / n);
    System.out.printf("hub, spec excluded                   %6.1f bytes/subscription (Subscription + key table + owner map)%n",
        (double) hubBytes / n);
    System.out.printf("hub, what it holds per subscription  %6.1f bytes/subscription (spec parts included)%n", (double) heldBytes / n);
    System.out.printf("hub, all %,d subscriptions: %.1f MiB%n", n, heldBytes / 1048576.0);
  }

  /** Used heap after three full collections (System.gc() is a full collection with G1 and Parallel). */
  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  private static String vmOption(String name) {
    try {
      return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name).getValue();
    } catch (RuntimeException e) {
      return "?";
    }
  }

  private static String gcNames() {
    StringBuilder sb = new StringBuilder();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(gc.getName());
    }
    return sb.toString();
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("unexpected " + what);
    }
  }
}
