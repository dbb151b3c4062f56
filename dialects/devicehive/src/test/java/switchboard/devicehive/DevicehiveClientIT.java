package switchboard.devicehive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The real npm {@code devicehive} client (2.1.0, installed by the build from the committed
 * package-lock.json) against the dialect. The tests themselves are {@code src/test/js/client.test.mjs},
 * run with node's test runner; its report is printed here.
 */
class DevicehiveClientIT {

  @Test
  void npmDevicehiveClientWorksUnchanged() throws Exception {
    try (DhHarness h = new DhHarness()) {
      ProcessBuilder pb = new ProcessBuilder("node", "--test", "--test-reporter=spec", "--test-concurrency=1", "client.test.mjs")
          .directory(new File("src/test/js"))
          .redirectErrorStream(true);
      pb.environment().put("DH_URL", h.url());
      Process p = pb.start();
      boolean done = p.waitFor(180, TimeUnit.SECONDS);
      String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      System.out.println(report);
      if (!done) {
        p.destroyForcibly();
      }
      assertThat(done).as("node's test run finished").isTrue();
      assertThat(p.exitValue()).as("node's test run passed:%n%s", report).isZero();
      Matcher tests = Pattern.compile("tests (\\d+)").matcher(report);
      assertThat(tests.find()).as("a test count in the report").isTrue();
      assertThat(Integer.parseInt(tests.group(1))).as("tests run").isGreaterThanOrEqualTo(10);
      assertThat(report).contains("pass " + tests.group(1)).contains("fail 0");
    }
  }
}
