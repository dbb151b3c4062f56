package switchboard.client;

import java.util.concurrent.CompletableFuture;

/**
 * A subscription the server has accepted (its {@code processed} ack was a success). Its messages go to
 * the handler given when subscribing until it is unsubscribed or the connection ends.
 */
public final class Subscription implements AutoCloseable {
  private final AmpsClient client;
  private final String subId;
  private final String queryId;
  private final Ack ack;

  Subscription(AmpsClient client, String subId, String queryId, Ack ack) {
    this.client = client;
    this.subId = subId;
    this.queryId = queryId;
    this.ack = ack;
  }

  /** The subscription id ({@code sub_id}): the one given, or the command id the client generated. */
  public String subId() {
    return subId;
  }

  /** The query id of a sow_and_subscribe (its SOW records carry it); null for a plain subscribe. */
  public String queryId() {
    return queryId;
  }

  /** The ack that confirmed the subscription. */
  public Ack ack() {
    return ack;
  }

  /**
   * Unsubscribes; the future completes with the {@code processed} ack, after which no message of this
   * subscription is delivered (seed 001, DESIGN "unsubscribe is a barrier").
   */
  public CompletableFuture<Ack> unsubscribe() {
    return client.unsubscribe(subId);
  }

  /** Unsubscribes and waits for the ack; does nothing when the client is no longer connected. */
  @Override
  public void close() {
    if (client.isConnected()) {
      client.await(unsubscribe());
    }
  }

  @Override
  public String toString() {
    return "Subscription(" + subId + ")";
  }
}
