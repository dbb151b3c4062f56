package switchboard.client;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of a finished SOW query: its records in the order received, and its acks
 * ({@code processed}, {@code completed}, and {@code stats} when asked for).
 */
public final class SowResult {
  private final List<Message> records;
  private final List<Ack> acks;

  SowResult(List<Message> records, List<Ack> acks) {
    this.records = List.copyOf(records);
    this.acks = List.copyOf(acks);
  }

  /** The records ({@code sow} messages), each with its SOW key ({@link Message#sowKey()}) and body. */
  public List<Message> records() {
    return records;
  }

  /** Every ack of the query, in the order received. */
  public List<Ack> acks() {
    return acks;
  }

  /** The {@code stats} ack ({@code records_returned}, {@code topic_matches}, {@code matches}), if asked for. */
  public Optional<Ack> stats() {
    return acks.stream().filter(a -> a.ackType() == AckType.STATS).findFirst();
  }

  @Override
  public String toString() {
    return "SowResult(" + records.size() + " records)";
  }
}
