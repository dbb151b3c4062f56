package switchboard.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JdbcStoreConfigTest {
  @Test
  void theEmbeddedDefaultIsAnH2FileInPostgresModeUnderTheDirectory() {
    JdbcStoreConfig config = JdbcStoreConfig.embedded(Path.of("/srv/sb/data"));

    assertThat(config.url()).isEqualTo("jdbc:h2:file:/srv/sb/data/switchboard"
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    assertThat(config.poolSize()).isEqualTo(JdbcStoreConfig.DEFAULT_POOL_SIZE);
    assertThat(config.schema()).isNull();
  }

  @Test
  void aPasswordNeverShowsInTheDescription() {
    JdbcStoreConfig config = JdbcStoreConfig.of(
        "jdbc:postgresql://db/sb?user=sb&password=s3cret&ssl=true", "sb", "other-secret");

    assertThat(config.toString()).doesNotContain("s3cret").doesNotContain("other-secret")
        .contains("password=***&ssl=true");
  }

  @Test
  void aPoolNeedsAConnection() {
    assertThatThrownBy(() -> JdbcStoreConfig.inMemory("x").withPoolSize(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
