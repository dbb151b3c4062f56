package switchboard.store.jdbc;

import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import switchboard.core.spi.Store;
import switchboard.core.spi.StoreConflictException;

/** Gives each test a new, empty store on a hand-moved clock, and closes it afterwards. */
abstract class StoreFixture {
  static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

  protected final TestClock clock = new TestClock(START);
  protected Store store;

  /** A new, empty store. */
  protected abstract Store open(Clock clock);

  /** Called after the store is closed, to remove what {@link #open} made. */
  protected void afterClose() {}

  @BeforeEach
  void openStore() {
    store = open(clock);
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
    afterClose();
  }

  /** The kind of conflict the write raised; fails when it raised none. */
  static StoreConflictException.Kind conflictKind(Runnable write) {
    try {
      write.run();
    } catch (StoreConflictException e) {
      return e.kind();
    }
    throw new AssertionError("expected a StoreConflictException");
  }
}
