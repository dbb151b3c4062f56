package switchboard.bench.harness;

import java.nio.ByteBuffer;

/**
 * Where a workload's subscriber connections hand their deliveries. Called on the {@link Loop} thread
 * only, so an implementation may keep plain state, as long as what other threads read is published
 * safely.
 */
@FunctionalInterface
public interface DeliverySink {
  /** One delivered message; its payload is {@code buf[from, to)}, valid only during the call. */
  void delivery(ByteBuffer buf, int from, int to);
}
