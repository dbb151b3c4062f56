package switchboard.transport;

import io.netty.buffer.ByteBuf;

/**
 * Server-to-client WebSocket frame headers written by hand (RFC 6455 §5.2), for a dialect that puts
 * whole frames into a {@link Connection#reserve reserved} buffer instead of handing a frame object to
 * the pipeline. A server frame is not masked; no extension is negotiated, so nothing else changes it.
 */
public final class WebSocketFrames {
  private WebSocketFrames() {}

  /** Bytes of the header of an unfragmented frame with {@code payload} bytes. */
  public static int headerLength(int payload) {
    return payload < 126 ? 2 : payload <= 0xFFFF ? 4 : 10;
  }

  /** Bytes of a whole text frame with {@code payload} bytes. */
  public static int textFrameLength(int payload) {
    return headerLength(payload) + payload;
  }

  /** Writes the header of an unfragmented text frame: FIN and opcode 1, then the length in 7, 7+16 or 7+64 bits. */
  public static void writeTextHeader(ByteBuf out, int payload) {
    out.writeByte(0x81);
    if (payload < 126) {
      out.writeByte(payload);
    } else if (payload <= 0xFFFF) {
      out.writeByte(126).writeShort(payload);
    } else {
      out.writeByte(127).writeLong(payload);
    }
  }
}
