package switchboard.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The client WebSocket layer: the upgrade, the server's frames in either mode, masked client frames. */
class WebSocketTest {
  private final List<String> control = new ArrayList<>();
  private final WebSocket.Control recorder = new WebSocket.Control() {
    @Override
    public void upgraded() {
      control.add("upgraded");
    }

    @Override
    public void sendFrame(byte[] frame) {
      control.add("send opcode " + (frame[0] & 0x0F) + " masked " + ((frame[1] & 0x80) != 0));
    }

    @Override
    public void closed(int code, String reason) {
      control.add("closed " + code + " " + reason);
    }
  };

  @Test
  void messagesArePrefixedWithTheirLengthWhateverTheirSizeOrFragments() throws Exception {
    WebSocket ws = new WebSocket(protocol(Protocol.Transport.WS_MESSAGE, false));
    byte[] big = filled(70_000, 'b');
    byte[] medium = filled(200, 'm');
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes(answer(ws));
    in.writeBytes(frame(true, 1, ascii("hello")));
    in.writeBytes(frame(false, 1, ascii("abc")));
    in.writeBytes(frame(true, 9, ascii("ping")));
    in.writeBytes(frame(true, 0, ascii("def")));
    in.writeBytes(frame(true, 2, medium));
    in.writeBytes(frame(true, 1, big));

    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (byte[] m : List.of(ascii("hello"), ascii("abcdef"), medium, big)) {
      expected.writeBytes(ByteBuffer.allocate(4).putInt(m.length).array());
      expected.writeBytes(m);
    }
    assertThat(decode(ws, in.toByteArray(), in.size())).isEqualTo(expected.toByteArray());
    assertThat(control).containsExactly("upgraded", "send opcode 10 masked true");

    control.clear();
    WebSocket again = new WebSocket(protocol(Protocol.Transport.WS_MESSAGE, false));
    byte[] input = in.toByteArray();
    byte[] answer = answer(again);
    System.arraycopy(answer, 0, input, 0, answer.length); // same length: a new key, a new accept
    assertThat(decode(again, input, 1)).isEqualTo(expected.toByteArray());
    assertThat(control).containsExactly("upgraded", "send opcode 10 masked true");
  }

  @Test
  void aStreamIsThePayloadsConcatenated() throws Exception {
    WebSocket ws = new WebSocket(protocol(Protocol.Transport.WS_STREAM, false));
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes(answer(ws));
    in.writeBytes(frame(true, 2, ascii("MSG x 1 3\r")));
    in.writeBytes(frame(false, 2, ascii("\nab")));
    in.writeBytes(frame(true, 0, ascii("c\r\n")));
    in.writeBytes(frame(true, 8, new byte[] {3, (byte) 0xE8, 'b', 'y', 'e'}));
    assertThat(new String(decode(ws, in.toByteArray(), 7), StandardCharsets.US_ASCII)).isEqualTo("MSG x 1 3\r\nabc\r\n");
    assertThat(control).containsExactly("upgraded", "closed 1000 bye");
  }

  @Test
  void aRefusedUpgradeOrAWrongAcceptIsAnError() {
    WebSocket refused = new WebSocket(protocol(Protocol.Transport.WS_MESSAGE, false));
    refused.upgradeRequest("h", 1, "/");
    ByteBuffer notFound = ByteBuffer.wrap(ascii("HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n"));
    assertThatThrownBy(() -> refused.decode(notFound, ByteBuffer.allocate(64), recorder)).hasMessageContaining("404");
    WebSocket wrong = new WebSocket(protocol(Protocol.Transport.WS_MESSAGE, false));
    ByteBuffer badAccept = ByteBuffer.wrap(ascii("HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Accept: nope\r\n\r\n"));
    assertThatThrownBy(() -> wrong.decode(badAccept, ByteBuffer.allocate(64), recorder)).hasMessageContaining("Accept");
  }

