package switchboard.bench.harness.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import switchboard.bench.harness.Payload;
import switchboard.bench.harness.Protocol;

/**
 * Each TCP protocol's parser on what its server sends, whole and cut at every byte: the same
 * deliveries, replies and answers either way, and a partial unit left for the next read.
 */
class TcpProtocolsTest {
  private static final byte[] PAYLOAD = Payload.of(100, 123_456_789L);

  @Test
  void ampsReportsAcksAndTheBodyOfEachPublish() throws Exception {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes(amps("{\"c\":\"ack\",\"cid\":\"s1\",\"sub_id\":\"1\",\"a\":\"processed\",\"status\":\"success\"}", new byte[0]));
    in.writeBytes(amps("{\"c\":\"p\",\"t\":\"x\",\"sub_id\":\"1\",\"s\":3}", PAYLOAD));
    in.writeBytes(amps("{\"c\":\"heartbeat\"}", new byte[0]));
    in.writeBytes(amps("{\"c\":\"ack\",\"cid\":\"s2\",\"a\":\"processed\",\"status\":\"failure\",\"reason\":\"bad filter\"}", new byte[0]));
    assertEvents(new AmpsTcp(), in.toByteArray(), "reply ok", "delivery " + payload(), "reply failed: status failure, reason bad filter");
  }

  @Test
  void natsAnswersPingsAndTurnsAnErrorIntoAFailedReply() throws Exception {
    String in = "INFO {\"server_id\":\"x\"}\r\nPONG\r\nMSG x 1 " + PAYLOAD.length + "\r\n" + payload() + "\r\nPING\r\n"
        + "MSG x 1 reply.to " + PAYLOAD.length + "\r\n" + payload() + "\r\n-ERR 'Invalid Subject'\r\nPONG\r\n";
    assertEvents(new Nats(), ascii(in), "reply ok", "delivery " + payload(), "send PONG\r\n", "delivery " + payload(),
        "reply failed: -ERR 'Invalid Subject'");
  }

  @Test
  void redisCountsConfirmationsAndDropsPublishCounts() throws Exception {
    String in = "*3\r\n$9\r\nsubscribe\r\n$1\r\nx\r\n:1\r\n"
        + "*3\r\n$7\r\nmessage\r\n$1\r\nx\r\n$" + PAYLOAD.length + "\r\n" + payload() + "\r\n"
        + ":10\r\n"
        + "*3\r\n$11\r\nunsubscribe\r\n$1\r\nx\r\n:0\r\n"
        + "-ERR unknown command\r\n";
    assertEvents(new Redis(), ascii(in), "reply ok", "delivery " + payload(), "reply ok", "reply failed: ERR unknown command");
  }

  @Test
  void mqttReportsAcksAndThePayloadAfterTheTopic() throws Exception {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes(new byte[] {0x20, 2, 0, 0}); // CONNACK accepted
    in.writeBytes(new byte[] {(byte) 0x90, 3, 0, 1, 0}); // SUBACK QoS 0
    in.write(0x30); // PUBLISH QoS 0, remaining length 3 + 100 in one byte
    in.write(2 + 1 + PAYLOAD.length);
    in.writeBytes(new byte[] {0, 1, 'x'});
    in.writeBytes(PAYLOAD);
    in.writeBytes(new byte[] {(byte) 0xB0, 2, 0, 2}); // UNSUBACK
    in.writeBytes(new byte[] {(byte) 0x90, 3, 0, 3, (byte) 0x80}); // SUBACK failure
    assertEvents(new Mqtt(), in.toByteArray(), "reply ok", "reply ok", "delivery " + payload(), "reply ok", "reply failed: SUBACK failure");
  }

  @Test
  void aMultiByteRemainingLengthIsRead() throws Exception {
    byte[] big = new byte[300];
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    int len = 2 + 1 + big.length;
    in.write(0x30);
    in.write(0x80 | (len % 128));
    in.write(len / 128);
    in.writeBytes(new byte[] {0, 1, 'x'});
    in.writeBytes(big);
    assertEvents(new Mqtt(), in.toByteArray(), "delivery " + new String(big, StandardCharsets.ISO_8859_1));
  }

  private static String payload() {
    return new String(PAYLOAD, StandardCharsets.US_ASCII);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] amps(String header, byte[] body) {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(4 + h.length + body.length).putInt(h.length + body.length).put(h).put(body).array();
  }

  /** Parses {@code in} whole, then as it would arrive one byte at a time, expecting the same events. */
  private static void assertEvents(Protocol protocol, byte[] in, String... expected) throws Exception {
    assertThat(parse(protocol, in, in.length)).containsExactly(expected);
    assertThat(parse(protocol, in, 1)).containsExactly(expected);
  }

  private static List<String> parse(Protocol protocol, byte[] in, int step) throws Exception {
    Recorder events = new Recorder();
    Protocol.Parser parser = protocol.parser();
    ByteBuffer buf = ByteBuffer.allocate(in.length);
    for (int at = 0; at < in.length; at += step) {
      buf.put(in, at, Math.min(step, in.length - at));
      buf.flip();
      parser.parse(buf, events);
      buf.compact();
    }
    assertThat(buf.position()).as("bytes left unparsed").isZero();
    return events.seen;
  }

  /** Writes down every event as a line. */
  private static final class Recorder implements Protocol.Events {
    final List<String> seen = new ArrayList<>();

    @Override
    public void delivery(ByteBuffer buf, int from, int to) {
      byte[] b = new byte[to - from];
      buf.get(from, b);
      seen.add("delivery " + new String(b, StandardCharsets.ISO_8859_1));
    }

    @Override
    public void reply(boolean ok, String detail) {
      seen.add(ok ? "reply ok" : "reply failed: " + detail);
    }

    @Override
    public void send(byte[] message) {
      seen.add("send " + new String(message, StandardCharsets.ISO_8859_1));
    }
  }
}
