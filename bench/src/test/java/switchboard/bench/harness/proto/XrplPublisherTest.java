package switchboard.bench.harness.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import switchboard.bench.harness.BenchException;
import switchboard.bench.harness.Publishing;
import switchboard.bench.harness.ServerProcess;
import switchboard.bench.harness.Target;

/**
 * The xrpl publisher against the stand-in rippled, with a plain WebSocket client in the dialect's
 * place: what the dialect would receive is one transaction per message added, none the same.
 */
class XrplPublisherTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the dialect's end of the connection receives, a text message at a time. */
  private static final class Received implements WebSocket.Listener {
    final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        texts.add(text.toString());
        text.setLength(0);
      }
      ws.request(1);
      return null;
    }

    JsonNode next() throws Exception {
      String t = texts.poll(10, TimeUnit.SECONDS);
      assertThat(t).as("a message within 10 s").isNotNull();
      return JSON.readTree(t);
    }
  }

  private static Target target(XrplUpstream up) throws Exception {
    return new Target("switchboard-xrpl", new Xrpl(), new InetSocketAddress("127.0.0.1", up.port()),
        ServerProcess.external("switchboard", "test", -1), XrplPublisher.on(up));
  }

  @Test
  void everyMessageAddedIsATransactionOfItsOwnCarryingThePayload() throws Exception {
    try (XrplUpstream up = new XrplUpstream("127.0.0.1", 0)) {
      up.start();
      Received received = new Received();
      WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(up.url()), received).get(10, TimeUnit.SECONDS);
      ws.sendText("{\"id\":\"s\",\"command\":\"subscribe\",\"api_version\":2,\"streams\":[\"transactions\"]}", true).get(10, TimeUnit.SECONDS);
      assertThat(received.next().path("status").asText()).isEqualTo("success");

      byte[] payload = "{\"ts\":1000000000000000001,\"v\":\"x\"}".getBytes(StandardCharsets.UTF_8);
      try (Publishing pub = target(up).publisher("p", Duration.ofSeconds(10))) {
        Publishing.Message orders = pub.message("orders", payload);
        orders.add();
        orders.add();
        orders.add();
        pub.add("trades", payload);
        assertThat(pub.send()).isTrue();
        orders.add();
        assertThat(pub.send()).isTrue();
      }

      List<JsonNode> txs = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        txs.add(received.next());
      }
      Set<String> hashes = new HashSet<>();
      for (JsonNode tx : txs) {
        assertThat(tx.path("type").asText()).isEqualTo("transaction");
        assertThat(tx.path("bench_payload").toString()).isEqualTo(new String(payload, StandardCharsets.UTF_8));
        hashes.add(tx.path("hash").asText());
      }
      assertThat(hashes).hasSize(5);
      assertThat(txs).extracting(tx -> tx.path("tx_json").path("Account").asText()).containsExactly(
          Xrpl.account("orders"), Xrpl.account("orders"), Xrpl.account("orders"), Xrpl.account("trades"), Xrpl.account("orders"));
      assertThat(up.published()).isEqualTo(5);
      ws.abort();
    }
  }

  @Test
  void aPublisherIsNotOpenedBeforeTheDialectHasSubscribed() throws Exception {
    try (XrplUpstream up = new XrplUpstream("127.0.0.1", 0)) {
      up.start();
      Target target = target(up);
      assertThatThrownBy(() -> target.publisher("p", Duration.ofMillis(200)))
          .isInstanceOf(BenchException.class).hasMessageContaining("has not subscribed");
    }
  }
}
