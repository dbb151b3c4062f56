package switchboard.xrpl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The real npm {@code xrpl} client (xrpl.js, installed by the build from the committed
 * package-lock.json) against the dialect replaying the bundled recording. The tests themselves are
 * {@code src/test/js/client.test.mjs}, run with node's test runner; its report is printed here.
 */
class XrplClientIT {

  @Test
  void xrplJsWorksUnchanged() throws Exception {
    try (XrplHarness h = new XrplHarness(XrplHarness.replaying(200))) {
      ProcessBuilder pb = new ProcessBuilder("node", "--test", "--test-reporter=spec", "--test-concurrency=1", "client.test.mjs")
          .directory(new File("src/test/js"))
          .redirectErrorStream(true);
      pb.environment().put("XRPL_URL", h.url());
      Process p = pb.start();
      boolean done = p.waitFor(180, TimeUnit.SECONDS);
      String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      System.out.println(report);
      if (!done) {
        p.destroyForcibly();
      }
      assertThat(done).as("node's test run finished").isTrue();
      assertThat(p.exitValue()).as("node's test run passed:%n%s", report).isZero();
      java.util.regex.Matcher tests = java.util.regex.Pattern.compile("tests (\\d+)").matcher(report);
      assertThat(tests.find()).as("a test count in the report").isTrue();
      assertThat(Integer.parseInt(tests.group(1))).as("tests run").isGreaterThanOrEqualTo(11);
      assertThat(report).contains("pass " + tests.group(1)).contains("fail 0");
    }
  }
}
