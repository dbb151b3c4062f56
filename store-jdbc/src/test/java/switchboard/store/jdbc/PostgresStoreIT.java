package switchboard.store.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.slf4j.LoggerFactory;
import switchboard.core.spi.Store;

/**
 * The store contract on a real PostgreSQL at 127.0.0.1:5432, database {@code test} (override with
 * {@code SWITCHBOARD_PG_URL}, {@code SWITCHBOARD_PG_USER}, {@code SWITCHBOARD_PG_PASSWORD}). Each
 * test migrates a schema of its own and drops it afterwards, so runs never meet.
 *
 * <p>Skipped when no server answers, unless {@code SWITCHBOARD_REQUIRE_SERVICES=1}: then it fails.
 */
class PostgresStoreIT {
  private static final String URL =
      env("SWITCHBOARD_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final String PASSWORD = env("SWITCHBOARD_PG_PASSWORD", "");
  private static String user;

  @BeforeAll
  static void findServer() {
    Set<String> users = new LinkedHashSet<>();
    if (System.getenv("SWITCHBOARD_PG_USER") != null) {
      users.add(System.getenv("SWITCHBOARD_PG_USER"));
    }
    users.addAll(List.of("postgres", System.getProperty("user.name"), "root"));
    List<String> failures = new ArrayList<>();
    DriverManager.setLoginTimeout(5);
    for (String candidate : users) {
      try (Connection c = DriverManager.getConnection(URL, candidate, PASSWORD)) {
        if (c.isValid(5)) {
          user = candidate;
          return;
        }
      } catch (SQLException e) {
        failures.add(candidate + ": " + e.getMessage());
      }
    }
    String why = "PostgreSQL not reachable at " + URL + " " + failures;
    if ("1".equals(System.getenv("SWITCHBOARD_REQUIRE_SERVICES"))) {
      fail(why + " (SWITCHBOARD_REQUIRE_SERVICES=1)");
    }
    // Surefire and Failsafe count a skipped class as nothing run, so say it in the build log too.
    String skip = why + "; skipping (set SWITCHBOARD_REQUIRE_SERVICES=1 to fail instead)";
    LoggerFactory.getLogger(PostgresStoreIT.class).warn(skip);
    Assumptions.abort(skip);
  }

  private static String env(String name, String otherwise) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? otherwise : value;
  }

  static String newSchema() {
    return "sb_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  static Store openIn(String schema, Clock clock) {
    JdbcStoreConfig config = JdbcStoreConfig.of(URL, user, PASSWORD).withPoolSize(4)
        .withSchema(schema);
    return new JdbcStore(config, clock);
  }

  static void drop(String schema) {
    try (Connection c = DriverManager.getConnection(URL, user, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop schema " + schema, e);
    }
  }

  @Nested
  class Accounts extends StoreContract {
    private final String schema = newSchema();

    @Override
    protected Store open(Clock clock) {
      return openIn(schema, clock);
    }

    @Override
    protected void afterClose() {
      drop(schema);
    }
  }

  @Nested
  class Messages extends MessageContract {
    private final String schema = newSchema();

    @Override
    protected Store open(Clock clock) {
      return openIn(schema, clock);
    }

    @Override
    protected void afterClose() {
      drop(schema);
    }
  }

  @Nested
  class SowRecords extends SowRecordContract {
    private final String schema = newSchema();

    @Override
    protected Store open(Clock clock) {
      return openIn(schema, clock);
    }

    @Override
    protected void afterClose() {
      drop(schema);
    }
  }
}
