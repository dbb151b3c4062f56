package switchboard.core.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One State-of-the-World record as the store keeps it: the latest message for one key of a topic.
 *
 * @param topic the SOW topic
 * @param sowKey the record's key as clients see it (a decimal unsigned 64-bit hash of its key fields)
 * @param payload the message body, JSON text, stored and returned unchanged
 * @param timestamp when the record was written; kept to the millisecond
 */
public record StoredSowRecord(String topic, String sowKey, String payload, Instant timestamp) {
  public StoredSowRecord {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(sowKey, "sowKey");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(timestamp, "timestamp");
    timestamp = Copies.millis(timestamp);
  }
}
