package switchboard.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import switchboard.core.delivery.Outbox.Limit;

class OutboxTest {

  /** A socket whose buffer is full or not, as the test says. */
  static final class FakeSink implements Outbox.Sink<String> {
    boolean writable = true;
    final List<String> written = new ArrayList<>();
    int flushes;

    @Override
    public boolean isWritable() {
      return writable;
    }

    @Override
    public void write(String item) {
      written.add(item);
    }

    @Override
    public void flush() {
      flushes++;
    }
  }

  final FakeSink sink = new FakeSink();
  final List<Limit> slow = new ArrayList<>();
  final List<String> discarded = new ArrayList<>();

  Outbox<String> outbox(int maxMessages, long maxBytes) {
    return new Outbox<>(sink, new Outbox.Limits(maxMessages, maxBytes), (o, limit) -> slow.add(limit), discarded::add);
  }

  @Test
  void writesStraightThroughWhileTheSocketTakesThem() {
    Outbox<String> o = outbox(2, 100);
    assertThat(o.offer("a", 10)).isTrue();
    assertThat(o.offer("b", 10)).isTrue();
    assertThat(o.offer("c", 10)).isTrue();
    assertThat(sink.written).containsExactly("a", "b", "c");
    assertThat(sink.flushes).isZero();
    o.flush();
    o.flush();
    assertThat(sink.flushes).isEqualTo(1);
    assertThat(o.queuedMessages()).isZero();
  }

  @Test
  void queuesInOrderWhileBlockedAndDrainsInOrder() {
    Outbox<String> o = outbox(100, 10_000);
    o.offer("1", 1);
    sink.writable = false;
    for (int i = 2; i <= 40; i++) {
      assertThat(o.offer(Integer.toString(i), 1)).isTrue();
    }
    assertThat(o.queuedMessages()).isEqualTo(39);
    assertThat(o.queuedBytes()).isEqualTo(39);
    sink.writable = true;
    o.drain();
    // once something waits, new items go behind it even when the socket is writable again
    sink.writable = false;
    o.offer("41", 1);
    sink.writable = true;
    o.offer("42", 1);
    o.drain();
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 42; i++) {
      expected.add(Integer.toString(i));
    }
    assertThat(sink.written).isEqualTo(expected);
    assertThat(o.queuedMessages()).isZero();
    assertThat(slow).isEmpty();
  }

  @Test
  void messageLimitTripsTheHandlerExactlyOnce() {
    Outbox<String> o = outbox(3, 1_000_000);
    sink.writable = false;
    assertThat(o.offer("a", 1)).isTrue();
    assertThat(o.offer("b", 1)).isTrue();
    assertThat(o.offer("c", 1)).isTrue();
    assertThat(o.offer("d", 1)).isFalse();
    assertThat(o.offer("e", 1)).isFalse();
    sink.writable = true;
    assertThat(o.offer("f", 1)).isFalse();
    assertThat(slow).containsExactly(Limit.MESSAGES);
    assertThat(o.isSlowConsumer()).isTrue();
    assertThat(discarded).containsExactly("d", "e", "f");
    assertThat(sink.written).isEmpty();
  }

  @Test
  void byteLimitTripsTheHandlerExactlyOnce() {
    Outbox<String> o = outbox(1_000, 100);
    sink.writable = false;
    assertThat(o.offer("a", 60)).isTrue();
    assertThat(o.offer("b", 40)).isTrue();
    assertThat(o.offer("c", 1)).isFalse();
    assertThat(o.offer("d", 1)).isFalse();
    assertThat(slow).containsExactly(Limit.BYTES);
  }

  @Test
  void closeDiscardsWhatWaitsAndEverythingAfter() {
    Outbox<String> o = outbox(10, 100);
    sink.writable = false;
    o.offer("a", 1);
    o.offer("b", 1);
    o.close();
    assertThat(discarded).containsExactly("a", "b");
    sink.writable = true;
    assertThat(o.offer("c", 1)).isFalse();
    o.drain();
    assertThat(sink.written).isEmpty();
    assertThat(discarded).containsExactly("a", "b", "c");
    assertThat(slow).isEmpty();
  }

  @Test
  void aHundredThousandOffersToAStuckSocketNeverBlock() {
    Outbox<String> o = outbox(1_000, 1 << 20);
    sink.writable = false;
    int accepted = 0;
    for (int i = 0; i < 100_000; i++) {
      if (o.offer("x", 10)) {
        accepted++;
      }
    }
    assertThat(accepted).isEqualTo(1_000);
    assertThat(slow).hasSize(1);
  }
}
