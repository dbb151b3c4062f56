package switchboard.bench.harness.proto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import switchboard.bench.harness.Interest;
import switchboard.bench.harness.Protocol;

/**
 * MQTT 3.1.1 at QoS 0. The hello is {@code CONNECT} (clean session, keep-alive off), answered by
 * {@code CONNACK}; {@code SUBSCRIBE} (QoS 0) by {@code SUBACK} and {@code UNSUBSCRIBE} by
 * {@code UNSUBACK}, their packet ids taken from the sid (1..65535). Deliveries are {@code PUBLISH}
 * packets, the payload following the topic.
 */
public final class Mqtt implements Protocol {
  private static final int CONNECT = 0x10;
  private static final int CONNACK = 0x20;
  private static final int PUBLISH = 0x30;
  private static final int SUBSCRIBE = 0x82;
  private static final int SUBACK = 0x90;
  private static final int UNSUBSCRIBE = 0xA2;
  private static final int UNSUBACK = 0xB0;

  @Override
  public String name() {
    return "mqtt";
  }

  @Override
  public Transport transport() {
    return Transport.TCP;
  }

  @Override
  public byte[][] hello(String clientName) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    string(body, "MQTT".getBytes(StandardCharsets.US_ASCII));
    body.write(4); // protocol level: 3.1.1
    body.write(0x02); // clean session
    body.write(0); // keep-alive off
    body.write(0);
    string(body, clientName.getBytes(StandardCharsets.UTF_8));
    return new byte[][] {packet(CONNECT, body.toByteArray())};
  }

  @Override
  public int helloReplies() {
    return 1;
  }

  @Override
  public byte[] subscribe(Interest interest, int sid) {
    ByteArrayOutputStream body = packetId(sid);
    string(body, interest.topic().getBytes(StandardCharsets.UTF_8));
    body.write(0); // QoS 0
    return packet(SUBSCRIBE, body.toByteArray());
  }

  @Override
  public byte[] unsubscribe(Interest interest, int sid) {
    ByteArrayOutputStream body = packetId(sid);
    string(body, interest.topic().getBytes(StandardCharsets.UTF_8));
    return packet(UNSUBSCRIBE, body.toByteArray());
  }

  @Override
  public byte[] publish(String topic, byte[] payload) {
    ByteArrayOutputStream body = new ByteArrayOutputStream(payload.length + topic.length() + 2);
    string(body, topic.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(payload);
    return packet(PUBLISH, body.toByteArray());
  }

  private static ByteArrayOutputStream packetId(int sid) {
    int id = Math.floorMod(sid - 1, 65_535) + 1;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(id >>> 8);
    body.write(id & 0xFF);
    return body;
  }

  private static void string(ByteArrayOutputStream out, byte[] s) {
    out.write(s.length >>> 8);
    out.write(s.length & 0xFF);
    out.writeBytes(s);
  }

  private static byte[] packet(int type, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 5);
    out.write(type);
    int len = body.length;
    do {
      int digit = len % 128;
      len /= 128;
      out.write(len > 0 ? digit | 0x80 : digit);
    } while (len > 0);
    out.writeBytes(body);
    return out.toByteArray();
  }

  @Override
  public Parser parser() {
    return (buf, events) -> {
      while (buf.remaining() >= 2) {
        int at = buf.position();
        int len = 0;
        int p = at + 1;
        boolean whole = false;
        for (int shift = 0; p < buf.limit() && shift <= 21; shift += 7) {
          int digit = buf.get(p++) & 0xFF;
          len |= (digit & 0x7F) << shift;
          if ((digit & 0x80) == 0) {
            whole = true;
            break;
          }
        }
        if (!whole) {
          if (p - at > 4) {
            throw new ProtocolException("mqtt: a remaining length of more than 4 bytes");
          }
          return;
        }
        if (p + len > buf.limit()) {
          return;
        }
        int first = buf.get(at) & 0xFF;
        int end = p + len;
        switch (first & 0xF0) {
          case PUBLISH -> {
            int qos = (first >> 1) & 3;
            int from = p + 2 + (buf.get(p) & 0xFF) * 256 + (buf.get(p + 1) & 0xFF) + (qos > 0 ? 2 : 0);
            events.delivery(buf, from, end);
          }
          case CONNACK -> {
            int code = buf.get(p + 1) & 0xFF;
            events.reply(code == 0, "CONNACK return code " + code);
          }
          case SUBACK -> {
            int code = buf.get(end - 1) & 0xFF;
            events.reply(code != 0x80, "SUBACK failure");
          }
          case UNSUBACK -> events.reply(true, "");
          default -> {
            // PINGRESP and the like need nothing
          }
        }
        buf.position(end);
      }
    };
  }
}
