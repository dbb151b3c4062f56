package switchboard.bench.harness.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import switchboard.bench.harness.Interest;
import switchboard.bench.harness.Protocol;

class NatsWsTest {
  private final NatsWs nats = new NatsWs();

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void requestsEndWithAPing() {
    assertThat(nats.transport()).isEqualTo(Protocol.Transport.WS_STREAM);
    assertThat(nats.helloReplies()).isEqualTo(1);
    assertThat(text(nats.hello("sub-1")[0])).startsWith("CONNECT {\"verbose\":false,").contains("\"name\":\"sub-1\"").endsWith("}\r\nPING\r\n");
    assertThat(text(nats.subscribe(Interest.topic("orders.eu"), 12))).isEqualTo("SUB orders.eu 12\r\nPING\r\n");
    assertThat(text(nats.unsubscribe(Interest.topic("orders.eu"), 12))).isEqualTo("UNSUB 12\r\nPING\r\n");
    assertThat(text(nats.publish("orders.eu", "{\"ts\":1}".getBytes(StandardCharsets.UTF_8)))).isEqualTo("PUB orders.eu 8\r\n{\"ts\":1}\r\n");
  }

  @Test
  void theInfoIsNotAReplyThePongIs() throws Exception {
    Recorder r = new Recorder(nats.parser());
    r.feed("INFO {\"server_id\":\"X\",\"max_payload\":1048576,\"headers\":true}\r\n");
    assertThat(r.events).isEmpty();
    r.feed("PONG\r\n");
    assertThat(r.events).containsExactly("ok");
  }

  @Test
  void aMessageSplitAcrossReadsIsOneDelivery() throws Exception {
    Recorder r = new Recorder(nats.parser());
    r.feed("MSG orders.eu 12 34\r\n{\"ts\":0000001234567890123,");
    assertThat(r.events).isEmpty();
    r.feed("\"v\":\"x\"}\r\nMSG orders.eu 12 _INBOX.1 2\r\nhi\r\nMS");
    assertThat(r.events).containsExactly("delivery {\"ts\":0000001234567890123,\"v\":\"x\"}", "delivery hi");
    assertThat(r.left()).isEqualTo(2);
  }

  @Test
  void aMessageWithHeadersDeliversItsPayload() throws Exception {
    Recorder r = new Recorder(nats.parser());
    r.feed("HMSG a 1 20 25\r\nNATS/1.0\r\nX-A: b\r\n\r\nhello\r\n");
    assertThat(r.events).containsExactly("delivery hello");
  }

  @Test
  void theServersPingIsAnsweredAndAnErrorFailsTheNextReply() throws Exception {
    Recorder r = new Recorder(nats.parser());
    r.feed("PING\r\n+OK\r\n-ERR 'Invalid Subject'\r\nPONG\r\nPONG\r\n");
    assertThat(r.events).containsExactly("send PONG\r\n", "failed -ERR 'Invalid Subject'", "ok");
  }

  @Test
  void nonsenseIsAProtocolError() {
    Recorder r = new Recorder(nats.parser());
    assertThatThrownBy(() -> r.feed("HTTP/1.1 400 Bad Request\r\n")).isInstanceOf(Protocol.ProtocolException.class);
  }
}
