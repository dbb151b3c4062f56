package switchboard.bench.harness.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a server's memory is read from what it tells: jcmd's class histogram, Redis's INFO memory. */
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

  @Test
  void redisTellsTheBytesItAllocated() {
    String info = "# Memory\r\nused_memory:1234567\r\nused_memory_human:1.18M\r\nused_memory_rss:9876543\r\n";
    assertThat(ServerMemory.usedMemory(info)).isEqualTo(1_234_567L);
    assertThat(ServerMemory.usedMemory("# Memory\r\n")).isEqualTo(-1);
  }
}
