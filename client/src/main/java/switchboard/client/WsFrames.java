package switchboard.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The WebSocket framing of the {@code amps} protocol (protocols/amps.md §1.2).
 *
 * <p>Client to server: once, the text frame {@code text} (the JSON message type); then per command a
 * binary frame holding the number N of frames that follow as a 4-byte little-endian integer, the
 * header as a text frame, and N-1 body frames (one for a command with a body).
 *
 * <p>Server to client: each header is a text frame of its own. A {@code p}/{@code publish}/{@code oof}
 * header is followed by one body frame, unless it says {@code "l":0}; a {@code sow} batch header with
 * {@code bs} = N is followed by N pairs of frames (record header, body); every other header stands
 * alone.
 */
final class WsFrames {
  /** The first frame a client sends: the message type, {@code text} for JSON. */
  static final String PREAMBLE = "text";

  private WsFrames() {}

  /** One WebSocket frame to send. */
  record Frame(boolean text, byte[] data) {
    String asText() {
      return new String(data, StandardCharsets.UTF_8);
    }
  }

  /** The frames of one command: the count, the header, and the body when there is one. */
  static List<Frame> encode(byte[] header, byte[] body) {
    int n = body == null ? 1 : 2;
    byte[] count = ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(n).array();
    List<Frame> frames = new ArrayList<>(3);
    frames.add(new Frame(false, count));
    frames.add(new Frame(true, header));
    if (body != null) {
      // JSON bodies go as text, as the JS client sends them; bytes that are not UTF-8 as binary
      frames.add(new Frame(isUtf8(body), body));
    }
    return frames;
  }

  static boolean isUtf8(byte[] b) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** Reassembles messages from the server's frames. One reader at a time. */
  static final class Decoder {
    private Map<String, String> header;
    private Map<String, String> record;
    private long framesLeft;

    /**
     * Takes one whole WebSocket message (text or binary) and hands each message it completes to
     * {@code out}.
     *
     * @throws IOException when a header frame is not a JSON object
     */
    void frame(byte[] data, Consumer<Message> out) throws IOException {
      if (header == null) {
        startHeader(data, out);
        return;
      }
      framesLeft--;
      if (!"sow".equals(header.get(HeaderKeys.COMMAND))) {
        Map<String, String> h = header;
        header = null;
        out.accept(new Message(h, data));
        return;
      }
      if (record == null) {
        record = HeaderCodec.parse(data, 0, HeaderCodec.objectEnd(data, 0, data.length));
      } else {
        Map<String, String> merged = new LinkedHashMap<>(header);
        merged.putAll(record);
        merged.put(HeaderKeys.COMMAND, "sow");
        record = null;
        out.accept(new Message(merged, data));
      }
      if (framesLeft == 0) {
        header = null;
      }
    }

    private void startHeader(byte[] data, Consumer<Message> out) throws IOException {
      Map<String, String> h = HeaderCodec.parse(data, 0, HeaderCodec.objectEnd(data, 0, data.length));
      String c = h.getOrDefault(HeaderKeys.COMMAND, "");
      switch (c) {
        case "p", "publish", "oof", "delta_publish" -> {
          if ("0".equals(h.get(HeaderKeys.LENGTH))) {
            out.accept(new Message(h, null));
          } else {
            header = h;
            framesLeft = 1;
          }
        }
        case "sow" -> {
          long records = batchSize(h.get(HeaderKeys.BATCH_SIZE));
          if (records > 0) {
            header = h;
            record = null;
            framesLeft = 2 * records;
          }
        }
        default -> out.accept(new Message(h, null));
      }
    }

    /** {@code bs}; JS requires it, so a missing or broken one is read as a batch of one record. */
    private static long batchSize(String bs) {
      if (bs == null) {
        return 1;
      }
      try {
        return Long.parseLong(bs.trim());
      } catch (NumberFormatException e) {
        return 1;
      }
    }
  }
}
