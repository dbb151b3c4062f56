package switchboard.xrpl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import switchboard.bench.harness.proto.Xrpl;
import switchboard.bench.harness.proto.XrplUpstream;

/**
 * The harness's stand-in rippled, checked against the dialect's own reading of what it pushes: in
 * this package to reach the dialect's package-private routing and rendering.
 */
class XrplUpstreamMessageTest {
  @Test
  void theDialectRoutesTheTransactionToTheTopicsAccountAndPassesItThrough() throws Exception {
    String account = Xrpl.account("orders");
    assertThat(Base58.decodeAccountId(account)).hasSize(20);
    byte[] msg;
    try (XrplUpstream up = new XrplUpstream("127.0.0.1", 0)) {
      msg = up.message(0, "orders", "{\"ts\":1234567890123456789,\"v\":\"x\"}".getBytes(StandardCharsets.UTF_8));
    }
    ObjectNode parsed = Feed.parse(msg);
    assertThat(parsed).isNotNull();
    assertThat(parsed.path("type").asText()).isEqualTo("transaction");
    assertThat(parsed.path("validated").asBoolean()).isTrue();
    assertThat(TxRouting.affectedAccounts(parsed.path("meta"))).containsExactly(account);
    // api_version 2 receivers get the very bytes received
    assertThat(Rendering.render(parsed, 2)).isSameAs(parsed);
    assertThat(new XrplEvent(parsed, msg).bytes(2)).isSameAs(msg);
    // api_version 1 receivers get it rendered again, the payload intact
    assertThat(new String(new XrplEvent(parsed, msg).bytes(1), StandardCharsets.UTF_8))
        .startsWith("{\"bench_payload\":{\"ts\":1234567890123456789,\"v\":\"x\"},");
  }
}
