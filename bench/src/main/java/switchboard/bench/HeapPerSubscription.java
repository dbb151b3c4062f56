package switchboard.bench;

import java.util.List;
import java.util.concurrent.Executor;
import switchboard.core.Hub;
import switchboard.core.HubOptions;
import switchboard.core.Message;
import switchboard.core.Owner;
import switchboard.core.Subscription;
import switchboard.core.SubscriptionSpec;
import switchboard.core.index.SubscriptionIndex;

/**
 * Heap bytes per keyed subscription: used heap after a full GC, before and after adding a million
 * subscriptions (each on its own key), through the bare index and through the hub, which is what a
 * server holds per subscription. Run with a heap large enough not to matter (-Xmx4g).
 */
public final class HeapPerSubscription {
  private static final int N = 1_000_000;

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : N;
    SubscriptionSpec[] specs = new SubscriptionSpec[n];
    for (int i = 0; i < n; i++) {
      specs[i] = SubscriptionSpec.onTopic("t").key("deviceId", "device-" + i).build();
    }
    long specBytes = measure(() -> {
      SubscriptionSpec[] again = new SubscriptionSpec[n];
      for (int i = 0; i < n; i++) {
        again[i] = SubscriptionSpec.onTopic("t").key("deviceId", "device-" + i).build();
      }
      return again;
    });
    long indexBytes = measure(() -> {
      SubscriptionIndex<Integer> index = new SubscriptionIndex<>();
      Integer v = 1;
      for (SubscriptionSpec s : specs) {
        index.add(s, v);
      }
      return index;
    });
    long hubBytes = measure(() -> {
      Hub hub = new Hub(new HubOptions(Integer.MAX_VALUE, 10_000));
      Owner owner = new Owner() {
        @Override
        public Executor executor() {
          return Runnable::run;
        }

        @Override
        public void deliver(Message message, List<Subscription> matched) {}
      };
      for (SubscriptionSpec s : specs) {
        hub.subscribe(owner, s);
      }
      return hub;
    });
    System.out.printf("subscriptions: %d%n", n);
    System.out.printf("spec (topic + one key constraint, what a dialect builds): %.0f bytes each%n", (double) specBytes / n);
    System.out.printf("index entry, spec excluded: %.0f bytes each%n", (double) indexBytes / n);
    System.out.printf("hub subscription (index entry + Subscription + owner map), spec excluded: %.0f bytes each%n", (double) hubBytes / n);
    System.out.printf("hub subscription, spec included: %.0f bytes each%n", (double) (hubBytes + specBytes) / n);
  }

  private interface Build {
    Object build();
  }

  /** Bytes retained by what {@code build} returns. */
  private static long measure(Build build) {
    long before = usedAfterGc();
    Object kept = build.build();
    long after = usedAfterGc();
    if (kept.hashCode() == 42) {
      System.out.print(""); // keeps the structure reachable until after the second reading
    }
    return after - before;
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
