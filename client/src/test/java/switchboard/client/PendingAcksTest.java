package switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Acks by cid: one per asked type, the future completes with the last; failures carry the reason. */
class PendingAcksTest {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final PendingAcks pending = new PendingAcks(timer, Duration.ZERO);

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  private static Message ack(String cid, String type, String status, String reason) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("c", "ack");
    h.put("a", type);
    h.put("cid", cid);
    h.put("status", status);
    if (reason != null) {
      h.put("reason", reason);
    }
    return new Message(h, null);
  }

  @Test
  void completesWhenEveryAskedTypeHasArrived() {
    List<Ack> seen = new ArrayList<>();
    CompletableFuture<Ack> f = pending.register("auto1", "unsubscribe",
        EnumSet.of(AckType.RECEIVED, AckType.PROCESSED), seen::add, null, null);
    assertThat(pending.onAck(ack("auto1", "received", "success", null))).isNotNull();
    assertThat(f).isNotDone();
    pending.onAck(ack("auto1", "processed", "success", null));
    assertThat(f).isCompleted();
    assertThat(f.join().ackType()).isEqualTo(AckType.PROCESSED);
    assertThat(f.join().command()).isEqualTo("unsubscribe");
    assertThat(seen).extracting(Ack::ackType).containsExactly(AckType.RECEIVED, AckType.PROCESSED);
    assertThat(pending.size()).isZero();
  }

  @Test
  void aFailureAckFailsWithItsExactReason() {
    List<String> hooks = new ArrayList<>();
    CompletableFuture<Ack> f = pending.register("auto2", "subscribe", EnumSet.of(AckType.PROCESSED), null,
        a -> hooks.add("ok"), e -> hooks.add("failed"));
    pending.onAck(ack("auto2", "processed", "failure", "bad filter"));
    assertThat(f).isCompletedExceptionally();
    AmpsException e = (AmpsException) f.handle((a, t) -> t).join();
    assertThat(e.reason()).isEqualTo(Reason.BAD_FILTER);
    assertThat(e.reasonText()).isEqualTo("bad filter");
    assertThat(e.getMessage()).isEqualTo("subscribe failed: bad filter");
    assertThat(hooks).containsExactly("failed");
  }

  @Test
  void anUnknownReasonIsKeptVerbatim() {
    CompletableFuture<Ack> f = pending.register("c", "sow", EnumSet.of(AckType.PROCESSED), null, null, null);
    pending.onAck(ack("c", "processed", "failure", "something new"));
    AmpsException e = (AmpsException) f.handle((a, t) -> t).join();
    assertThat(e.reason()).isEqualTo(Reason.OTHER);
    assertThat(e.reasonText()).isEqualTo("something new");
  }

  @Test
  void anAckForNoWaitingCommandIsNotRouted() {
    assertThat(pending.onAck(ack("nobody", "processed", "success", null))).isNull();
  }

  @Test
  void failAllFailsEveryWaitingCommand() {
    CompletableFuture<Ack> a = pending.register("a", "x", EnumSet.of(AckType.PROCESSED), null, null, null);
    CompletableFuture<Ack> b = pending.register("b", "x", EnumSet.of(AckType.STATS), null, null, null);
    pending.failAll(new DisconnectedException("gone", null));
    assertThat(a).isCompletedExceptionally();
    assertThat(b).isCompletedExceptionally();
    assertThat(pending.size()).isZero();
  }

  @Test
  void timesOut() {
    PendingAcks quick = new PendingAcks(timer, Duration.ofMillis(20));
    CompletableFuture<Ack> f = quick.register("t", "flush", EnumSet.of(AckType.PROCESSED), null, null, null);
    Throwable t = f.handle((a, e) -> e).join();
    assertThat(t).isInstanceOf(AckTimeoutException.class).hasMessageContaining("processed");
  }

  @Test
  void reasonsMapToTheirEnum() {
    assertThat(Reason.of("subid in use")).isEqualTo(Reason.SUBID_IN_USE);
    assertThat(Reason.of("invalid subId")).isEqualTo(Reason.INVALID_SUB_ID);
    assertThat(Reason.of("logon required")).isEqualTo(Reason.LOGON_REQUIRED);
    assertThat(Reason.of(null)).isEqualTo(Reason.NONE);
    assertThat(Reason.of("Bad Filter")).isEqualTo(Reason.OTHER);
  }
}
