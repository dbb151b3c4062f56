package switchboard.bench.harness.proto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import switchboard.bench.harness.Interest;
import switchboard.bench.harness.Protocol;

/**
 * Redis pub/sub over RESP2. {@code SUBSCRIBE} and {@code UNSUBSCRIBE} are answered by arrays
 * {@code [subscribe|unsubscribe, channel, count]}, the replies; deliveries are arrays
 * {@code [message, channel, payload]}. The integer each {@code PUBLISH} gets back is an answer to a
 * publish, which has no reply here, so it is dropped; an error is a failed reply.
 */
public final class Redis implements Protocol {
  private static final byte[] MESSAGE = "message".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SUBSCRIBE = "subscribe".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] UNSUBSCRIBE = "unsubscribe".getBytes(StandardCharsets.US_ASCII);

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public Transport transport() {
    return Transport.TCP;
  }

  @Override
  public byte[][] hello(String clientName) {
    return new byte[0][];
  }

  @Override
  public int helloReplies() {
    return 0;
  }

  @Override
  public byte[] subscribe(Interest interest, int sid) {
    return command("SUBSCRIBE", utf8(interest.topic()));
  }

  @Override
  public byte[] unsubscribe(Interest interest, int sid) {
    return command("UNSUBSCRIBE", utf8(interest.topic()));
  }

  @Override
  public byte[] publish(String topic, byte[] payload) {
    return command("PUBLISH", utf8(topic), payload);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] command(String name, byte[]... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8("*" + (args.length + 1) + "\r\n$" + name.length() + "\r\n" + name + "\r\n"));
    for (byte[] a : args) {
      out.writeBytes(utf8("$" + a.length + "\r\n"));
      out.writeBytes(a);
      out.writeBytes(utf8("\r\n"));
    }
    return out.toByteArray();
  }

  @Override
  public Parser parser() {
    return (buf, events) -> {
      int[] bulk = new int[6]; // from and to of an array's first three bulk strings
      while (buf.hasRemaining()) {
        int at = buf.position();
        int eol = Text.crlf(buf, at);
        if (eol < 0) {
          return;
        }
        byte type = buf.get(at);
        int end;
        if (type == '*') {
          end = array(buf, at, eol, bulk);
          if (end < 0) {
            return;
          }
          if (equal(buf, bulk[0], bulk[1], MESSAGE)) {
            events.delivery(buf, bulk[4], bulk[5]);
          } else if (equal(buf, bulk[0], bulk[1], SUBSCRIBE) || equal(buf, bulk[0], bulk[1], UNSUBSCRIBE)) {
            events.reply(true, "");
          }
        } else if (type == '-') {
          events.reply(false, Text.ascii(buf, at + 1, eol));
          end = eol + 2;
        } else if (type == ':' || type == '+') {
          end = eol + 2; // a PUBLISH's count; nothing asked for a simple string
        } else {
          throw new ProtocolException("redis: " + Text.ascii(buf, at, eol));
        }
        buf.position(end);
      }
    };
  }

  /**
   * The end of the array at {@code at} (header line ending at {@code eol}), or -1 when not all there;
   * fills {@code bulk} with the ranges of its first three elements when they are bulk strings.
   */
  private static int array(ByteBuffer buf, int at, int eol, int[] bulk) throws Protocol.ProtocolException {
    long count = Text.number(buf, at + 1, eol);
    Arrays.fill(bulk, -1);
    int p = eol + 2;
    for (int i = 0; i < count; i++) {
      int lineEnd = Text.crlf(buf, p);
      if (lineEnd < 0) {
        return -1;
      }
      byte type = buf.get(p);
      if (type == '$') {
        long len = Text.number(buf, p + 1, lineEnd);
        int from = lineEnd + 2;
        int to = from + (int) Math.max(0, len);
        if (to + 2 > buf.limit()) {
          return -1;
        }
        if (i < 3) {
          bulk[2 * i] = from;
          bulk[2 * i + 1] = to;
        }
        p = to + 2;
      } else if (type == ':' || type == '+' || type == '-') {
        p = lineEnd + 2;
      } else {
        throw new Protocol.ProtocolException("redis: a nested " + (char) type + " in a push");
      }
    }
    return p;
  }

  private static boolean equal(ByteBuffer buf, int from, int to, byte[] word) {
    return from >= 0 && to - from == word.length && Text.startsWith(buf, from, to, word);
  }
}
