package switchboard.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** An owner that records what it is delivered: each delivery as the message and the matched ids. */
final class RecordingOwner implements Owner {
  record Delivery(Message message, List<SubscriptionId> matched) {}

  private final Executor executor;
  final List<Delivery> deliveries = new ArrayList<>();

  RecordingOwner(Executor executor) {
    this.executor = executor;
  }

  @Override
  public Executor executor() {
    return executor;
  }

  @Override
  public synchronized void deliver(Message message, List<Subscription> matched) {
    deliveries.add(new Delivery(message, matched.stream().map(Subscription::id).toList()));
  }

  synchronized List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }
}
