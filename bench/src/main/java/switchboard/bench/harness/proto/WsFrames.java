package switchboard.bench.harness.proto;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The message format of a {@link switchboard.bench.harness.Protocol#framed() framed} protocol: a run
 * of frames, each a 1-byte opcode, a 4-byte big-endian payload length and the payload. {@link
 * Builder} writes one; {@link #forEach} reads one, for the connection that sends each as a frame.
 */
public final class WsFrames {
  public static final byte TEXT = 1;
  public static final byte BINARY = 2;

  private WsFrames() {}

  /** What {@link #forEach} hands each frame to: its opcode and its payload, {@code message[from, to)}. */
  @FunctionalInterface
  public interface FrameSink {
    void frame(byte opcode, byte[] message, int from, int to);
  }

  /** Calls {@code sink} for each frame of a framed message, in order. */
  public static void forEach(byte[] message, FrameSink sink) {
    ByteBuffer b = ByteBuffer.wrap(message);
    int i = 0;
    while (i < message.length) {
      if (message.length - i < 5) {
        throw new IllegalArgumentException("a framed message ends inside a frame header at " + i);
      }
      byte opcode = message[i];
      int len = b.getInt(i + 1);
      int from = i + 5;
      if (len < 0 || len > message.length - from) {
        throw new IllegalArgumentException("a frame of " + len + " bytes at " + i + " passes the message's end");
      }
      sink.frame(opcode, message, from, from + len);
      i = from + len;
    }
  }

  /** Builds one framed message. */
  public static final class Builder {
    private byte[] buf;
    private int len;

    public Builder(int capacity) {
      buf = new byte[Math.max(16, capacity)];
    }

    public Builder text(byte[] payload) {
      return frame(TEXT, payload);
    }

    public Builder binary(byte[] payload) {
      return frame(BINARY, payload);
    }

    public Builder frame(byte opcode, byte[] payload) {
      ensure(5 + payload.length);
      buf[len] = opcode;
      buf[len + 1] = (byte) (payload.length >>> 24);
      buf[len + 2] = (byte) (payload.length >>> 16);
      buf[len + 3] = (byte) (payload.length >>> 8);
      buf[len + 4] = (byte) payload.length;
      System.arraycopy(payload, 0, buf, len + 5, payload.length);
      len += 5 + payload.length;
      return this;
    }

    public byte[] build() {
      return Arrays.copyOf(buf, len);
    }

    private void ensure(int n) {
      if (len + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
      }
    }
  }
}
