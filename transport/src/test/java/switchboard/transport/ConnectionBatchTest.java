package switchboard.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import switchboard.core.Message;
import switchboard.core.Subscription;
import switchboard.core.delivery.Outbox;

/** What {@link Connection} writes: messages of one turn in one buffer, in order with everything else, within the limits. */
class ConnectionBatchTest {

  /** A connection that sends what it is told and records what happened to it. */
  static final class Probe extends Connection {
    final List<Outbox.Limit> slow = new ArrayList<>();

    Probe(EmbeddedChannel ch, Outbox.Limits limits) {
      super(ch, limits, new DialectStats());
    }

    boolean text(String s) {
      return sendTextFrame(s.getBytes(StandardCharsets.UTF_8));
    }

    boolean object(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      return send(Unpooled.wrappedBuffer(b), b.length);
    }

    @Override
    public void deliver(Message message, List<Subscription> matched) {}

    @Override
    protected void onSlowConsumer(Outbox.Limit limit) {
      slow.add(limit);
    }

    @Override
    protected void onClose() {}
  }

  private static byte[] frame(String s) {
    byte[] p = s.getBytes(StandardCharsets.UTF_8);
    ByteBuf b = Unpooled.buffer();
    WebSocketFrames.writeTextHeader(b, p.length);
    b.writeBytes(p);
    byte[] out = new byte[b.readableBytes()];
    b.readBytes(out);
    return out;
  }

  /** Everything the channel wrote, with the number of writes it took. */
  private static List<byte[]> written(EmbeddedChannel ch) {
    List<byte[]> out = new ArrayList<>();
    for (Object o; (o = ch.readOutbound()) != null; ) {
      ByteBuf b = (ByteBuf) o;
      byte[] bytes = new byte[b.readableBytes()];
      b.readBytes(bytes);
      b.release();
      out.add(bytes);
    }
    return out;
  }

  private static byte[] concat(List<byte[]> parts) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    parts.forEach(o::writeBytes);
    return o.toByteArray();
  }

  @Test
  void theMessagesOfOneTurnLeaveAsOneWrite() {
    EmbeddedChannel ch = new EmbeddedChannel();
    Probe c = new Probe(ch, new Outbox.Limits(100, 1 << 20));
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (int i = 0; i < 100; i++) {
      assertTrue(c.text("message " + i));
      expected.writeBytes(frame("message " + i));
    }
    assertNull(ch.readOutbound(), "nothing goes out before the turn ends");
    ch.runPendingTasks();
    List<byte[]> writes = written(ch);
    assertEquals(1, writes.size());
    assertEquals(new String(expected.toByteArray(), StandardCharsets.ISO_8859_1), new String(writes.get(0), StandardCharsets.ISO_8859_1));
  }

  @Test
  void aBatchThatFillsUpIsWrittenBeforeTheTurnEnds() {
    EmbeddedChannel ch = new EmbeddedChannel();
    Probe c = new Probe(ch, new Outbox.Limits(100, 1 << 20));
    String big = "x".repeat(Connection.BATCH_BYTES / 4);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (int i = 0; i < 9; i++) {
      assertTrue(c.text(big + i));
      expected.writeBytes(frame(big + i));
    }
    ch.runPendingTasks();
    List<byte[]> writes = written(ch);
    assertTrue(writes.size() >= 2 && writes.size() <= 4, "writes: " + writes.size());
    assertEquals(new String(expected.toByteArray(), StandardCharsets.ISO_8859_1), new String(concat(writes), StandardCharsets.ISO_8859_1));
  }

  @Test
  void framesSentAsObjectsKeepTheirPlaceBetweenBatchedBytes() {
    EmbeddedChannel ch = new EmbeddedChannel();
    Probe c = new Probe(ch, new Outbox.Limits(100, 1 << 20));
    c.text("a");
    c.text("b");
    c.object("<reply>");
    c.text("c");
    ch.runPendingTasks();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes(frame("a"));
    expected.writeBytes(frame("b"));
    expected.writeBytes("<reply>".getBytes(StandardCharsets.UTF_8));
    expected.writeBytes(frame("c"));
    List<byte[]> writes = written(ch);
    assertEquals(3, writes.size());
    assertEquals(new String(expected.toByteArray(), StandardCharsets.ISO_8859_1), new String(concat(writes), StandardCharsets.ISO_8859_1));
  }

  @Test
  void onceTheSocketPushesBackMessagesQueueOneByOneAndCountAgainstTheLimit() {
    EmbeddedChannel ch = new EmbeddedChannel();
    ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
    Probe c = new Probe(ch, new Outbox.Limits(3, 1 << 20));
    assertTrue(c.object("more than sixteen bytes, unflushed"));
    assertFalse(ch.isWritable(), "the socket's buffer is over its high-water mark");
    assertTrue(c.text("1"));
    assertTrue(c.text("2"));
    assertTrue(c.text("3"));
    assertTrue(c.slow.isEmpty());
    assertFalse(c.text("4"), "the fourth queued message passes the limit of 3");
    assertEquals(List.of(Outbox.Limit.MESSAGES), c.slow);
    assertFalse(ch.isOpen());
  }
}
