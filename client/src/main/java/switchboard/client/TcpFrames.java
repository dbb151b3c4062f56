package switchboard.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The TCP framing of the {@code amps} protocol (protocols/amps.md §1.1): every frame is a 4-byte
 * unsigned big-endian length (not counting itself), then a compact JSON header, then the body right
 * after the header's closing brace. A SOW batch frame holds its batch header and then, per record, a
 * record header with {@code l} (the body length) followed by exactly {@code l} body bytes.
 */
final class TcpFrames {
  private TcpFrames() {}

  /** One frame: length, header, body (which may be null or empty). */
  static byte[] encode(byte[] header, byte[] body) {
    int bodyLen = body == null ? 0 : body.length;
    int len = header.length + bodyLen;
    byte[] out = new byte[4 + len];
    out[0] = (byte) (len >>> 24);
    out[1] = (byte) (len >>> 16);
    out[2] = (byte) (len >>> 8);
    out[3] = (byte) len;
    System.arraycopy(header, 0, out, 4, header.length);
    if (bodyLen > 0) {
      System.arraycopy(body, 0, out, 4 + header.length, bodyLen);
    }
    return out;
  }

  /**
   * The messages of one frame's payload: one message, or for a {@code sow} batch one message per
   * record, each with the batch header's fields and its own record header's fields on top.
   *
   * @throws IOException when the payload is not a header (and records) as the protocol describes
   */
  static List<Message> parse(byte[] payload) throws IOException {
    int headerEnd = HeaderCodec.objectEnd(payload, 0, payload.length);
    Map<String, String> header = HeaderCodec.parse(payload, 0, headerEnd);
    if (!"sow".equals(header.get(HeaderKeys.COMMAND))) {
      return List.of(new Message(header, Arrays.copyOfRange(payload, headerEnd, payload.length)));
    }
    List<Message> records = new ArrayList<>();
    int pos = headerEnd;
    while (pos < payload.length) {
      int recordEnd = HeaderCodec.objectEnd(payload, pos, payload.length);
      Map<String, String> record = HeaderCodec.parse(payload, pos, recordEnd);
      Map<String, String> merged = new LinkedHashMap<>(header);
      merged.putAll(record);
      merged.put(HeaderKeys.COMMAND, "sow");
      String l = record.get(HeaderKeys.LENGTH);
      int bodyEnd;
      if (l == null) {
        bodyEnd = payload.length; // l is mandatory on TCP; without it the rest can only be this body
      } else {
        long n = parseLength(l);
        if (n > payload.length - recordEnd) {
          throw new IOException("SOW record of " + n + " bytes overruns its frame");
        }
        bodyEnd = recordEnd + (int) n;
      }
      records.add(new Message(merged, Arrays.copyOfRange(payload, recordEnd, bodyEnd)));
      pos = bodyEnd;
    }
    return records;
  }

  private static long parseLength(String l) throws IOException {
    try {
      long n = Long.parseLong(l.trim());
      if (n < 0) {
        throw new IOException("negative SOW record length " + l);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IOException("SOW record length is not a number: " + l, e);
    }
  }

  /**
   * Cuts a byte stream into frames, whatever the reads look like: several frames in one read, or one
   * frame across many. One reader thread only.
   */
  static final class Decoder {
    private final int maxFrame;
    private byte[] buf = new byte[8192];
    private int start;
    private int end;

    /** @param maxFrame the largest payload accepted; a larger length is a broken stream */
    Decoder(int maxFrame) {
      this.maxFrame = maxFrame;
    }

    /**
     * Adds {@code data[off, off+len)} and hands every frame now complete (its payload, without the
     * length) to {@code frames}, in order.
     *
     * @throws IOException when a length is larger than the limit
     */
    void feed(byte[] data, int off, int len, Consumer<byte[]> frames) throws IOException {
      ensure(len);
      System.arraycopy(data, off, buf, end, len);
      end += len;
      while (end - start >= 4) {
        long n = ((buf[start] & 0xffL) << 24) | ((buf[start + 1] & 0xff) << 16)
            | ((buf[start + 2] & 0xff) << 8) | (buf[start + 3] & 0xff);
        if (n > maxFrame) {
          throw new IOException("frame of " + n + " bytes exceeds the limit of " + maxFrame);
        }
        if (end - start - 4 < n) {
          break;
        }
        byte[] frame = Arrays.copyOfRange(buf, start + 4, start + 4 + (int) n);
        start += 4 + (int) n;
        frames.accept(frame);
      }
      if (start == end) {
        start = 0;
        end = 0;
      }
    }

    private void ensure(int more) {
      if (end + more <= buf.length) {
        return;
      }
      int live = end - start;
      if (live + more <= buf.length && start > 0) {
        System.arraycopy(buf, start, buf, 0, live);
      } else {
        byte[] bigger = new byte[Math.max(buf.length * 2, live + more)];
        System.arraycopy(buf, start, bigger, 0, live);
        buf = bigger;
      }
      start = 0;
      end = live;
    }
  }
}
