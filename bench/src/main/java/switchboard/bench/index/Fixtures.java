package switchboard.bench.index;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import switchboard.core.Hub;
import switchboard.core.HubOptions;
import switchboard.core.Message;
import switchboard.core.Owner;
import switchboard.core.Subscription;
import switchboard.core.SubscriptionSpec;
import switchboard.core.index.SubscriptionIndex;

/** What the index benchmarks share: the subscriptions they pre-fill and the messages they publish. */
final class Fixtures {
  static final String TOPIC = "t";
  static final String DEVICE = "deviceId";
  /** Owners get this many subscriptions each when a hub is pre-filled (a busy connection). */
  static final int PER_OWNER = 1_000;
  /** Messages prebuilt per benchmark: enough distinct keys that lookups are not one hot key. */
  static final int RING = 8_192;
  /** For {@link #keysInPlay}: messages draw their keys over every subscription present. */
  static final String ALL = "all";

  private Fixtures() {}

  /** Topic "t", one key constraint {@code deviceId -> {id}}: what a DeviceHive subscription becomes. */
  static SubscriptionSpec device(String id) {
    return SubscriptionSpec.onTopic(TOPIC).key(DEVICE, id).build();
  }

  static Message deviceMessage(String id) {
    return Message.builder(TOPIC).indexKey(DEVICE, id).build();
  }

  /** An index holding {@code n} keyed subscriptions, {@code deviceId = d0 .. d(n-1)}. */
  static SubscriptionIndex<Integer> deviceIndex(int n) {
    SubscriptionIndex<Integer> index = new SubscriptionIndex<>();
    for (int i = 0; i < n; i++) {
      index.add(device("d" + i), i);
    }
    return index;
  }

  /** {@code count} ints drawn uniformly from [0, bound), the same on every run. */
  static int[] randomInts(int count, int bound, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      out[i] = r.nextInt(bound);
    }
    return out;
  }

  /**
   * {@code count} keys in [0, n) as the messages of a run draw them: uniformly over all n when {@code
   * inPlay} is {@link #ALL}, else uniformly over {@code inPlay} distinct keys chosen at random among the
   * n (the same keys on every run). The second holds the traffic still while n grows, so that a figure
   * moves with the subscriptions present and not with how many of them the messages visit.
   */
  static int[] keysInPlay(int count, int n, String inPlay, long seed) {
    if (ALL.equals(inPlay) || Integer.parseInt(inPlay) >= n) {
      return randomInts(count, n, seed);
    }
    int[] chosen = shuffled(n, seed + 1);
    int[] picks = randomInts(count, Integer.parseInt(inPlay), seed);
    for (int i = 0; i < picks.length; i++) {
      picks[i] = chosen[picks[i]];
    }
    return picks;
  }

  /** 0 .. n-1 in a fixed random order. */
  static int[] shuffled(int n, long seed) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  /** A hub with no per-owner limit worth mentioning and the default pattern cache. */
  static Hub hub() {
    return new Hub(new HubOptions(Integer.MAX_VALUE, HubOptions.DEFAULTS.patternCacheCapacity()));
  }

  /**
   * Pre-fills the hub with {@code n} keyed subscriptions ({@code deviceId = d0 ..}), {@link #PER_OWNER}
   * per owner, as connections would hold them. Returns the owners.
   */
  static CountingOwner[] fillHub(Hub hub, int n) {
    CountingOwner[] owners = new CountingOwner[(n + PER_OWNER - 1) / PER_OWNER];
    for (int i = 0; i < n; i++) {
      int o = i / PER_OWNER;
      if (owners[o] == null) {
        owners[o] = new CountingOwner();
      }
      hub.subscribe(owners[o], device("d" + i));
    }
    return owners;
  }

  /** An owner whose deliveries run inline on the publishing thread and count what they receive. */
  static final class CountingOwner implements Owner {
    private static final Executor INLINE = Runnable::run;
    long deliveries;

    @Override
    public Executor executor() {
      return INLINE;
    }

    @Override
    public void deliver(Message message, List<Subscription> matched) {
      deliveries += matched.size();
    }
  }
}
