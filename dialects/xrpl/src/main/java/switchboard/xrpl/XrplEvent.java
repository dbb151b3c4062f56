package switchboard.xrpl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import switchboard.transport.WebSocketFrames;

/**
 * A pushed message as the engine carries it to xrpl connections (the engine message's attachment):
 * rendered once per api_version on first use, and those bytes shared by every receiver.
 *
 * <p>Read from any event loop: the renderings are published through volatile fields; two threads may
 * both render the same version once, which is harmless (the results are equal).
 */
final class XrplEvent {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ObjectNode message;
  private volatile byte[] v1;
  private volatile byte[] v2;
  private volatile byte[] frame1;
  private volatile byte[] frame2;

  XrplEvent(ObjectNode message) {
    this(message, null);
  }

  /**
   * @param received the bytes the message was read from, or null; used as the version 2 rendering when
   *     the message needs no change for version 2 (it came in version 2)
   */
  XrplEvent(ObjectNode message, byte[] received) {
    this.message = message;
    if (received != null && Rendering.render(message, 2) == message) {
      this.v2 = received;
    }
  }

  ObjectNode message() {
    return message;
  }

  /** The message in this api_version (1, or 2 and above). */
  byte[] bytes(int apiVersion) {
    if (apiVersion >= 2) {
      byte[] b = v2;
      if (b == null) {
        v2 = b = write(Rendering.render(message, 2));
      }
      return b;
    }
    byte[] b = v1;
    if (b == null) {
      v1 = b = write(Rendering.render(message, 1));
    }
    return b;
  }

  /**
   * The message in this api_version as a whole WebSocket text frame, header included, built once and
   * written as it is by every receiver: no frame object, header buffer or second write per delivery.
   * A server frame is not masked; the dialect negotiates no extension, so nothing else transforms it.
   */
  byte[] frame(int apiVersion) {
    if (apiVersion >= 2) {
      byte[] f = frame2;
      if (f == null) {
        frame2 = f = textFrame(bytes(2));
      }
      return f;
    }
    byte[] f = frame1;
    if (f == null) {
      frame1 = f = textFrame(bytes(1));
    }
    return f;
  }

  /** A whole unmasked text frame around {@code payload}. */
  static byte[] textFrame(byte[] payload) {
    byte[] f = new byte[WebSocketFrames.textFrameLength(payload.length)];
    ByteBuf b = Unpooled.wrappedBuffer(f).writerIndex(0);
    WebSocketFrames.writeTextHeader(b, payload.length);
    b.writeBytes(payload);
    return f;
  }

  private static byte[] write(ObjectNode n) {
    try {
      return JSON.writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }
}
