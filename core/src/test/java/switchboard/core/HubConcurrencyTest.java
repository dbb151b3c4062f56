package switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Publishers and unsubscribers at full speed on different threads, owners on serial executors as
 * connections are on event loops. Checks the unsubscribe barrier (nothing for a subscription after its
 * reply marker), no loss and publish order for the subscriptions that stay. Run twice: publishers on
 * threads of their own, and publishers on the owners' loops, which batch their deliveries
 * ({@link Hub#batchDeliveriesOnThisThread}) as the server's event loops do.
 */
class HubConcurrencyTest {
  static final int PUBLISHERS = 3;
  static final int PER_PUBLISHER = 40_000;
  /** Publishes per task when publishers run on the loops: one turn's worth, as from one socket read. */
  static final int PER_TURN = 50;
  static final int LOOPS = 4;
  static final int OWNERS = 24;

  /** An owner whose state lives on its loop, like a connection. */
  static final class Conn implements Owner {
    final ExecutorService loop;
    final long[] lastSeq = new long[PUBLISHERS];
    final long[] received = new long[PUBLISHERS];
    final Set<SubscriptionId> replied = new HashSet<>(); // unsubscribe replies already "written"
    final Map<SubscriptionId, Long> churnDeliveries = new HashMap<>();
    long afterReply;
    long disorder;
    SubscriptionId steady;

    Conn(ExecutorService loop) {
      this.loop = loop;
    }

    @Override
    public ExecutorService executor() {
      return loop;
    }

    @Override
    public void deliver(Message m, List<Subscription> matched) {
      for (Subscription s : matched) {
        if (replied.contains(s.id())) {
          afterReply++;
        }
        if (s.id().equals(steady)) {
          int p = Integer.parseInt(m.indexKey("publisher").get(0));
          long seq = Long.parseLong(m.key());
          if (seq != lastSeq[p] + 1) {
            disorder++;
          }
          lastSeq[p] = seq;
          received[p]++;
        } else {
          churnDeliveries.merge(s.id(), 1L, Long::sum);
        }
      }
    }
  }

  @ParameterizedTest(name = "publishers on the loops: {0}")
  @ValueSource(booleans = {false, true})
  void noDeliveryAfterUnsubscribeReplyAndPublishOrderKept(boolean onLoops) throws Exception {
    Hub hub = new Hub();
    List<ExecutorService> loops = new ArrayList<>();
    for (int i = 0; i < LOOPS; i++) {
      loops.add(Executors.newSingleThreadExecutor());
    }
    List<Conn> conns = new ArrayList<>();
    for (int i = 0; i < OWNERS; i++) {
      Conn c = new Conn(loops.get(i % LOOPS));
      c.steady = hub.subscribe(c, SubscriptionSpec.onTopic("t").build()).id();
      conns.add(c);
    }

    AtomicBoolean publishing = new AtomicBoolean(true);
    AtomicLong churned = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < PUBLISHERS; p++) {
      int pub = p;
      ExecutorService loop = loops.get(p % LOOPS);
      if (onLoops) {
        loop.submit(() -> hub.batchDeliveriesOnThisThread(loop)).get();
      }
      threads.add(new Thread(() -> {
        await(start);
        for (int i = 1; i <= PER_PUBLISHER; i += PER_TURN) {
          int first = i;
          Runnable turn = () -> {
            for (int j = first; j < first + PER_TURN && j <= PER_PUBLISHER; j++) {
              hub.publish(Message.builder("t").key(Long.toString(j)).indexKey("publisher", Integer.toString(pub)).build());
            }
          };
          if (onLoops) {
            Future<?> done = loop.submit(turn); // the next turn is queued after this one's hand-over
            try {
              done.get();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          } else {
            turn.run();
          }
        }
      }, "publisher-" + p));
    }
    for (int u = 0; u < 2; u++) {
      threads.add(new Thread(() -> {
        await(start);
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        while (publishing.get()) {
          Conn c = conns.get(rnd.nextInt(OWNERS));
          Subscription s = hub.subscribe(c, SubscriptionSpec.onTopic("t").build());
          // live across a few publishes, so that deliveries to it are in flight when it ends
          long until = hub.publishedCount() + rnd.nextInt(1, 64);
          while (hub.publishedCount() < until && publishing.get()) {
            Thread.onSpinWait();
          }
          hub.unsubscribe(c, s.id());
          // the dialect queues the reply on the connection's loop after unsubscribe returned
          c.loop.execute(() -> c.replied.add(s.id()));
          churned.incrementAndGet();
        }
      }, "unsubscriber-" + u));
    }
    threads.forEach(Thread::start);
    start.countDown();
    for (int p = 0; p < PUBLISHERS; p++) {
      threads.get(p).join();
    }
    publishing.set(false);
    for (Thread t : threads) {
      t.join();
    }
    for (ExecutorService l : loops) {
      l.shutdown();
      assertThat(l.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    long churnDelivered = 0;
    for (Conn c : conns) {
      assertThat(c.afterReply).as("deliveries after an unsubscribe reply").isZero();
      assertThat(c.disorder).as("out-of-order deliveries").isZero();
      for (int p = 0; p < PUBLISHERS; p++) {
        assertThat(c.received[p]).as("messages from publisher %d", p).isEqualTo(PER_PUBLISHER);
      }
      churnDelivered += c.churnDeliveries.values().stream().mapToLong(Long::longValue).sum();
    }
    // the race was real: subscriptions came and went while messages flowed to them
    assertThat(churned.get()).isGreaterThan(100);
    assertThat(churnDelivered).isGreaterThan(0);
    assertThat(hub.subscriptionCount()).isEqualTo(OWNERS);
  }

  private static void await(CountDownLatch l) {
    try {
      l.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
