package switchboard.bench.harness.proto;

import java.io.IOException;
import java.time.Duration;
import switchboard.bench.harness.Batch;
import switchboard.bench.harness.BenchException;
import switchboard.bench.harness.Publishing;
import switchboard.bench.harness.Target;

/**
 * The {@link Publishing} of the xrpl dialect, whose messages come from its upstream rippled: it
 * publishes through the {@link XrplUpstream} the dialect is subscribed to, every message a
 * transaction of its own ({@link XrplUpstream#frame}), since the dialect drops a transaction whose
 * hash it has already seen. A message stands for the topic's account and the payload, rendered anew
 * at each add, the payload as the transaction's {@code bench_payload}, which is what {@link Xrpl}'s
 * subscribers report as the delivery. The batch is written to the dialect's upstream connection in
 * one go.
 *
 * <p>The upstream is shared by the runs of a bench (the dialect connects to it once); this publisher
 * opens nothing and closes nothing of its own. Not thread-safe: one workload thread owns it.
 */
public final class XrplPublisher implements Publishing {
  private final XrplUpstream upstream;
  private final Batch batch = new Batch(256 * 1024);
  /** The account of the topic last given, since a paced workload makes a message per send, all to one topic. */
  private String lastTopic;
  private XrplUpstream.Account lastAccount;

  private XrplPublisher(XrplUpstream upstream) {
    this.upstream = upstream;
  }

  /** Opens publishers on {@code upstream}, each once the dialect is subscribed to it. */
  public static Publishing.Opener on(XrplUpstream upstream) {
    return (target, clientName, timeout) -> open(upstream, target, timeout);
  }

  private static XrplPublisher open(XrplUpstream upstream, Target target, Duration timeout) throws IOException, InterruptedException {
    if (!upstream.awaitSubscribed(timeout)) {
      throw new BenchException(target.name() + ": publisher: the xrpl dialect has not subscribed to the stand-in rippled at "
          + upstream.url() + " within " + timeout.toSeconds() + " s");
    }
    return new XrplPublisher(upstream);
  }

  @Override
  public Message message(String topic, byte[] payload) {
    if (!topic.equals(lastTopic)) {
      lastAccount = XrplUpstream.account(topic);
      lastTopic = topic;
    }
    XrplUpstream.Account account = lastAccount;
    return () -> batch.put(upstream.frame(account, payload));
  }

  @Override
  public boolean send() throws IOException {
    try {
      return upstream.write(batch.flip(), STALL);
    } finally {
      batch.clear();
    }
  }

  /** Nothing to do: the dialect sends its upstream nothing but its subscribe requests, which the upstream answers. */
  @Override
  public void poll() {}

  @Override
  public void close() {}
}
