package switchboard.bench.harness;

/**
 * What a subscription asks for: a topic (a NATS subject, a Redis channel, an MQTT topic, an amps
 * topic; an xrpl account or a devicehive device id when the protocol maps topics to keys), and,
 * for a protocol that {@link Protocol#filters() filters}, an optional content filter in that
 * protocol's language (null for none).
 */
public record Interest(String topic, String filter) {
  public static Interest topic(String topic) {
    return new Interest(topic, null);
  }
}
