package switchboard.bench.harness.proto;

import java.nio.ByteBuffer;
import switchboard.bench.harness.Protocol;

/**
 * A parser for a {@link Protocol.Transport#WS_MESSAGE} protocol: cuts what arrives into WebSocket
 * messages (each preceded by its length as a 4-byte big-endian int) and hands each whole one to
 * {@link #message}; a trailing partial one is left in the buffer.
 */
abstract class MessageParser implements Protocol.Parser {
  @Override
  public final void parse(ByteBuffer buf, Protocol.Events events) throws Protocol.ProtocolException {
    int p = buf.position();
    int limit = buf.limit();
    while (limit - p >= 4) {
      int len = buf.getInt(p);
      if (len < 0) {
        throw new Protocol.ProtocolException("negative message length " + len);
      }
      if (limit - p - 4 < len) {
        break;
      }
      int from = p + 4;
      int to = from + len;
      p = to;
      buf.position(p); // consumed even when message() throws
      message(buf, from, to, events);
    }
    buf.position(p);
  }

  /** One whole WebSocket message, {@code buf[from, to)}. */
  abstract void message(ByteBuffer buf, int from, int to, Protocol.Events events) throws Protocol.ProtocolException;
}
