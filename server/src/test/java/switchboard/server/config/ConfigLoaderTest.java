package switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import switchboard.amps.AmpsConfig;
import switchboard.devicehive.DevicehiveConfig;
import switchboard.xrpl.XrplConfig;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void defaultsAreTheDocumentedValues() {
    assertThat(Config.defaults()).isEqualTo(new Config(
        new HttpConfig("0.0.0.0", 8080),
        new LimitsConfig(10_000, 1_048_576, 1_048_576, Duration.ofSeconds(300), 100_000, 16_777_216L, 100_000, 262_144),
        new EngineConfig(0, 10_000),
        new StoreConfig(null, null, null, 8, Path.of("./data")),
        new AmpsConfig(true, "0.0.0.0", 9007, "/amps/json", Map.of(), false, Duration.ofMinutes(5), List.of(),
            new AmpsConfig.Persistence(true, Duration.ofSeconds(10))),
        new XrplConfig(true, "0.0.0.0", 6006, "/", List.of(), 100, 1_000_000, "malformedAccount",
            new XrplConfig.Books(XrplConfig.BookRouting.RIPPLED),
            new XrplConfig.Upstream(null, Duration.ofSeconds(1), Duration.ofSeconds(60)),
            new XrplConfig.Replay(null, 20, true)),
        new DevicehiveConfig(true, List.of("/dh/websocket", "/api/websocket"), new DevicehiveConfig.Admin("dhadmin", null),
            new DevicehiveConfig.Jwt(null, Duration.ofMinutes(30), Duration.ofHours(4368)), 20, 100, Duration.ofHours(168), 4)));
  }

  @Test
  void xrplSourcesAreCheckedAndExcludeEachOther() {
    Config c = ConfigLoader.load(null, List.of("xrpl.replay.file=demo.jsonl", "xrpl.books.routing=corrected"));
    assertThat(c.xrpl().replay().file()).isEqualTo(Path.of("demo.jsonl"));
    assertThat(c.xrpl().books().routing()).isEqualTo(XrplConfig.BookRouting.CORRECTED);
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("xrpl.upstream.url=http://x")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("ws://");
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("xrpl.replay.file=a", "xrpl.upstream.url=ws://x:1")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("exclude each other");
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("xrpl.account-error=bogus")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("account-error");
  }

  @Test
  void sowTopicsBindAsAListAndBadOnesAreReported() {
    Config c = ConfigLoader.load(null, List.of("amps.sow-topics=[{topic: orders, keys: [/id]}, {topic: quotes, keys: [/sym, /venue]}]"));
    assertThat(c.amps().sowTopics()).containsExactly(
        new AmpsConfig.SowTopicConfig("orders", List.of("/id")),
        new AmpsConfig.SowTopicConfig("quotes", List.of("/sym", "/venue")));
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("amps.sow-topics=[{topic: orders, keys: [id]}]")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("key field must look like /name");
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("amps.sow-topics=[{topic: a, keys: [/id]}, {topic: a, keys: [/id]}]")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("configured twice");
  }

  @Test
  void ampsUsersAreAMapAndItsChecksReportWithTheSectionPath() {
    Config c = ConfigLoader.load(null, List.of("amps.users={alice: secret, bob: hunter2}"));
    assertThat(c.amps().users()).containsExactlyInAnyOrderEntriesOf(Map.of("alice", "secret", "bob", "hunter2"));
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("amps.web-socket-path=amps")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("amps")
        .hasMessageContaining("web-socket-path must start with '/'");
  }

  @Test
  void aFileOverridesTheKeysItNamesAndKeepsTheRest() throws IOException {
    Config c = load("""
        http:
          port: 9090
        limits:
          max-frame-bytes: 65536
        """);
    Config d = Config.defaults();
    assertThat(c.http()).isEqualTo(new HttpConfig("0.0.0.0", 9090));
    assertThat(c.limits().maxFrameBytes()).isEqualTo(65_536);
    assertThat(c.limits().maxConnections()).isEqualTo(d.limits().maxConnections());
    assertThat(c.engine()).isEqualTo(d.engine());
  }

  @Test
  void anEmptyFileOrAnEmptySectionKeepsTheDefaults() throws IOException {
    assertThat(load("")).isEqualTo(Config.defaults());
    assertThat(load("# nothing yet\nlimits:\n  # max-connections: 5\nengine:\n")).isEqualTo(Config.defaults());
  }

  @Test
  void unknownKeysAreErrorsWithTheirPath() throws IOException {
    assertThat(errors("""
        htp:
          port: 1
        limits:
          max-conections: 5
        engine:
          colour: blue
        """)).containsExactly(
            "unknown key 'limits.max-conections' (did you mean 'max-connections'?)",
            "unknown key 'engine.colour' (known here: io-threads, pattern-cache-capacity)",
            "unknown key 'htp' (did you mean 'http'?)");
  }

  @Test
  void typeErrorsNameTheExpectedType() throws IOException {
    assertThat(errors("""
        http:
          host: 127
          port: "8080"
        limits:
          max-connections: lots
          outbox-max-bytes: 1.5
        engine: 4
        """)).containsExactly(
            "http.host: expected text, got 127",
            "http.port: expected a whole number, got \"8080\"",
            "limits.max-connections: expected a whole number, got \"lots\"",
            "limits.outbox-max-bytes: expected a whole number, got 1.5",
            "engine: expected a section, got 4");
  }

  @Test
  void rangeErrorsGiveTheBoundsAndTheValue() throws IOException {
    assertThat(errors("""
        http:
          host: " "
          port: 70000
        limits:
          max-connections: 0
          max-frame-bytes: 99999999999
          outbox-max-bytes: 1023
        engine:
          io-threads: -1
        """)).containsExactly(
            "http.host: must not be blank",
            "http.port: must be between 0 and 65535, got 70000",
            "limits.max-connections: must be at least 1, got 0",
            "limits.max-frame-bytes: must be between 1024 and 268435456, got 99999999999",
            "limits.outbox-max-bytes: must be at least 1024, got 1023",
            "engine.io-threads: must be at least 0, got -1");
  }

  @Test
  void theExceptionMessageHasOneProblemPerLine() throws IOException {
    ConfigException e = exception("http:\n  port: -1\nlimits:\n  idle-timeout: soon\n");
    assertThat(e.errors()).hasSize(2);
    assertThat(e.getMessage()).isEqualTo(
        "http.port: must be between 0 and 65535, got -1\n"
            + "limits.idle-timeout: expected a duration such as 250ms, 30s, 5m or 1h, got \"soon\"");
  }

  @ParameterizedTest
  @CsvSource({"250ms, PT0.25S", "30s, PT30S", "5m, PT5M", "1h, PT1H", "10, PT10S", "0s, PT0S"})
  void durations(String written, Duration expected) throws IOException {
    assertThat(load("limits:\n  idle-timeout: " + written + "\n").limits().idleTimeout()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"'-5s', '\"-5s\"'", "'1.5s', '\"1.5s\"'", "'5 minutes', '\"5 minutes\"'", "'-3', '-3'"})
  void unparseableDurationsAreErrors(String written, String shown) throws IOException {
    assertThat(errors("limits:\n  idle-timeout: " + written + "\n"))
        .containsExactly("limits.idle-timeout: expected a duration such as 250ms, 30s, 5m or 1h, got " + shown);
  }

  @Test
  void overridesApplyAfterTheFileAndParseAsYaml() throws IOException {
    Path file = write("http:\n  port: 9090\nlimits:\n  max-frame-bytes: 65536\n");
    Config c = ConfigLoader.load(file, List.of(
        "limits.max-frame-bytes=2048", "limits.idle-timeout=250ms", "http.host=127.0.0.1", "engine.io-threads=4"));
    assertThat(c.http()).isEqualTo(new HttpConfig("127.0.0.1", 9090));
    assertThat(c.limits().maxFrameBytes()).isEqualTo(2048);
    assertThat(c.limits().idleTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(c.engine().ioThreads()).isEqualTo(4);
  }

  @Test
  void theLastOverrideOfAKeyWins() {
    assertThat(ConfigLoader.load(null, List.of("http.port=1", "http.port=2")).http().port()).isEqualTo(2);
  }

  @Test
  void badOverridesAreReportedWithTheOtherProblems() {
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of(
        "limits.max-conections=5", "nokey", "http.port=lots", "http.port.x=1", "http.host=", "engine.io-threads=[1")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).containsExactlyInAnyOrder(
            "--set nokey: expected KEY=VALUE with a dotted key, such as limits.max-frame-bytes=65536",
            "--set engine.io-threads: line 1, column 3: expected ',' or ']', but got <stream end> (while parsing a flow sequence at line 1)",
            "http.host: must not be blank",
            "http.port: expected a whole number, got a section",
            "unknown key 'limits.max-conections' (did you mean 'max-connections'?)"));
  }

  @Test
  void aYamlSyntaxErrorNamesTheFileAndLine() throws IOException {
    Path file = write("http:\n  port: 1\n\tlimits: 2\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ": line 3, column 1: ")
        .hasMessageContaining("TAB");
  }

  @Test
  void aKeyWrittenTwiceIsAnError() throws IOException {
    assertThat(exception("http:\n  port: 1\n  port: 2\n").getMessage()).endsWith("line 3, column 7: Duplicate field 'port'");
  }

  @Test
  void aFileThatIsNotAMappingOrIsMissingIsOneClearError() throws IOException {
    assertThat(exception("- http\n").errors()).singleElement().asString()
        .endsWith(": expected sections such as 'http:' and 'limits:' at the top level");
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> ConfigLoader.load(missing, List.of())).hasMessage(missing + ": no such file");
  }

  private Config load(String yaml) throws IOException {
    return ConfigLoader.load(write(yaml), List.of());
  }

  private List<String> errors(String yaml) throws IOException {
    return exception(yaml).errors();
  }

  private ConfigException exception(String yaml) throws IOException {
    Path file = write(yaml);
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file, List.of()));
    assertThat(e).as("ConfigException for %n%s", yaml).isNotNull();
    return e;
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("switchboard.yaml"), yaml);
  }
}
