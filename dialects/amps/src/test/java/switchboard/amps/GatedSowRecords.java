package switchboard.amps;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import switchboard.core.spi.SowRecordStore;
import switchboard.core.spi.SowWrite;
import switchboard.core.spi.StoreException;
import switchboard.core.spi.StoredSowRecord;

/**
 * A SOW record store for tests that holds every {@code write} until the test releases it, or fails
 * it while told to, and remembers the batches it was given.
 */
final class GatedSowRecords implements SowRecordStore {
  private final SowRecordStore inner;
  private final Semaphore entered = new Semaphore(0);
  private final Semaphore released = new Semaphore(0);
  private volatile boolean gated;
  private volatile boolean failing;
  final List<List<SowWrite>> batches = java.util.Collections.synchronizedList(new ArrayList<>());

  GatedSowRecords(SowRecordStore inner) {
    this.inner = inner;
  }

  /** From now on, each write waits for {@link #release}. */
  GatedSowRecords gate() {
    gated = true;
    return this;
  }

  /** Lets one held write go on; with {@code open}, no later write is held. */
  void release(boolean open) {
    if (open) {
      gated = false;
    }
    released.release();
  }

  /** Writes fail while this is true. */
  void failing(boolean on) {
    failing = on;
  }

  /** Waits until a write has started (and is held). */
  boolean awaitWrite() throws InterruptedException {
    return entered.tryAcquire(5, TimeUnit.SECONDS);
  }

  @Override
  public List<StoredSowRecord> load(String topic) {
    return inner.load(topic);
  }

  @Override
  public void write(List<SowWrite> batch) {
    batches.add(List.copyOf(batch));
    entered.release();
    if (gated) {
      try {
        if (!released.tryAcquire(30, TimeUnit.SECONDS)) {
          throw new StoreException("the test never released the write", null);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("interrupted", e);
      }
    }
    if (failing) {
      throw new StoreException("the store is down (test)", null);
    }
    inner.write(batch);
  }
}
