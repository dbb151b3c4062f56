package switchboard.bench.harness.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TcpSocketsTest {
  @Test
  void readsPortsStateAndQueuesOfAnIpv4Line() {
    TcpSockets.Entry e = TcpSockets.parse(
        "   3: 0100007F:4A5F 0100007F:C350 04 003B4C00:00000000 01:00000014 00000000  1000        0 123456 2 0000000000000000 20 4 0 10 -1");
    assertThat(e).isEqualTo(new TcpSockets.Entry(0x4A5F, 0xC350, 4, 0x3B4C00, 0));
    assertThat(e.stateName()).isEqualTo("FIN_WAIT1");
  }

  @Test
  void readsAnIpv6Line() {
    TcpSockets.Entry e = TcpSockets.parse("   0: 0000000000000000FFFF00000100007F:C350 0000000000000000FFFF00000100007F:4A5F 01 00000000:0001D000 "
        + "00:00000000 00000000  1000        0 654321 1 0000000000000000 20 4 30 10 -1");
    assertThat(e).isEqualTo(new TcpSockets.Entry(0xC350, 0x4A5F, TcpSockets.ESTABLISHED, 0, 0x1D000));
  }

  @Test
  void skipsTheHeaderAndWhatItCannotRead() {
    assertThat(TcpSockets.parse("  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode")).isNull();
    assertThat(TcpSockets.parse("")).isNull();
  }

  @Test
  void nearestRankPercentiles() {
    long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(UnsubEffect.percentile(sorted, 50)).isEqualTo(5);
    assertThat(UnsubEffect.percentile(sorted, 99)).isEqualTo(10);
    assertThat(UnsubEffect.percentile(new long[0], 50)).isNaN();
  }
}
