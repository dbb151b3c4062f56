package switchboard.store.jdbc;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import switchboard.core.spi.Store;

/** The store contract on H2 in PostgreSQL mode, each test on a database of its own in memory. */
class H2StoreTest {
  private static final AtomicInteger databases = new AtomicInteger();

  /** A database in memory that lives while the store's pool holds connections to it. */
  static Store inMemory(Clock clock) {
    String name = "store-test-" + databases.incrementAndGet();
    return new JdbcStore(JdbcStoreConfig.inMemory(name).withPoolSize(4), clock);
  }

  @Nested
  class Accounts extends StoreContract {
    @Override
    protected Store open(Clock clock) {
      return inMemory(clock);
    }
  }

  @Nested
  class Messages extends MessageContract {
    @Override
    protected Store open(Clock clock) {
      return inMemory(clock);
    }
  }

  @Nested
  class SowRecords extends SowRecordContract {
    @Override
    protected Store open(Clock clock) {
      return inMemory(clock);
    }
  }
}
