package switchboard.amps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeaderTest {

  private static Header parse(String frame) throws IOException {
    byte[] b = frame.getBytes(StandardCharsets.UTF_8);
    return Header.parse(b, 0, b.length);
  }

  @Test
  void shortAndLongKeysMeanTheSame() throws IOException {
    Header s = parse("{\"c\":\"subscribe\",\"cid\":\"1\",\"t\":\"x\",\"a\":\"processed\",\"o\":\"oof\",\"f\":\"/a=1\",\"bs\":10}");
    Header l = parse("{\"cmd\":\"subscribe\",\"cmd_id\":\"1\",\"topic\":\"x\",\"ack_type\":\"processed\",\"opts\":\"oof\",\"filter\":\"/a=1\",\"batch_size\":\"10\"}");
    for (Header h : new Header[] {s, l}) {
      assertThat(h.command).isEqualTo("subscribe");
      assertThat(h.commandId).isEqualTo("1");
      assertThat(h.topic).isEqualTo("x");
      assertThat(h.ackType).isEqualTo("processed");
      assertThat(h.options).isEqualTo("oof");
      assertThat(h.filter).isEqualTo("/a=1");
      assertThat(h.batchSize).isEqualTo("10");
    }
  }

  @Test
  void bodyStartsRightAfterTheHeader() throws IOException {
    String frame = "{\"c\":\"p\",\"t\":\"orders\",\"x\":{\"ignored\":[1,2]}}{\"qty\":5}";
    Header h = parse(frame);
    assertThat(frame.substring(h.bodyOffset)).isEqualTo("{\"qty\":5}");
    assertThat(parse("{\"c\":\"p\",\"t\":\"orders\"}").bodyOffset).isEqualTo(22);
  }

  @Test
  void bodyOffsetIsRelativeToTheArrayWhenTheHeaderStartsLater() throws IOException {
    byte[] b = "XXXX{\"c\":\"p\"}body".getBytes(StandardCharsets.UTF_8);
    Header h = Header.parse(b, 4, b.length - 4);
    assertThat(new String(b, h.bodyOffset, b.length - h.bodyOffset, StandardCharsets.UTF_8)).isEqualTo("body");
  }

  @Test
  void aNettyBufferIsParsedInPlaceAndLeftAsItWas() throws IOException {
    io.netty.buffer.ByteBuf b = io.netty.buffer.Unpooled.copiedBuffer("XX{\"c\":\"p\",\"t\":\"x\"}{\"q\":1}", StandardCharsets.UTF_8);
    b.skipBytes(2);
    Header h = Header.parse(b);
    assertThat(h.topic).isEqualTo("x");
    assertThat(b.readerIndex()).isEqualTo(2);
    assertThat(b.toString(b.readerIndex() + h.bodyOffset, b.readableBytes() - h.bodyOffset, StandardCharsets.UTF_8)).isEqualTo("{\"q\":1}");
    b.release();
  }

  /**
   * A frame's header is read from a copy of its first bytes; a header that goes on past them (here
   * with its cut falling inside a string, a number, a literal and an object) is read again from a
   * longer copy, and gives what the whole array gives. An error inside the first copy stays an error.
   */
  @Test
  void aHeaderLongerThanTheFirstCopyIsReadWhole() throws IOException {
    String filter = "/name = '" + "é".repeat(Header.FIRST_COPY) + "'";
    for (int pad = 0; pad < 40; pad++) {
      String header = "{\"c\":\"subscribe\",\"pad\":\"" + "x".repeat(Header.FIRST_COPY - 30 + pad) + "\",\"s\":12345,"
          + "\"nothing\":null,\"deep\":{\"a\":[1,{\"b\":true}]},\"f\":\"" + filter + "\",\"t\":\"orders\"}";
      io.netty.buffer.ByteBuf b = io.netty.buffer.Unpooled.copiedBuffer(header + "{\"q\":1}", StandardCharsets.UTF_8);
      try {
        Header h = Header.parse(b);
        Header whole = parse(header);
        assertThat(h.filter).isEqualTo(filter).isEqualTo(whole.filter);
        assertThat(h.sequence).isEqualTo("12345");
        assertThat(h.topic).isEqualTo("orders");
        assertThat(h.bodyOffset).isEqualTo(whole.bodyOffset);
        assertThat(b.toString(h.bodyOffset, b.readableBytes() - h.bodyOffset, StandardCharsets.UTF_8)).isEqualTo("{\"q\":1}");
      } finally {
        b.release();
      }
    }
    io.netty.buffer.ByteBuf bad = io.netty.buffer.Unpooled.copiedBuffer("{\"c\":tru, " + " ".repeat(4 * Header.FIRST_COPY) + "}",
        StandardCharsets.UTF_8);
    try {
      assertThatThrownBy(() -> Header.parse(bad)).isInstanceOf(IOException.class).hasMessageContaining("literal");
    } finally {
      bad.release();
    }
    io.netty.buffer.ByteBuf unfinished = io.netty.buffer.Unpooled.copiedBuffer("{\"c\":\"p\",\"t\":\"" + "x".repeat(3 * Header.FIRST_COPY),
        StandardCharsets.UTF_8);
    try {
      assertThatThrownBy(() -> Header.parse(unfinished)).isInstanceOf(IOException.class).hasMessageContaining("ends too soon");
    } finally {
      unfinished.release();
    }
  }

  @Test
  void numbersBooleansAndNullsAreRead() throws IOException {
    Header h = parse("{\"c\":\"sow\",\"top_n\":5,\"s\":123,\"sub_id\":null,\"bs\":true}");
    assertThat(h.topN).isEqualTo("5");
    assertThat(h.sequence).isEqualTo("123");
    assertThat(h.subId).isNull();
    assertThat(h.batchSize).isEqualTo("true");
  }

  @Test
  void notAnObjectIsAnError() {
    assertThatThrownBy(() -> parse("[1,2]")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> parse("garbage")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> parse("{\"c\":\"p\"")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> parse("")).isInstanceOf(IOException.class);
  }

  @Test
  void writerEmitsCompactJsonAndEscapes() {
    HeaderWriter w = new HeaderWriter();
    String h = new String(w.reset().field("c", "ack").field("s", 7).field("cid", "a\"b\\c").field("t", "ünï").reason("bad \"quoted\" thing").toBytes(), StandardCharsets.UTF_8);
    assertThat(h).isEqualTo("{\"c\":\"ack\",\"s\":7,\"cid\":\"a\\\"b\\\\c\",\"t\":\"ünï\",\"reason\":\"bad quoted thing\"}");
    assertThatThrownBy(() -> w.reset().field("s", -1)).isInstanceOf(IllegalArgumentException.class);
    // reusable
    assertThat(new String(w.reset().field("c", "p").toBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"c\":\"p\"}");
  }

  @Test
  void ackTypesParse() {
    assertThat(AckTypes.parse("received,processed")).isEqualTo(AckTypes.RECEIVED | AckTypes.PROCESSED);
    assertThat(AckTypes.parse(" stats , none ")).isEqualTo(AckTypes.STATS);
    assertThat(AckTypes.parse("")).isZero();
    assertThat(AckTypes.parse(null)).isZero();
  }

  @Test
  void patternTopicsAreThoseWithRegexMetacharacters() {
    assertThat(SubscriptionCommands.isPattern("orders.eu")).isFalse();
    assertThat(SubscriptionCommands.isPattern("orders")).isFalse();
    assertThat(SubscriptionCommands.isPattern("orders.*")).isTrue();
    assertThat(SubscriptionCommands.isPattern("^a|b$")).isTrue();
  }
}
