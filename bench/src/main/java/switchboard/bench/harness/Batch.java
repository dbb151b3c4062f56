package switchboard.bench.harness;

import java.nio.ByteBuffer;

/**
 * The frames a publisher has gathered since its last send, in a direct buffer that grows when a frame
 * does not fit (a workload's batch is bounded in messages, not bytes). Not thread-safe.
 */
public final class Batch {
  private ByteBuffer buf;

  public Batch(int initialBytes) {
    buf = ByteBuffer.allocateDirect(initialBytes);
  }

  public void put(byte[] frame) {
    if (buf.remaining() < frame.length) {
      ByteBuffer larger = ByteBuffer.allocateDirect(Math.max(2 * buf.capacity(), buf.position() + frame.length));
      buf = larger.put(buf.flip());
    }
    buf.put(frame);
  }

  /** What was gathered, to be written; {@link #clear} begins the next batch. */
  public ByteBuffer flip() {
    return buf.flip();
  }

  public void clear() {
    buf.clear();
  }
}
