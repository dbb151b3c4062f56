package switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HubTest {
  private final Executor direct = Runnable::run;
  private final Hub hub = new Hub(new HubOptions(3, 100), () -> 1_000L);

  private static Message msg(String topic) {
    return Message.builder(topic).payload("{}".getBytes()).build();
  }

  @Test
  void deliversToMatchingSubscriptionsAndStampsSequence() {
    RecordingOwner a = new RecordingOwner(direct);
    Subscription s = hub.subscribe(a, SubscriptionSpec.onTopic("t").build());
    assertThat(hub.publish(msg("t"))).isEqualTo(1);
    assertThat(hub.publish(msg("other"))).isZero();
    assertThat(hub.publish(msg("t"))).isEqualTo(1);

    assertThat(a.deliveries()).hasSize(2);
    assertThat(a.deliveries().get(0).matched()).containsExactly(s.id());
    assertThat(a.deliveries().get(0).message().sequence()).isEqualTo(1);
    assertThat(a.deliveries().get(1).message().sequence()).isEqualTo(3);
    assertThat(a.deliveries().get(0).message().timestamp()).isEqualTo(1_000L);
    assertThat(hub.publishedCount()).isEqualTo(3);
    assertThat(hub.deliveredCount()).isEqualTo(2);
  }

  @Test
  void severalMatchingSubscriptionsOfOneOwnerArriveInOneDelivery() {
    RecordingOwner a = new RecordingOwner(direct);
    RecordingOwner b = new RecordingOwner(direct);
    Subscription a1 = hub.subscribe(a, SubscriptionSpec.onTopic("t").build());
    Subscription a2 = hub.subscribe(a, SubscriptionSpec.on(TopicSelector.regex("t|u")).build());
    Subscription b1 = hub.subscribe(b, SubscriptionSpec.onTopic("t").build());

    assertThat(hub.publish(msg("t"))).isEqualTo(3);
    assertThat(a.deliveries()).singleElement().satisfies(d -> assertThat(d.matched()).containsExactlyInAnyOrder(a1.id(), a2.id()));
    assertThat(b.deliveries()).singleElement().satisfies(d -> assertThat(d.matched()).containsExactly(b1.id()));
  }

  @Test
  void oneTaskPerExecutorPerPublish() {
    CountingExecutor loop1 = new CountingExecutor();
    CountingExecutor loop2 = new CountingExecutor();
    Hub big = new Hub();
    for (int i = 0; i < 10; i++) {
      big.subscribe(new RecordingOwner(loop1), SubscriptionSpec.onTopic("t").build());
    }
    for (int i = 0; i < 5; i++) {
      big.subscribe(new RecordingOwner(loop2), SubscriptionSpec.onTopic("t").build());
    }
    assertThat(big.publish(msg("t"))).isEqualTo(15);
    assertThat(loop1.tasks.get()).isEqualTo(1);
    assertThat(loop2.tasks.get()).isEqualTo(1);
    assertThat(big.deliveredCount()).isEqualTo(15);
  }

  @Test
  void unsubscribeByIdByIdsAndAll() {
    RecordingOwner a = new RecordingOwner(direct);
    Subscription s1 = hub.subscribe(a, SubscriptionSpec.onTopic("t").build());
    Subscription s2 = hub.subscribe(a, SubscriptionSpec.onTopic("t").build());
    Subscription s3 = hub.subscribe(a, SubscriptionSpec.onTopic("t").build());

    assertThat(hub.unsubscribe(a, s1.id())).isTrue();
    assertThat(hub.unsubscribe(a, s1.id())).isFalse();
    assertThat(s1.isActive()).isFalse();
    assertThat(hub.list(a)).containsExactly(s2, s3);

    // unknown ids are skipped; the known one is ended
    assertThat(hub.unsubscribe(a, List.of(new SubscriptionId(999), s2.id()))).containsExactly(s2);
    assertThat(hub.unsubscribeAll(a)).containsExactly(s3);
    assertThat(hub.list(a)).isEmpty();
    assertThat(hub.publish(msg("t"))).isZero();
    assertThat(hub.subscriptionCount()).isZero();
  }

  @Test
  void unsubscribeAllOfOneTypeLeavesTheOthers() {
    RecordingOwner a = new RecordingOwner(direct);
    Subscription c = hub.subscribe(a, SubscriptionSpec.onTopic("cmd").type("command").build());
    Subscription n = hub.subscribe(a, SubscriptionSpec.onTopic("ntf").type("notification").build());

    assertThat(hub.list(a, "notification")).containsExactly(n);
    assertThat(hub.unsubscribeAll(a, "command")).containsExactly(c);
    assertThat(hub.list(a)).containsExactly(n);
    assertThat(hub.publish(msg("ntf"))).isEqualTo(1);
    assertThat(hub.publish(msg("cmd"))).isZero();
  }

  @Test
  void unsubscribeByTheParametersOfTheSubscription() {
    RecordingOwner a = new RecordingOwner(direct);
    hub.subscribe(a, SubscriptionSpec.onTopic("tx").key("account", "rA").build(), "accounts");
    Subscription keep = hub.subscribe(a, SubscriptionSpec.onTopic("tx").key("account", "rB").build(), "accounts");

    List<Subscription> ended = hub.unsubscribeIf(a, s -> s.spec().keys().get("account").contains("rA"));
    assertThat(ended).hasSize(1);
    assertThat(hub.list(a)).containsExactly(keep);
    assertThat(keep.attachment(String.class)).isEqualTo("accounts");
  }

  @Test
  void ownersDoNotSeeEachOthersSubscriptions() {
    RecordingOwner a = new RecordingOwner(direct);
    RecordingOwner b = new RecordingOwner(direct);
    Subscription sa = hub.subscribe(a, SubscriptionSpec.onTopic("t").build());
    assertThat(hub.unsubscribe(b, sa.id())).isFalse();
    assertThat(hub.find(b, sa.id())).isEmpty();
    assertThat(hub.find(a, sa.id())).contains(sa);
    assertThat(hub.list(b)).isEmpty();
  }

  @Test
  void releaseEndsEverythingTheOwnerHeld() {
    RecordingOwner a = new RecordingOwner(direct);
    Subscription s = hub.subscribe(a, SubscriptionSpec.onTopic("t").build());
    hub.release(a);
    assertThat(s.isActive()).isFalse();
    assertThat(hub.subscriptionCount()).isZero();
    assertThat(hub.ownerCount()).isZero();
    assertThat(hub.publish(msg("t"))).isZero();
  }

  @Test
  void limitPerOwner() {
    RecordingOwner a = new RecordingOwner(direct);
    for (int i = 0; i < 3; i++) {
      hub.subscribe(a, SubscriptionSpec.onTopic("t").build());
    }
    assertThatThrownBy(() -> hub.subscribe(a, SubscriptionSpec.onTopic("t").build()))
        .isInstanceOf(SubscriptionLimitException.class)
        .hasMessageContaining("3");
    // another owner has its own allowance
    hub.subscribe(new RecordingOwner(direct), SubscriptionSpec.onTopic("t").build());
    assertThat(hub.subscriptionCount()).isEqualTo(4);
  }

  @Test
  void deliveryTaskDropsSubscriptionsEndedBeforeItRuns() {
    QueueExecutor loop = new QueueExecutor();
    RecordingOwner a = new RecordingOwner(loop);
    Subscription s1 = hub.subscribe(a, SubscriptionSpec.onTopic("t").build());
    Subscription s2 = hub.subscribe(a, SubscriptionSpec.onTopic("t").build());
    hub.publish(msg("t")); // queued, not yet run
    hub.unsubscribe(a, s1.id());
    loop.runAll();
    assertThat(a.deliveries()).singleElement().satisfies(d -> assertThat(d.matched()).containsExactly(s2.id()));

    hub.publish(msg("t"));
    hub.unsubscribe(a, s2.id());
    loop.runAll();
    assertThat(a.deliveries()).hasSize(1); // nothing left to deliver, so no empty delivery either
  }

  @Test
  void matchingFindsWithoutDeliveringAndDeliverReachesOnlyTheGivenLiveSubscriptions() {
    RecordingOwner a = new RecordingOwner(direct);
    RecordingOwner b = new RecordingOwner(direct);
    Subscription a1 = hub.subscribe(a, SubscriptionSpec.onTopic("t").build());
    Subscription b1 = hub.subscribe(b, SubscriptionSpec.onTopic("t").build());
    Message m = Message.builder("t").attachment("notice").build();
    assertThat(hub.matching(m)).containsExactlyInAnyOrder(a1, b1);
    assertThat(a.deliveries()).isEmpty();

    hub.deliver(m, List.of(a1));
    assertThat(a.deliveries()).singleElement().satisfies(d -> {
      assertThat(d.matched()).containsExactly(a1.id());
      assertThat(d.message().attachment()).isEqualTo("notice");
      assertThat(d.message().sequence()).isPositive();
    });
    assertThat(b.deliveries()).isEmpty();

    hub.unsubscribe(b, b1.id());
    hub.deliver(m, List.of(b1)); // ended: nothing
    assertThat(b.deliveries()).isEmpty();
  }

  @Test
  void aFailingOwnerDoesNotStopDeliveryToOthers() {
    Owner bad = owner(direct, (message, matched) -> {
      throw new IllegalStateException("boom");
    });
    RecordingOwner good = new RecordingOwner(direct);
    hub.subscribe(bad, SubscriptionSpec.onTopic("t").build());
    hub.subscribe(good, SubscriptionSpec.onTopic("t").build());
    hub.publish(msg("t"));
    assertThat(good.deliveries()).hasSize(1);
  }

  /**
   * This thread batching for {@code home}, and one owner on each of {@code home} and {@code other}
   * subscribed to topic "t".
   */
  private record TwoLoops(QueueExecutor home, QueueExecutor other, RecordingOwner near, RecordingOwner far) {}

  private TwoLoops twoLoops() {
    QueueExecutor home = new QueueExecutor();
    QueueExecutor other = new QueueExecutor();
    hub.batchDeliveriesOnThisThread(home);
    TwoLoops l = new TwoLoops(home, other, new RecordingOwner(home), new RecordingOwner(other));
    hub.subscribe(l.far(), SubscriptionSpec.onTopic("t").build());
    hub.subscribe(l.near(), SubscriptionSpec.onTopic("t").build());
    return l;
  }

  @Test
  void aBatchingThreadHandsEachExecutorOneTaskForAllItPublishedInATurn() {
    TwoLoops l = twoLoops();

    for (int i = 0; i < 100; i++) {
      assertThat(hub.publish(Message.builder("t").key(Integer.toString(i)).build())).isEqualTo(2);
    }
    assertThat(l.other().queued()).isZero();
    assertThat(l.home().queued()).as("one hand-over for the whole turn").isEqualTo(1);
    assertThat(l.near().deliveries()).isEmpty();

    l.home().runAll(); // the hand-over, then the task it queued for this executor's own owner
    assertThat(l.other().queued()).as("one task for the other executor").isEqualTo(1);
    assertThat(l.near().deliveries()).extracting(d -> d.message().key()).containsExactlyElementsOf(keys(0, 100));
    assertThat(l.far().deliveries()).isEmpty();
    l.other().runAll();
    assertThat(l.far().deliveries()).extracting(d -> d.message().key()).containsExactlyElementsOf(keys(0, 100));
    assertThat(hub.deliveredCount()).isEqualTo(200);

    hub.publish(Message.builder("t").key("100").build());
    assertThat(l.home().queued()).as("the next turn is a new batch").isEqualTo(1);
    l.home().runAll();
    l.other().runAll();
    assertThat(l.far().deliveries()).extracting(d -> d.message().key()).containsExactlyElementsOf(keys(0, 101));
  }

  @Test
  void heldDeliveriesStillStopAtTheUnsubscribeBarrier() {
    TwoLoops l = twoLoops();
    Subscription s = hub.list(l.far()).get(0);
    hub.publish(msg("t")); // held on this thread
    l.home().runAll(); // handed over, not yet run
    hub.publish(msg("t")); // held again
    hub.unsubscribe(l.far(), s.id());
    l.home().runAll();
    l.other().runAll();
    assertThat(l.far().deliveries()).isEmpty();
    assertThat(l.near().deliveries()).as("the subscription that stayed").hasSize(2);
  }

  @Test
  void publishesAndDeliversOfOneBatchingThreadKeepTheirOrderAcrossHandOvers() {
    QueueExecutor home = new QueueExecutor();
    QueueExecutor other = new QueueExecutor();
    hub.batchDeliveriesOnThisThread(home);
    RecordingOwner far = new RecordingOwner(other);
    Subscription t = hub.subscribe(far, SubscriptionSpec.onTopic("t").build());
    hub.subscribe(far, SubscriptionSpec.onTopic("echo").build());
    // an owner on the home executor that publishes whatever it receives on "t" to "echo": its
    // publishes happen while the batch is being handed over, and must follow that batch
    Owner echo = owner(home, (m, matched) -> hub.publish(Message.builder("echo").key("e" + m.key()).build()));
    hub.subscribe(echo, SubscriptionSpec.onTopic("t").build());

    hub.publish(Message.builder("t").key("1").build());
    hub.deliver(Message.builder("notice").key("n").build(), List.of(t)); // hands over [1, n] at once
    hub.publish(Message.builder("t").key("2").build());
    assertThat(other.queued()).isEqualTo(1);
    // echo gets 1 (queued by deliver) and publishes e1; the turn's hand-over then queues [2, e1] for
    // far and [2] for echo, whose e2 starts the next batch, handed over after it
    home.runAll();
    assertThat(other.queued()).isEqualTo(3);
    other.runAll();
    assertThat(far.deliveries()).extracting(d -> d.message().key()).containsExactly("1", "n", "2", "e1", "e2");
  }

  @Test
  void publishNowHandsOverBeforeReturningAfterWhatTheThreadHeld() {
    TwoLoops l = twoLoops();

    hub.publish(Message.builder("t").key("held").build());
    hub.publishNow(Message.builder("t").key("now").build());
    assertThat(l.other().queued()).as("handed over without the home executor running").isEqualTo(1);
    l.other().runAll();
    assertThat(l.far().deliveries()).extracting(d -> d.message().key()).containsExactly("held", "now");
    l.home().runAll(); // the home executor's share was queued there as a task
    assertThat(l.near().deliveries()).extracting(d -> d.message().key()).containsExactly("held", "now");
    assertThat(l.other().queued()).isZero();
  }

  @Test
  void publishesThatALockOrdersReachSubscribersInThatOrderFromAnyThread() throws Exception {
    QueueExecutor subscriberLoop = new QueueExecutor();
    RecordingOwner sub = new RecordingOwner(subscriberLoop);
    hub.subscribe(sub, SubscriptionSpec.onTopic("record").build());
    QueueExecutor loopA = new QueueExecutor();
    QueueExecutor loopB = new QueueExecutor();
    // two event loops update one record in turn, as two amps publishers of one SOW key under its lock
    onThread(() -> {
      hub.batchDeliveriesOnThisThread(loopA);
      hub.publishNow(Message.builder("record").key("v1").build());
    });
    onThread(() -> {
      hub.batchDeliveriesOnThisThread(loopB);
      hub.publishNow(Message.builder("record").key("v2").build());
    });
    loopB.runAll(); // whichever loop ends its turn first
    loopA.runAll();
    subscriberLoop.runAll();
    assertThat(sub.deliveries()).extracting(d -> d.message().key()).containsExactly("v1", "v2");
  }

  private static void onThread(Runnable r) throws InterruptedException {
    Thread t = new Thread(r);
    t.start();
    t.join();
  }

  @ParameterizedTest(name = "batching thread: {0}")
  @ValueSource(booleans = {false, true})
  void aPublishWhoseMatchFailsHalfWayDeliversNothing(boolean batching) {
    QueueExecutor home = new QueueExecutor();
    QueueExecutor loop = new QueueExecutor();
    if (batching) {
      hub.batchDeliveriesOnThisThread(home);
    }
    RecordingOwner a = new RecordingOwner(loop);
    hub.subscribe(a, SubscriptionSpec.onTopic("t").build()); // matched first
    hub.subscribe(a, SubscriptionSpec.onTopic("t").filter(m -> {
      if ("bad".equals(m.key())) {
        throw new IllegalStateException("filter failed");
      }
      return true;
    }).build());

    hub.publish(Message.builder("t").key("before").build());
    assertThatThrownBy(() -> hub.publish(Message.builder("t").key("bad").build()))
        .isInstanceOf(IllegalStateException.class);
    hub.publish(Message.builder("t").key("after").build());
    home.runAll();
    loop.runAll();
    assertThat(a.deliveries()).extracting(d -> d.message().key()).containsExactly("before", "after");
  }

  @Test
  void aThreadBatchesForOneExecutorOnly() {
    QueueExecutor home = new QueueExecutor();
    hub.batchDeliveriesOnThisThread(home);
    hub.batchDeliveriesOnThisThread(home); // the same again is harmless
    assertThatThrownBy(() -> hub.batchDeliveriesOnThisThread(new QueueExecutor()))
        .isInstanceOf(IllegalStateException.class);
  }

  private static List<String> keys(int from, int to) {
    return java.util.stream.IntStream.range(from, to).mapToObj(Integer::toString).toList();
  }

  /** An owner on {@code executor} whose deliveries do {@code deliver}. */
  private static Owner owner(Executor executor, java.util.function.BiConsumer<Message, List<Subscription>> deliver) {
    return new Owner() {
      @Override
      public Executor executor() {
        return executor;
      }

      @Override
      public void deliver(Message message, List<Subscription> matched) {
        deliver.accept(message, matched);
      }
    };
  }

  static final class CountingExecutor implements Executor {
    final AtomicInteger tasks = new AtomicInteger();

    @Override
    public void execute(Runnable r) {
      tasks.incrementAndGet();
      r.run();
    }
  }

  static final class QueueExecutor implements Executor {
    private final java.util.ArrayDeque<Runnable> queue = new java.util.ArrayDeque<>();

    @Override
    public void execute(Runnable r) {
      queue.add(r);
    }

    void runAll() {
      while (!queue.isEmpty()) {
        queue.poll().run();
      }
    }

    int queued() {
      return queue.size();
    }
  }
}
