package switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Header encoding and parsing (protocols/amps.md §1.3, §1.4). */
class HeaderCodecTest {

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, String> parse(String s) throws IOException {
    byte[] bytes = b(s);
    return HeaderCodec.parse(bytes, 0, HeaderCodec.objectEnd(bytes, 0, bytes.length));
  }

  @Test
  void writesCompactJsonInTheJsClientsKeyOrder() {
    // §1.4: JS order c t filter bs cid sub_id query_id a o ...; numbers unquoted; no whitespace
    Command c = Command.sowAndSubscribe("orders").ackTypes(AckType.PROCESSED).subId("s1").commandId("s1")
        .queryId("s1").options("oof").batchSize(50).filter("/a = 'x'").topN(5).orderBy("/id DESC");
    assertThat(new String(c.encodeHeader(), StandardCharsets.UTF_8)).isEqualTo(
        "{\"c\":\"sow_and_subscribe\",\"t\":\"orders\",\"filter\":\"/a = 'x'\",\"bs\":50,\"cid\":\"s1\","
            + "\"sub_id\":\"s1\",\"query_id\":\"s1\",\"a\":\"processed\",\"o\":\"oof\",\"top_n\":5,\"orderby\":\"/id DESC\"}");
  }

  @Test
  void writesLogonWithTheVersionKeyAndEscapes() {
    Command c = Command.logon().commandId("auto1").ackTypes(AckType.PROCESSED).version("1.0:java")
        .clientName("me \"quoted\"").userId("").password("p\\w");
    assertThat(new String(c.encodeHeader(), StandardCharsets.UTF_8)).isEqualTo(
        "{\"c\":\"logon\",\"cid\":\"auto1\",\"a\":\"processed\",\"version\":\"1.0:java\","
            + "\"client_name\":\"me \\\"quoted\\\"\",\"user_id\":\"\",\"pw\":\"p\\\\w\"}");
  }

  @Test
  void longAndShortHeaderNamesAreSet() {
    Command c = Command.of("publish").header("topic", "t1").header("cmd_id", "x1").header("ack_type", "received")
        .header("opts", "a,b").header("correlation_id", "corr");
    assertThat(c.topic()).isEqualTo("t1");
    assertThat(c.commandId()).isEqualTo("x1");
    assertThat(c.ackTypes()).containsExactly(AckType.RECEIVED);
    assertThat(new String(c.encodeHeader(), StandardCharsets.UTF_8))
        .isEqualTo("{\"c\":\"publish\",\"t\":\"t1\",\"cid\":\"x1\",\"a\":\"received\",\"o\":\"a,b\",\"x\":\"corr\"}");
  }

  @Test
  void ackTypesAreWrittenInProtocolOrder() {
    Command c = Command.sow("t").ackTypes(AckType.STATS, AckType.PROCESSED).addAckType(AckType.COMPLETED);
    assertThat(c.header("a")).isEqualTo("processed,completed,stats");
  }

  @Test
  void parsesShortKeys() throws IOException {
    Map<String, String> h = parse("{\"c\":\"p\",\"t\":\"orders\",\"sids\":\"a,b\",\"s\":12,\"k\":\"42\",\"ts\":\"20150102T123500Z\",\"x\":\"c1\",\"bm\":\"1|2|\"}");
    assertThat(h).containsEntry("c", "p").containsEntry("t", "orders").containsEntry("sids", "a,b")
        .containsEntry("s", "12").containsEntry("k", "42").containsEntry("ts", "20150102T123500Z")
        .containsEntry("x", "c1").containsEntry("bm", "1|2|");
  }

  @Test
  void parsesLongKeysIntoTheShortNames() throws IOException {
    Map<String, String> h = parse("{\"cmd\":\"ack\",\"cmd_id\":\"auto3\",\"ack_type\":\"processed\",\"topic\":\"t\","
        + "\"seq\":5,\"bookmark\":\"b\",\"batch_size\":3,\"correlation_id\":\"x\",\"sow_key\":\"k1\",\"msg_len\":7,"
        + "\"timestamp\":\"20200101T000000Z\",\"version\":\"5.3.4.0\",\"opts\":\"o1\",\"sub_ids\":\"s\",\"password\":\"p\"}");
    assertThat(h).containsEntry("c", "ack").containsEntry("cid", "auto3").containsEntry("a", "processed")
        .containsEntry("t", "t").containsEntry("s", "5").containsEntry("bm", "b").containsEntry("bs", "3")
        .containsEntry("x", "x").containsEntry("k", "k1").containsEntry("l", "7").containsEntry("ts", "20200101T000000Z")
        .containsEntry("v", "5.3.4.0").containsEntry("o", "o1").containsEntry("sub_id", "s").containsEntry("pw", "p");
    Message m = new Message(h, null);
    assertThat(m.header("version")).isEqualTo("5.3.4.0");
    assertThat(m.header("cmd")).isEqualTo("ack");
  }

  @Test
  void unescapesStringsAndSkipsNestedValuesAndNulls() throws IOException {
    Map<String, String> h = parse("{\"c\":\"p\",\"t\":\"a\\\"b\\u00e9\",\"nested\":{\"x\":[1,{\"y\":\"}\"}]},\"n\":null,\"ok\":true}");
    assertThat(h).containsEntry("t", "a\"bé").containsEntry("ok", "true").doesNotContainKeys("nested", "n");
  }

  @Test
  void findsTheEndOfTheHeaderWhateverTheBodyHolds() throws IOException {
    byte[] frame = b("{\"c\":\"p\",\"t\":\"{}\\\"}\"}{\"body\":\"}\"}");
    int end = HeaderCodec.objectEnd(frame, 0, frame.length);
    assertThat(new String(frame, end, frame.length - end, StandardCharsets.UTF_8)).isEqualTo("{\"body\":\"}\"}");
  }

  @Test
  void rejectsWhatIsNotAHeader() {
    assertThatThrownBy(() -> parse("[1,2]")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> HeaderCodec.objectEnd(b("{\"c\":\"p\""), 0, 8)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> parse("{\"c\":}")).isInstanceOf(IOException.class);
  }
}
