package switchboard.bench.harness;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The client side of WebSocket (RFC 6455) for one connection, as the load generator needs it: the
 * upgrade request and the check of its {@code 101} answer, masked client frames, and the decoding of
 * the server's unmasked frames into what the protocol's parser reads (see {@link Protocol.Transport}).
 * Pings are answered with pongs; a close frame ends the connection. One fixed mask per connection is
 * enough: masking protects proxies, not this benchmark. Not thread-safe: one connection, one thread.
 */
public final class WebSocket {
  private static final int CONTINUATION = 0x0;
  private static final int TEXT = 0x1;
  private static final int BINARY = 0x2;
  private static final int CLOSE = 0x8;
  private static final int PING = 0x9;
  private static final int PONG = 0xA;

  private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

  /** What the decoder reports besides data. */
  public interface Control {
    /** The server accepted the upgrade; frames follow. */
    void upgraded();

    /** A complete frame to send back at once (a pong). */
    void sendFrame(byte[] frame);

    /** The server closed the WebSocket. */
    void closed(int code, String reason);
  }

  private final boolean messages;
  private final boolean framed;
  private final byte[] mask = new byte[4];
  private final String key;
  private boolean upgraded;
  /** Whether a fragmented message has begun and not ended. */
  private boolean inMessage;
  /** Message mode: the fragments of the message being read, held until its last one arrives. */
  private ByteBuffer fragments = ByteBuffer.allocate(0);

  /** The WebSocket layer of one connection of a {@link Protocol.Transport#WS_MESSAGE} or WS_STREAM protocol. */
  public WebSocket(Protocol protocol) {
    if (protocol.transport() == Protocol.Transport.TCP) {
      throw new IllegalArgumentException("TCP has no WebSocket frames");
    }
    this.messages = protocol.transport() == Protocol.Transport.WS_MESSAGE;
    this.framed = protocol.framed();
    ThreadLocalRandom.current().nextBytes(mask);
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    this.key = Base64.getEncoder().encodeToString(nonce);
  }

  /** The opcode of the data frames this connection sends: text for messages, binary for a stream. */
  private int dataOpcode() {
    return messages ? TEXT : BINARY;
  }

