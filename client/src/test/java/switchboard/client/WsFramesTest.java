package switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WebSocket sequencing: count + header + bodies out, header-per-frame in (protocols/amps.md §1.2). */
class WsFramesTest {
  private final WsFrames.Decoder decoder = new WsFrames.Decoder();
  private final List<Message> out = new ArrayList<>();

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private void in(String frame) throws IOException {
    decoder.frame(b(frame), out::add);
  }

  private static int count(WsFrames.Frame f) {
    return ByteBuffer.wrap(f.data()).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  @Test
  void aCommandWithoutBodyIsCountOneThenHeader() {
    List<WsFrames.Frame> frames = WsFrames.encode(b("{\"c\":\"logon\"}"), null);
    assertThat(frames).hasSize(2);
    assertThat(frames.get(0).text()).isFalse();
    assertThat(frames.get(0).data()).containsExactly(1, 0, 0, 0); // little-endian 1
    assertThat(frames.get(1).text()).isTrue();
    assertThat(frames.get(1).asText()).isEqualTo("{\"c\":\"logon\"}");
  }

  @Test
  void aPublishIsCountTwoThenHeaderThenTextBody() {
    List<WsFrames.Frame> frames = WsFrames.encode(b("{\"c\":\"p\",\"t\":\"x\"}"), b("{\"a\":1}"));
    assertThat(frames).hasSize(3);
    assertThat(frames.get(0).data()).containsExactly(2, 0, 0, 0);
    assertThat(count(frames.get(0))).isEqualTo(2);
    assertThat(frames.get(1).asText()).isEqualTo("{\"c\":\"p\",\"t\":\"x\"}");
    assertThat(frames.get(2).text()).isTrue();
    assertThat(frames.get(2).asText()).isEqualTo("{\"a\":1}");
  }

  @Test
  void aBodyThatIsNotUtf8GoesAsBinary() {
    byte[] body = {(byte) 0xff, (byte) 0xfe, 0};
    List<WsFrames.Frame> frames = WsFrames.encode(b("{\"c\":\"p\"}"), body);
    assertThat(frames.get(2).text()).isFalse();
    assertThat(frames.get(2).data()).isEqualTo(body);
  }

  @Test
  void anEmptyBodyIsStillAFrame() {
    List<WsFrames.Frame> frames = WsFrames.encode(b("{\"c\":\"p\"}"), new byte[0]);
    assertThat(count(frames.get(0))).isEqualTo(2);
    assertThat(frames).hasSize(3);
  }

  @Test
  void aDeliveryIsHeaderThenBody() throws IOException {
    in("{\"c\":\"p\",\"t\":\"orders\",\"sids\":\"a,b\"}");
    assertThat(out).isEmpty();
    in("{\"qty\":10}");
    assertThat(out).hasSize(1);
    assertThat(out.get(0).subIds()).containsExactly("a", "b");
    assertThat(out.get(0).bodyAsString()).isEqualTo("{\"qty\":10}");
  }

  @Test
  void aDeliveryWithLengthZeroHasNoBodyFrame() throws IOException {
    in("{\"c\":\"oof\",\"t\":\"orders\",\"sids\":\"a\",\"reason\":\"deleted\",\"l\":0}");
    assertThat(out).hasSize(1);
    assertThat(out.get(0).body()).isEmpty();
    assertThat(out.get(0).reason()).isEqualTo("deleted");
    in("{\"c\":\"ack\",\"cid\":\"2\"}");
    assertThat(out).hasSize(2);
    assertThat(out.get(1).command()).isEqualTo("ack");
  }

  @Test
  void acksMarkersAndHeartbeatsStandAlone() throws IOException {
    in("{\"c\":\"ack\",\"a\":\"processed\",\"cid\":\"1\",\"status\":\"success\"}");
    in("{\"c\":\"group_begin\",\"query_id\":\"q\"}");
    in("{\"c\":\"group_end\",\"query_id\":\"q\"}");
    in("{\"c\":\"heartbeat\"}");
    assertThat(out).extracting(Message::command).containsExactly("ack", "group_begin", "group_end", "heartbeat");
  }

  @Test
  void aSowBatchIsBsPairsOfRecordHeaderAndBody() throws IOException {
    in("{\"c\":\"sow\",\"t\":\"orders\",\"query_id\":\"q1\",\"bs\":2}");
    in("{\"k\":\"1\",\"ts\":\"20200101T000000Z\"}");
    assertThat(out).isEmpty();
    in("{\"id\":1}");
    in("{\"k\":\"2\",\"x\":\"corr\"}");
    in("{\"id\":2}");
    in("{\"c\":\"group_end\",\"query_id\":\"q1\"}");
    assertThat(out).extracting(Message::command).containsExactly("sow", "sow", "group_end");
    assertThat(out.get(0).sowKey()).isEqualTo("1");
    assertThat(out.get(0).timestamp()).isEqualTo("20200101T000000Z");
    assertThat(out.get(0).queryId()).isEqualTo("q1");
    assertThat(out.get(0).topic()).isEqualTo("orders");
    assertThat(out.get(0).bodyAsString()).isEqualTo("{\"id\":1}");
    assertThat(out.get(1).sowKey()).isEqualTo("2");
    assertThat(out.get(1).correlationId()).isEqualTo("corr");
    assertThat(out.get(1).timestamp()).isNull();
  }

  @Test
  void aBodyThatLooksLikeAHeaderIsStillABody() throws IOException {
    in("{\"c\":\"p\",\"sids\":\"a\"}");
    in("{\"c\":\"ack\"}");
    assertThat(out).hasSize(1);
    assertThat(out.get(0).command()).isEqualTo("p");
    assertThat(out.get(0).bodyAsString()).isEqualTo("{\"c\":\"ack\"}");
  }
}
