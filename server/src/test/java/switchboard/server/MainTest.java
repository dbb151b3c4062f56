package switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, short of a running server ({@code serve} blocks once the config loads). */
class MainTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void checkConfigAcceptsAGoodFile() throws IOException {
    Path file = write("http:\n  port: 9090\n");
    assertThat(run("check-config", file.toString())).isZero();
    assertThat(out).hasToString(file + ": ok" + System.lineSeparator());
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void checkConfigPrintsTheMergedConfig() throws IOException {
    Path file = write("http:\n  port: 9090\n");
    assertThat(run("check-config", file.toString(), "--set", "limits.idle-timeout=30s", "--print")).isZero();
    assertThat(out.toString()).contains(file + ": ok", "  port: 9090\n", "  idle-timeout: 30s\n", "  max-connections: 10000\n");
  }

  @Test
  void checkConfigListsEveryProblemAndExitsTwo() throws IOException {
    Path file = write("http:\n  port: 70000\nlimits:\n  max-conections: 5\n");
    assertThat(run("check-config", file.toString(), "--set", "engine.io-threads=-1")).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines()).containsExactly(
        "http.port: must be between 0 and 65535, got 70000",
        "unknown key 'limits.max-conections' (did you mean 'max-connections'?)",
        "engine.io-threads: must be at least 0, got -1");
  }

  @Test
  void checkConfigReportsASyntaxErrorWithItsLine() throws IOException {
    Path file = write("http:\n  port: [1\n");
    assertThat(run("check-config", file.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith(file + ": line 3, column 1: ");
  }

  @Test
  void serveStopsBeforeStartingWhenTheConfigIsBad() {
    assertThat(run("serve", "--http-port", "70000", "--http-host", " ", "--config", dir.resolve("none.yaml").toString()))
        .isEqualTo(2);
    assertThat(err.toString().lines()).containsExactly(dir.resolve("none.yaml") + ": no such file");

    err.getBuffer().setLength(0);
    assertThat(run("serve", "--http-port", "70000", "--http-host", " ", "--set", "limits.max-frame-bytes=1")).isEqualTo(2);
    assertThat(err.toString().lines()).containsExactly(
        "http.host: must not be blank",
        "http.port: must be between 0 and 65535, got 70000",
        "limits.max-frame-bytes: must be between 1024 and 268435456, got 1");
  }

  @Test
  void aPortInUseIsOneLineAndExitsOne() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThat(run("serve", "--http-host", "127.0.0.1", "--http-port", String.valueOf(port),
          "--set", "store.url=jdbc:h2:mem:maintest", "--set", "amps.tcp-port=0", "--set", "xrpl.port=0")).isEqualTo(1);
      assertThat(err.toString().lines()).singleElement().asString().startsWith("switchboard: ").contains(":" + port);
    }
  }

  @Test
  void versionPrintsTheBuildVersion() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString().strip()).isEqualTo("switchboard " + Version.current()).matches("switchboard \\S+");
  }

  @Test
  void helpListsTheCommandsAndEachCommandExplainsItsOptions() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("serve", "check-config", "--version");

    out.getBuffer().setLength(0);
    assertThat(run("serve", "--help")).isZero();
    assertThat(out.toString()).contains("--config=FILE", "--http-port=N", "--http-host=HOST", "--set=KEY=VALUE");

    out.getBuffer().setLength(0);
    assertThat(run("check-config", "--help")).isZero();
    assertThat(out.toString()).contains("FILE", "--print", "--set=KEY=VALUE");
  }

  @Test
  void unknownOptionsAndNoCommandAreUsageErrors() {
    assertThat(run("serve", "--htp-port", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("--htp-port");
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("Commands:");
  }

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("switchboard.yaml"), yaml);
  }
}