  /** The HTTP/1.1 upgrade request for {@code path} on {@code host:port}. */
  public byte[] upgradeRequest(String host, int port, String path) {
    return ("GET " + path + " HTTP/1.1\r\n"
        + "Host: " + host + ":" + port + "\r\n"
        + "Upgrade: websocket\r\n"
        + "Connection: Upgrade\r\n"
        + "Sec-WebSocket-Key: " + key + "\r\n"
        + "Sec-WebSocket-Version: 13\r\n"
        + "\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The bytes to write for one protocol message: one masked data frame carrying it or, when the
   * protocol is {@link Protocol#framed() framed}, one masked frame for each frame of the run it holds.
   */
  public byte[] encode(byte[] message) {
    if (!framed) {
      return frame(dataOpcode(), message, 0, message.length);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 32);
    ByteBuffer run = ByteBuffer.wrap(message);
    while (run.hasRemaining()) {
      if (run.remaining() < 5) {
        throw new IllegalArgumentException("a framed message ends inside a frame header");
      }
      int opcode = run.get();
      int len = run.getInt();
      if (len < 0 || len > run.remaining()) {
        throw new IllegalArgumentException("a frame of " + len + " bytes passes the framed message's end");
      }
      out.writeBytes(frame(opcode, message, run.position(), len));
      run.position(run.position() + len);
    }
    return out.toByteArray();
  }

  /** One complete, final, masked frame carrying {@code payload[from, from + n)}. */
  private byte[] frame(int opcode, byte[] payload, int from, int n) {
    int head = n < 126 ? 2 : n < 65_536 ? 4 : 10;
    byte[] out = new byte[head + 4 + n];
    out[0] = (byte) (0x80 | opcode);
    if (n < 126) {
      out[1] = (byte) (0x80 | n);
    } else if (n < 65_536) {
      out[1] = (byte) (0x80 | 126);
      out[2] = (byte) (n >>> 8);
      out[3] = (byte) n;
    } else {
      out[1] = (byte) (0x80 | 127);
      for (int i = 0; i < 8; i++) {
        out[2 + i] = (byte) ((long) n >>> (56 - 8 * i));
      }
    }
    System.arraycopy(mask, 0, out, head, 4);
    int p = head + 4;
    for (int i = 0; i < n; i++) {
      out[p + i] = (byte) (payload[from + i] ^ mask[i & 3]);
    }
    return out;
  }

  /**
   * Moves what it can from {@code in} (read mode: bytes from the socket) to {@code out} (write mode:
   * what the parser will read): first the upgrade answer, then each whole frame's payload, framed as
   * the transport says. Stops at a partial frame or when {@code out} has no room for the next one;
   * {@link #roomNeeded} then says how much room that is.
   *
   * @throws Protocol.ProtocolException when the upgrade is refused or a frame breaks the protocol
   */
  public void decode(ByteBuffer in, ByteBuffer out, Control control) throws Protocol.ProtocolException {
    if (!upgraded && !upgrade(in, control)) {
      return;
    }
    while (in.remaining() >= 2) {
      int at = in.position();
      int b0 = in.get(at) & 0xFF;
      int b1 = in.get(at + 1) & 0xFF;
      if ((b1 & 0x80) != 0) {
        throw new Protocol.ProtocolException("the server sent a masked frame");
      }
      int head = 2;
      long len = b1 & 0x7F;
      if (len == 126) {
        if (in.remaining() < 4) {
          return;
        }
        len = in.getShort(at + 2) & 0xFFFF;
        head = 4;
      } else if (len == 127) {
        if (in.remaining() < 10) {
          return;
        }
        len = in.getLong(at + 2);
        head = 10;
      }
      if (len < 0 || len > Integer.MAX_VALUE - 16) {
        throw new Protocol.ProtocolException("a frame of " + len + " bytes");
      }
      int n = (int) len;
      if (in.remaining() < head + n) {
        return;
      }
      boolean fin = (b0 & 0x80) != 0;
      int opcode = b0 & 0x0F;
      int payload = at + head;
      if (opcode >= CLOSE) {
        control(opcode, in, payload, n, control);
      } else {
        if (!data(opcode, fin, in, payload, n, out)) {
          return;
        }
      }
      in.position(payload + n);
    }
  }

  /**
   * Bytes {@code out} must have free to take the frame at the head of {@code in}, which may not all be
   * there yet; 0 when not even its header is.
   */
  public int roomNeeded(ByteBuffer in) {
    if (!upgraded || in.remaining() < 2) {
      return 0;
    }
    int at = in.position();
    long len = in.get(at + 1) & 0x7F;
    if (len == 126) {
      if (in.remaining() < 4) {
        return 0;
      }
      len = in.getShort(at + 2) & 0xFFFF;
    } else if (len == 127) {
      if (in.remaining() < 10) {
        return 0;
      }
      len = Math.max(0, Math.min(Integer.MAX_VALUE - 16, in.getLong(at + 2)));
    }
    return (int) len + 4 + fragments.position();
  }

  /** Passes on one data frame's payload; false, having taken nothing, when {@code out} lacks room. */
  private boolean data(int opcode, boolean fin, ByteBuffer in, int from, int n, ByteBuffer out)
      throws Protocol.ProtocolException {
    boolean continuation = opcode == CONTINUATION;
    if (continuation != inMessage) {
      throw new Protocol.ProtocolException(continuation ? "a continuation frame with no message begun" : "a new message inside a fragmented one");
    }
    ByteBuffer payload = in.slice(from, n);
    if (!messages) {
      if (out.remaining() < n) {
        return false;
      }
      out.put(payload);
    } else if (!fin) {
      // a partial message must not reach the parser, which would read its length as the whole
      if (fragments.remaining() < n) {
        fragments = ByteBuffer.allocate(Math.max(2 * fragments.capacity(), fragments.position() + n)).put(fragments.flip());
      }
      fragments.put(payload);
    } else {
      int held = fragments.position();
      if (out.remaining() < 4 + held + n) {
        return false;
      }
      out.putInt(held + n).put(fragments.flip()).put(payload);
      fragments.clear();
    }
    inMessage = !fin;
    return true;
  }

  private void control(int opcode, ByteBuffer in, int from, int n, Control control) {
    byte[] payload = new byte[n];
    in.get(from, payload);
    if (opcode == PING) {
      control.sendFrame(frame(PONG, payload, 0, n));
    } else if (opcode == CLOSE) {
      int code = n >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
      String reason = n > 2 ? new String(payload, 2, n - 2, StandardCharsets.UTF_8) : "";
      control.closed(code, reason);
    }
  }

  /** Consumes the upgrade answer when it is all there; true once upgraded. */
  private boolean upgrade(ByteBuffer in, Control control) throws Protocol.ProtocolException {
    int end = indexOf(in, HEADER_END);
    if (end < 0) {
      if (in.remaining() > 16_384) {
        throw new Protocol.ProtocolException("no end to the upgrade answer's headers");
      }
      return false;
    }
    byte[] head = new byte[end - in.position()];
    in.get(head);
    in.position(end + HEADER_END.length);
    String text = new String(head, StandardCharsets.ISO_8859_1);
    String status = text.lines().findFirst().orElse("");
    if (!status.startsWith("HTTP/1.1 101")) {
      throw new Protocol.ProtocolException("upgrade refused: " + status);
    }
    String accept = text.lines()
        .filter(l -> l.toLowerCase(Locale.ROOT).startsWith("sec-websocket-accept:"))
        .map(l -> l.substring(l.indexOf(':') + 1).trim())
        .findFirst().orElse("");
    if (!accept.equals(expectedAccept())) {
      throw new Protocol.ProtocolException("upgrade answered with a wrong Sec-WebSocket-Accept: " + accept);
    }
    upgraded = true;
    control.upgraded();
    return true;
  }

  private String expectedAccept() {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      byte[] digest = sha1.digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int indexOf(ByteBuffer buf, byte[] what) {
    outer:
    for (int i = buf.position(); i + what.length <= buf.limit(); i++) {
      for (int j = 0; j < what.length; j++) {
        if (buf.get(i + j) != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