  @Test
  void aMessageIsOneMaskedDataFrameOrTheFramesOfAFramedRun() {
    WebSocket plain = new WebSocket(protocol(Protocol.Transport.WS_MESSAGE, false));
    byte[] one = plain.encode(ascii("{\"a\":1}"));
    assertThat(unmask(one)).containsExactly("1:{\"a\":1}");

    WebSocket framed = new WebSocket(protocol(Protocol.Transport.WS_MESSAGE, true));
    ByteBuffer run = ByteBuffer.allocate(64);
    run.put((byte) 2).putInt(4).put(new byte[] {1, 0, 0, 0});
    run.put((byte) 1).putInt(6).put(ascii("header"));
    byte[] frames = framed.encode(Arrays.copyOf(run.array(), run.position()));
    assertThat(unmask(frames)).containsExactly("2:\u0001\u0000\u0000\u0000", "1:header");

    WebSocket stream = new WebSocket(protocol(Protocol.Transport.WS_STREAM, false));
    assertThat(unmask(stream.encode(ascii("PING\r\n")))).containsExactly("2:PING\r\n");
  }

  /** Decodes {@code input} as it would arrive {@code step} bytes at a time, parser side taking all. */
  private byte[] decode(WebSocket ws, byte[] input, int step) throws Exception {
    ByteBuffer in = ByteBuffer.allocate(input.length);
    ByteBuffer out = ByteBuffer.allocate(input.length + 64);
    for (int at = 0; at < input.length; at += step) {
      in.put(input, at, Math.min(step, input.length - at));
      in.flip();
      ws.decode(in, out, recorder);
      in.compact();
    }
    assertThat(in.position()).as("bytes left undecoded").isZero();
    return Arrays.copyOf(out.array(), out.position());
  }

  /** The server's 101 answer to {@code ws}'s upgrade request. */
  private static byte[] answer(WebSocket ws) throws Exception {
    Matcher m = Pattern.compile("Sec-WebSocket-Key: (\\S+)").matcher(new String(ws.upgradeRequest("h", 1, "/"), StandardCharsets.US_ASCII));
    assertThat(m.find()).isTrue();
    byte[] digest = MessageDigest.getInstance("SHA-1").digest(ascii(m.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"));
    return ascii("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
        + Base64.getEncoder().encodeToString(digest) + "\r\n\r\n");
  }

  /** An unmasked server frame. */
  private static byte[] frame(boolean fin, int opcode, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(payload.length + 10);
    b.put((byte) ((fin ? 0x80 : 0) | opcode));
    if (payload.length < 126) {
      b.put((byte) payload.length);
    } else if (payload.length < 65_536) {
      b.put((byte) 126).putShort((short) payload.length);
    } else {
      b.put((byte) 127).putLong(payload.length);
    }
    b.put(payload);
    return Arrays.copyOf(b.array(), b.position());
  }

  /** The client frames in {@code bytes}, each as "opcode:payload", unmasked. */
  private static List<String> unmask(byte[] bytes) {
    List<String> frames = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(bytes);
    while (b.hasRemaining()) {
      int b0 = b.get() & 0xFF;
      int b1 = b.get() & 0xFF;
      assertThat(b0 & 0x80).as("final").isNotZero();
      assertThat(b1 & 0x80).as("masked").isNotZero();
      int len = b1 & 0x7F;
      if (len == 126) {
        len = b.getShort() & 0xFFFF;
      } else if (len == 127) {
        len = (int) b.getLong();
      }
      byte[] mask = new byte[4];
      b.get(mask);
      byte[] payload = new byte[len];
      b.get(payload);
      for (int i = 0; i < len; i++) {
        payload[i] ^= mask[i & 3];
      }
      frames.add((b0 & 0x0F) + ":" + new String(payload, StandardCharsets.ISO_8859_1));
    }
    return frames;
  }

  private static byte[] filled(int n, char c) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) c);
    return b;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Just enough of a protocol for the frame layer: its transport and whether it is framed. */
  private static Protocol protocol(Protocol.Transport transport, boolean framed) {
    return new Protocol() {
      @Override
      public String name() {
        return "test";
      }

      @Override
      public Transport transport() {
        return transport;
      }

      @Override
      public boolean framed() {
        return framed;
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
        return new byte[0];
      }

      @Override
      public byte[] unsubscribe(Interest interest, int sid) {
        return new byte[0];
      }

      @Override
      public byte[] publish(String topic, byte[] payload) {
        return payload;
      }

      @Override
      public Parser parser() {
        return (buf, events) -> buf.position(buf.limit());
      }
    };
  }
}
