package switchboard.bench.harness.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the memory of a Java server is read from jcmd's class histogram. */
class ServerMemoryTest {
  @Test
  void aHistogramsTotalIsItsLiveBytes() {
    String histogram = String.join("\n",
        "12345:",
        " num     #instances         #bytes  class name (module)",
        "-------------------------------------------------------",
        "   1:          1234         567890  [B (java.base@17.0.15)",
        "   2:            10            240  java.lang.String (java.base@17.0.15)",
        "Total          1244         568130",
        "");
    assertThat(ServerMemory.histogramTotal(histogram)).isEqualTo(568_130L);
    assertThat(ServerMemory.histogramTotal("12345:\nAttachNotSupportedException")).isEqualTo(-1);
  }
}
