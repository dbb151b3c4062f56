package switchboard.bench.harness.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import switchboard.bench.harness.Interest;

class XrplTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALPHABET = "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz";
  private final Xrpl xrpl = new Xrpl();

  @Test
  void aTopicIsAlwaysTheSameValidAddress() {
    String a = Xrpl.account("orders");
    assertThat(a).isEqualTo(Xrpl.account("orders")).isNotEqualTo(Xrpl.account("orders2")).startsWith("r");
    // decoded independently: 25 bytes, version 0, and the double SHA-256 checksum
    BigInteger n = BigInteger.ZERO;
    for (char c : a.toCharArray()) {
      n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(ALPHABET.indexOf(c)));
    }
    byte[] raw = n.toByteArray();
    byte[] data = new byte[25];
    System.arraycopy(raw, Math.max(0, raw.length - 25), data, Math.max(0, 25 - raw.length), Math.min(25, raw.length));
    assertThat(data[0]).isZero();
    byte[] check = Xrpl.sha256(Xrpl.sha256(Arrays.copyOf(data, 21)));
    assertThat(Arrays.copyOfRange(data, 21, 25)).containsExactly(Arrays.copyOf(check, 4));
  }

  @Test
  void subscribesNameAnAccountOrTheTransactionsStream() throws Exception {
    JsonNode s = JSON.readTree(xrpl.subscribe(Interest.topic("orders"), 3));
    assertThat(s.path("id").asInt()).isEqualTo(3);
    assertThat(s.path("command").asText()).isEqualTo("subscribe");
    assertThat(s.path("api_version").asInt()).isEqualTo(2);
    assertThat(s.path("accounts").get(0).asText()).isEqualTo(Xrpl.account("orders"));
    JsonNode u = JSON.readTree(xrpl.unsubscribe(Interest.topic(Xrpl.ALL), 4));
    assertThat(u.path("command").asText()).isEqualTo("unsubscribe");
    assertThat(u.path("streams").toString()).isEqualTo("[\"transactions\"]");
    assertThat(xrpl.hello("x").length).isZero();
    assertThatThrownBy(() -> xrpl.publish("orders", new byte[0])).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void responsesAreRepliesAndTransactionsDeliveries() throws Exception {
    Recorder r = new Recorder(xrpl.parser());
    r.feed(Recorder.message("{\"api_version\":2,\"id\":3,\"result\":{},\"status\":\"success\",\"type\":\"response\"}"));
    r.feed(Recorder.message("{\"api_version\":2,\"error\":\"actMalformed\",\"error_code\":35,\"error_message\":\"Account malformed.\","
        + "\"id\":4,\"request\":{\"accounts\":[\"x\"],\"api_version\":2,\"command\":\"subscribe\",\"id\":4},\"status\":\"error\",\"type\":\"response\"}"));
    byte[] tx;
    try (XrplUpstream up = new XrplUpstream("127.0.0.1", 0)) {
      tx = up.message(0, "orders", "{\"ts\":1234567890123,\"v\":\"x\"}".getBytes(StandardCharsets.UTF_8));
    }
    byte[] unit = Recorder.message(new String(tx, StandardCharsets.UTF_8));
    r.feed(Arrays.copyOf(unit, 100));
    r.feed(Arrays.copyOfRange(unit, 100, unit.length));
    r.feed(Recorder.message("{\"fee_base\":10,\"ledger_index\":5,\"type\":\"ledgerClosed\"}"));
    r.feed(Recorder.message("{\"engine_result\":\"tesSUCCESS\",\"tx_json\":{},\"type\":\"transaction\",\"validated\":true}"));
    assertThat(r.events).containsExactly("ok", "failed actMalformed: Account malformed.",
        "delivery {\"ts\":1234567890123,\"v\":\"x\"}",
        "delivery {\"engine_result\":\"tesSUCCESS\",\"tx_json\":{},\"type\":\"transaction\",\"validated\":true}");
  }
}
