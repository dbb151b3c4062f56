package switchboard.bench.harness.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import switchboard.bench.harness.Interest;
import switchboard.bench.harness.Protocol;

class AmpsWsTest {
  private final AmpsWs amps = new AmpsWs();

  /** A framed message as "opcode:payload" per frame; binary payloads in hex. */
  private static List<String> frames(byte[] message) {
    List<String> out = new ArrayList<>();
    WsFrames.forEach(message, (op, m, from, to) -> {
      if (op == WsFrames.TEXT) {
        out.add("text:" + new String(m, from, to - from, StandardCharsets.UTF_8));
      } else {
        StringBuilder hex = new StringBuilder("binary:");
        for (int i = from; i < to; i++) {
          hex.append(String.format("%02x", m[i]));
        }
        out.add(hex.toString());
      }
    });
    return out;
  }

  @Test
  void aCommandIsACountFrameThenItsHeaderAndBody() {
    assertThat(amps.framed()).isTrue();
    assertThat(amps.path()).isEqualTo("/amps/json");
    byte[][] hello = amps.hello("sub-1");
    assertThat(hello.length).isEqualTo(1);
    assertThat(frames(hello[0])).containsExactly("text:text", "binary:01000000",
        "text:{\"c\":\"logon\",\"cid\":\"l\",\"client_name\":\"sub-1\",\"user_id\":\"bench\",\"a\":\"processed\"}");
    assertThat(frames(amps.subscribe(new Interest("orders", "/v = 'x'"), 7))).containsExactly("binary:01000000",
        "text:{\"c\":\"subscribe\",\"cid\":\"s7\",\"sub_id\":\"7\",\"t\":\"orders\",\"filter\":\"/v = 'x'\",\"a\":\"processed\"}");
    assertThat(frames(amps.subscribe(Interest.topic("orders"), 8))).containsExactly("binary:01000000",
        "text:{\"c\":\"subscribe\",\"cid\":\"s8\",\"sub_id\":\"8\",\"t\":\"orders\",\"a\":\"processed\"}");
    assertThat(frames(amps.unsubscribe(Interest.topic("orders"), 7))).containsExactly("binary:01000000",
        "text:{\"c\":\"unsubscribe\",\"cid\":\"u7\",\"sub_id\":\"7\",\"a\":\"processed\"}");
    assertThat(frames(amps.publish("orders", "{\"ts\":1,\"v\":\"x\"}".getBytes(StandardCharsets.UTF_8))))
        .containsExactly("binary:02000000", "text:{\"c\":\"p\",\"t\":\"orders\"}", "text:{\"ts\":1,\"v\":\"x\"}");
  }

  @Test
  void acksAreReplies() throws Exception {
    Recorder r = new Recorder(amps.parser());
    r.feed(Recorder.message("{\"c\":\"ack\",\"a\":\"processed\",\"cid\":\"l\",\"status\":\"success\",\"version\":\"5.3.4.0\","
        + "\"bm\":\"1|0|\",\"client_name\":\"sub-1\",\"user_id\":\"bench\"}"));
    r.feed(Recorder.message("{\"c\":\"ack\",\"a\":\"processed\",\"cid\":\"s7\",\"sub_id\":\"7\",\"status\":\"failure\",\"reason\":\"bad filter\"}"));
    assertThat(r.events).containsExactly("ok", "failed failure: bad filter");
  }

  @Test
  void aDeliveryIsTheBodyFrameAfterItsHeaderEvenSplitAcrossReads() throws Exception {
    Recorder r = new Recorder(amps.parser());
    byte[] header = Recorder.message("{\"c\":\"p\",\"s\":3,\"t\":\"orders\",\"sids\":\"7\"}");
    byte[] body = Recorder.message("{\"ts\":0000001234567890123,\"v\":\"xxxx\"}");
    byte[] both = new byte[header.length + body.length];
    System.arraycopy(header, 0, both, 0, header.length);
    System.arraycopy(body, 0, both, header.length, body.length);
    int cut = header.length + 6; // inside the body frame
    r.feed(java.util.Arrays.copyOf(both, cut));
    assertThat(r.events).isEmpty();
    assertThat(r.left()).isEqualTo(6);
    r.feed(java.util.Arrays.copyOfRange(both, cut, both.length));
    assertThat(r.events).containsExactly("delivery {\"ts\":0000001234567890123,\"v\":\"xxxx\"}");
    assertThat(r.left()).isZero();
  }

  @Test
  void aHeaderSplitInsideItsLengthWaits() throws Exception {
    Recorder r = new Recorder(amps.parser());
    byte[] ack = Recorder.message("{\"c\":\"ack\",\"a\":\"processed\",\"cid\":\"s1\",\"status\":\"success\"}");
    r.feed(java.util.Arrays.copyOf(ack, 2));
    assertThat(r.events).isEmpty();
    r.feed(java.util.Arrays.copyOfRange(ack, 2, ack.length));
    assertThat(r.events).containsExactly("ok");
  }

  @Test
  void anEmptyBodyHasNoFrameAndHeartbeatsAreNotReplies() throws Exception {
    Recorder r = new Recorder(amps.parser());
    r.feed(Recorder.message("{\"c\":\"p\",\"s\":4,\"t\":\"orders\",\"sids\":\"7\",\"l\":0}"));
    r.feed(Recorder.message("{\"c\":\"heartbeat\"}"));
    r.feed(Recorder.message("{\"c\":\"ack\",\"a\":\"processed\",\"cid\":\"u7\",\"sub_id\":\"7\",\"status\":\"success\"}"));
    assertThat(r.events).containsExactly("ok");
  }

  @Test
  void aFailedPublishIsNoReplyButAnError() {
    Recorder r = new Recorder(amps.parser());
    assertThatThrownBy(() -> r.feed(Recorder.message("{\"c\":\"ack\",\"a\":\"processed\",\"status\":\"failure\",\"reason\":\"invalid topic\"}")))
        .isInstanceOf(Protocol.ProtocolException.class).hasMessageContaining("invalid topic");
  }
}
