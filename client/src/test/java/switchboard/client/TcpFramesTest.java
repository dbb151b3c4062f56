package switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TCP framing: 4-byte big-endian length, header, body; SOW batches with {@code l} (protocols/amps.md §1.1). */
class TcpFramesTest {

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String s(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void encodesLengthBigEndianThenHeaderThenBody() {
    byte[] frame = TcpFrames.encode(b("{\"c\":\"p\",\"t\":\"x\"}"), b("hello"));
    int len = 17 + 5;
    assertThat(frame).startsWith(0, 0, 0, len);
    assertThat(frame).hasSize(4 + len);
    assertThat(s(frame).substring(4)).isEqualTo("{\"c\":\"p\",\"t\":\"x\"}hello");
  }

  @Test
  void lengthUsesAllFourBytes() throws IOException {
    byte[] body = new byte[70_000];
    byte[] frame = TcpFrames.encode(b("{\"c\":\"p\"}"), body);
    long n = ((frame[0] & 0xffL) << 24) | ((frame[1] & 0xff) << 16) | ((frame[2] & 0xff) << 8) | (frame[3] & 0xff);
    assertThat(n).isEqualTo(9 + 70_000);
    List<byte[]> out = new ArrayList<>();
    new TcpFrames.Decoder(1 << 20).feed(frame, 0, frame.length, out::add);
    assertThat(out).hasSize(1);
    assertThat(TcpFrames.parse(out.get(0)).get(0).body()).hasSize(70_000);
  }

  @Test
  void roundTripsACommand() throws IOException {
    Command c = Command.publish("orders").body("{\"qty\":7}");
    byte[] frame = TcpFrames.encode(c.encodeHeader(), c.body());
    List<byte[]> frames = new ArrayList<>();
    new TcpFrames.Decoder(1024).feed(frame, 0, frame.length, frames::add);
    Message m = TcpFrames.parse(frames.get(0)).get(0);
    assertThat(m.command()).isEqualTo("p");
    assertThat(m.topic()).isEqualTo("orders");
    assertThat(m.bodyAsString()).isEqualTo("{\"qty\":7}");
  }

  @Test
  void cutsSeveralFramesFromOneRead() throws IOException {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stream.writeBytes(TcpFrames.encode(b("{\"c\":\"ack\",\"cid\":\"1\"}"), null));
    stream.writeBytes(TcpFrames.encode(b("{\"c\":\"p\",\"sids\":\"a\"}"), b("one")));
    stream.writeBytes(TcpFrames.encode(b("{\"c\":\"p\",\"sids\":\"a\"}"), b("")));
    byte[] all = stream.toByteArray();
    List<byte[]> frames = new ArrayList<>();
    new TcpFrames.Decoder(1024).feed(all, 0, all.length, frames::add);
    assertThat(frames).extracting(TcpFramesTest::s)
        .containsExactly("{\"c\":\"ack\",\"cid\":\"1\"}", "{\"c\":\"p\",\"sids\":\"a\"}one", "{\"c\":\"p\",\"sids\":\"a\"}");
    assertThat(TcpFrames.parse(frames.get(2)).get(0).body()).isEmpty();
  }

  @Test
  void joinsAFrameSplitAcrossReadsByteByByte() throws IOException {
    byte[] one = TcpFrames.encode(b("{\"c\":\"p\",\"t\":\"x\",\"sids\":\"s1,s2\"}"), b("payload"));
    byte[] two = TcpFrames.encode(b("{\"c\":\"heartbeat\"}"), null);
    byte[] all = new byte[one.length + two.length];
    System.arraycopy(one, 0, all, 0, one.length);
    System.arraycopy(two, 0, all, one.length, two.length);
    TcpFrames.Decoder d = new TcpFrames.Decoder(1024);
    List<byte[]> frames = new ArrayList<>();
    for (int i = 0; i < all.length; i++) {
      d.feed(all, i, 1, frames::add);
      if (i < one.length - 1) {
        assertThat(frames).isEmpty();
      }
    }
    assertThat(frames).hasSize(2);
    Message m = TcpFrames.parse(frames.get(0)).get(0);
    assertThat(m.subIds()).containsExactly("s1", "s2");
    assertThat(m.bodyAsString()).isEqualTo("payload");
    assertThat(TcpFrames.parse(frames.get(1)).get(0).command()).isEqualTo("heartbeat");
  }

  @Test
  void joinsFramesSplitAtEveryPossibleBoundary() throws IOException {
    byte[] a = TcpFrames.encode(b("{\"c\":\"p\",\"sids\":\"a\"}"), b("first"));
    byte[] c = TcpFrames.encode(b("{\"c\":\"p\",\"sids\":\"a\"}"), b("second"));
    byte[] all = new byte[a.length + c.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(c, 0, all, a.length, c.length);
    for (int cut = 0; cut <= all.length; cut++) {
      TcpFrames.Decoder d = new TcpFrames.Decoder(1024);
      List<byte[]> frames = new ArrayList<>();
      d.feed(all, 0, cut, frames::add);
      d.feed(all, cut, all.length - cut, frames::add);
      assertThat(frames).as("cut at %d", cut).extracting(TcpFramesTest::s)
          .containsExactly("{\"c\":\"p\",\"sids\":\"a\"}first", "{\"c\":\"p\",\"sids\":\"a\"}second");
    }
  }

  @Test
  void refusesAFrameOverTheLimit() {
    byte[] frame = TcpFrames.encode(b("{\"c\":\"p\"}"), new byte[100]);
    assertThatThrownBy(() -> new TcpFrames.Decoder(50).feed(frame, 0, frame.length, f -> { }))
        .isInstanceOf(IOException.class).hasMessageContaining("exceeds");
  }

  @Test
  void parsesASowBatchByRecordLengths() throws IOException {
    // §1.1: outer header, then per record a header with l and exactly l body bytes
    String r1 = "{\"id\":1,\"x\":\"}\"}";
    String r2 = "{\"id\":2}";
    byte[] payload = b("{\"c\":\"sow\",\"t\":\"orders\",\"query_id\":\"q1\",\"sub_id\":\"q1\",\"bs\":3,\"s\":9}"
        + "{\"k\":\"101\",\"l\":" + b(r1).length + ",\"ts\":\"20200101T000000Z\",\"x\":\"c1\"}" + r1
        + "{\"k\":\"102\",\"l\":" + b(r2).length + "}" + r2
        + "{\"k\":\"103\",\"l\":0}");
    List<Message> records = TcpFrames.parse(payload);
    assertThat(records).hasSize(3);
    assertThat(records).extracting(Message::command).containsOnly("sow");
    assertThat(records).extracting(Message::queryId).containsOnly("q1");
    assertThat(records).extracting(Message::topic).containsOnly("orders");
    assertThat(records).extracting(Message::sowKey).containsExactly("101", "102", "103");
    assertThat(records).extracting(Message::bodyAsString).containsExactly(r1, r2, "");
    assertThat(records.get(0).timestamp()).isEqualTo("20200101T000000Z");
    assertThat(records.get(0).correlationId()).isEqualTo("c1");
    assertThat(records.get(1).timestamp()).isNull();
  }

  @Test
  void anEmptySowBatchHasNoRecords() throws IOException {
    assertThat(TcpFrames.parse(b("{\"c\":\"sow\",\"query_id\":\"q\",\"bs\":0}"))).isEmpty();
  }

  @Test
  void aSowRecordLongerThanItsFrameIsAnError() {
    assertThatThrownBy(() -> TcpFrames.parse(b("{\"c\":\"sow\",\"query_id\":\"q\"}{\"k\":\"1\",\"l\":99}{}")))
        .isInstanceOf(IOException.class).hasMessageContaining("overruns");
  }

  @Test
  void anOrdinaryMessageIgnoresNothingAfterItsHeader() throws IOException {
    Message m = TcpFrames.parse(b("{\"c\":\"p\",\"t\":\"x\",\"sids\":\"a\"} {leading space kept}")).get(0);
    assertThat(m.bodyAsString()).isEqualTo(" {leading space kept}");
  }
}
