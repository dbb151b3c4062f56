package switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The binder's types beyond those {@link Config} uses today, as the dialects' sections will need. */
class ConfigBinderTest {
  enum Policy { DISCONNECT, DROP_OLDEST }

  record Section(
      boolean enabled,
      double ratio,
      String password,
      Path dataDir,
      Policy policy,
      List<String> topics,
      Map<String, String> users,
      Nested nested) {}

  record Nested(int low, int high) {
    Nested {
      if (low > high) {
        throw new IllegalArgumentException("low must not exceed high");
      }
    }
  }

  record Root(Section section) {}

  private final List<String> errors = new ArrayList<>();

  @Test
  void bindsEveryKindOfValueAndPrintsItBack() {
    String yaml = """
        section:
          enabled: true
          ratio: 0.5
          password: ~
          data-dir: ./data
          policy: drop-oldest
          topics: [a, b]
          users: {alice: secret, Bob: "1234"}
          nested: {low: 1, high: 2}
        """;
    Root root = bind(yaml);
    assertThat(errors).isEmpty();
    assertThat(root).isEqualTo(new Root(new Section(true, 0.5, null, Path.of("./data"), Policy.DROP_OLDEST,
        List.of("a", "b"), Map.of("alice", "secret", "Bob", "1234"), new Nested(1, 2))));
    assertThat(bind(Yaml.write(ConfigWriter.tree(root)))).isEqualTo(root);
  }

  @Test
  void reportsEachBadValueWithItsPath() {
    Root root = bind("""
        section:
          enabled: yes please
          ratio: half
          password: 1234
          data-dir: [x]
          policy: sometimes
          topics: [a, [b]]
          users: {alice: 1}
          nested: {low: 3, high: 2}
        """);
    assertThat(root).isNull();
    assertThat(errors).containsExactly(
        "section.enabled: expected true or false, got \"yes please\"",
        "section.ratio: expected a number, got \"half\"",
        "section.password: expected text, got 1234",
        "section.data-dir: expected a file path, got a list",
        "section.policy: expected one of disconnect, drop-oldest, got \"sometimes\"",
        "section.topics[1]: expected text, got a list",
        "section.users.alice: expected text, got 1",
        "section.nested: low must not exceed high");
  }

  @Test
  void aKeyMissingFromTheTreeIsReported() {
    assertThat(bind("section: {enabled: true}")).isNull();
    assertThat(errors).contains("section.ratio: missing", "section.nested: missing");
  }

  private Root bind(String yaml) {
    JsonNode tree = Yaml.parse(yaml, "test");
    return new ConfigBinder(errors).bind(tree, Root.class);
  }
}
