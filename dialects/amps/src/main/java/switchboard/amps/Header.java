package switchboard.amps;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One command header as a client sent it. Both the long and the short key names are accepted
 * (protocols/amps.md §1.4: {@code cmd}/{@code c}, {@code cmd_id}/{@code cid}, {@code topic}/{@code t},
 * {@code ack_type}/{@code a}, {@code opts}/{@code o}, {@code batch_size}/{@code bs} ...), and numbers
 * may come quoted or not. Unknown keys are ignored.
 */
public final class Header {
  String command;
  String commandId;
  String topic;
  String ackType;
  String options;
  String filter;
  String subId;
  String queryId;
  String sowKey;
  String sowKeys;
  String orderBy;
  String correlationId;
  String clientName;
  String userId;
  String password;
  String version;
  String bookmark;
  String sequence;
  String expiration;
  String batchSize;
  String topN;

  /** Where the body starts in the frame: the byte after the header's closing brace. */
  int bodyOffset;

  /** Bytes of a frame copied for its header at first; a longer header is read from a longer copy. */
  static final int FIRST_COPY = 512;
  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[FIRST_COPY]);

  /**
   * Parses the JSON header at the start of {@code bytes[offset, offset+length)}; {@link #bodyOffset}
   * is then an index into {@code bytes}.
   *
   * @throws IOException when the bytes do not start with one JSON object
   */
  static Header parse(byte[] bytes, int offset, int length) throws IOException {
    return parse(bytes, offset, offset + length, false);
  }

  /**
   * Parses the JSON header at the start of a frame; {@link #bodyOffset} is then relative to the
   * buffer's reader index. The buffer's indexes are left as they were.
   *
   * <p>The header's bytes are copied out of the buffer once, into a per-thread array (the first
   * {@value #FIRST_COPY} bytes, more only for a longer header), and read from there: reading a
   * buffer byte by byte checks its bounds and reference count on every byte, which cost more than
   * the parse.
   */
  static Header parse(ByteBuf frame) throws IOException {
    int readable = frame.readableBytes();
    int n = Math.min(readable, FIRST_COPY);
    while (true) {
      byte[] bytes = SCRATCH.get();
      if (bytes.length < n) {
        bytes = new byte[n];
        SCRATCH.set(bytes);
      }
      frame.getBytes(frame.readerIndex(), bytes, 0, n);
      try {
        return parse(bytes, 0, n, n < readable);
      } catch (Truncated e) {
        n = (int) Math.min(readable, n * 4L); // the header goes on past the copy: copy more
      }
    }
  }

  /**
   * Read by hand rather than by a general JSON parser, which cost more to set up for each frame
   * than the whole header takes to read: every value that is not an object or an array is kept as
   * its text (a number as written, {@code true}, {@code false}), null as null; objects and arrays
   * are checked and skipped. What is not JSON is an error, as a strict parser would say.
   *
   * @param truncated the bytes stop before the frame does: running out of them is {@link Truncated},
   *     not an error, since the header may go on. Any other error is the header's own, as the reader
   *     goes left to right and a number, literal or string cut short runs out before it could fail.
   */
  private static Header parse(byte[] bytes, int from, int end, boolean truncated) throws IOException {
    Reader r = new Reader(bytes, from, end, truncated);
    Header h = new Header();
    r.skipSpace();
    r.expect('{');
    r.skipSpace();
    if (r.peek() == '}') {
      r.pos++;
    } else {
      while (true) {
        String key = r.string();
        r.skipSpace();
        r.expect(':');
        r.skipSpace();
        byte c = r.peek();
        if (c == '{' || c == '[') {
          r.skipValue(0);
        } else {
          h.set(key, r.scalar());
        }
        r.skipSpace();
        byte next = r.next();
        if (next == '}') {
          break;
        }
        if (next != ',') {
          throw new IOException("expected ',' or '}' in the header");
        }
        r.skipSpace();
      }
    }
    h.bodyOffset = r.pos;
    return h;
  }

  /** The copied bytes ended inside the header. */
  private static final class Truncated extends IOException {
    Truncated() {
      super("the header goes on past the bytes copied");
    }
  }

  /** A cursor over the header's bytes. */
  private static final class Reader {
    private static final int MAX_DEPTH = 64;
    private final byte[] buf;
    private final int end;
    private final boolean truncated;
    int pos;

    Reader(byte[] buf, int from, int end, boolean truncated) {
      this.buf = buf;
      this.pos = from;
      this.end = end;
      this.truncated = truncated;
    }

    byte peek() throws IOException {
      if (pos >= end) {
        throw truncated ? new Truncated() : new IOException("the header ends too soon");
      }
      return buf[pos];
    }

    byte next() throws IOException {
      byte c = peek();
      pos++;
      return c;
    }

    void expect(char c) throws IOException {
      if (next() != c) {
        throw new IOException("expected '" + c + "' in the header");
      }
    }

    void skipSpace() {
      while (pos < end) {
        byte c = buf[pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
          return;
        }
        pos++;
      }
    }

    /** A string, a number, true, false (as their text) or null. */
    String scalar() throws IOException {
      byte c = peek();
      switch (c) {
        case '"':
          return string();
        case 't':
          literal("true");
          return "true";
        case 'f':
          literal("false");
          return "false";
        case 'n':
          literal("null");
          return null;
        default:
          return number();
      }
    }

    private void literal(String word) throws IOException {
      for (int i = 0; i < word.length(); i++) {
        if (next() != word.charAt(i)) {
          throw new IOException("unknown literal in the header");
        }
      }
    }

    /** JSON's number grammar: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?, kept as written. */
    private String number() throws IOException {
      int start = pos;
      if (peekIs('-')) {
        pos++;
      }
      byte first = next();
      if (first == '0') {
        if (pos < end && isDigit(buf[pos])) {
          throw new IOException("a number in the header has a leading zero");
        }
      } else if (isDigit(first)) {
        digits(0);
      } else {
        throw new IOException("unexpected character in the header");
      }
      if (peekIs('.')) {
        pos++;
        digits(1);
      }
      if (peekIs('e') || peekIs('E')) {
        pos++;
        if (peekIs('+') || peekIs('-')) {
          pos++;
        }
        digits(1);
      }
      return new String(buf, start, pos - start, StandardCharsets.US_ASCII);
    }

    private boolean peekIs(char c) {
      return pos < end && buf[pos] == c;
    }

    private void digits(int atLeast) throws IOException {
      int n = 0;
      while (pos < end && isDigit(buf[pos])) {
        pos++;
        n++;
      }
      if (n < atLeast) {
        throw new IOException("a number in the header lacks digits");
      }
    }

    private static boolean isDigit(byte c) {
      return c >= '0' && c <= '9';
    }

    /** A quoted string, unescaped. */
    String string() throws IOException {
      expect('"');
      int start = pos;
      boolean ascii = true;
      while (true) {
        byte c = next();
        if (c == '"') {
          if (ascii) {
            return new String(buf, start, pos - 1 - start, StandardCharsets.US_ASCII);
          }
          StringBuilder out = new StringBuilder();
          utf8(out, start, pos - 1 - start);
          return out.toString();
        }
        if (c == '\\') {
          pos = start;
          return escapedString();
        }
        if (c >= 0 && c < 0x20) {
          throw new IOException("a control character in a header string");
        }
        ascii &= c >= 0;
      }
    }

    /** The rest of a string that has escapes, from its first character. */
    private String escapedString() throws IOException {
      StringBuilder out = new StringBuilder();
      int run = pos; // start of the bytes since the last escape
      while (true) {
        byte c = next();
        if (c >= 0 && c < 0x20) {
          throw new IOException("a control character in a header string");
        }
        if (c != '"' && c != '\\') {
          continue;
        }
        utf8(out, run, pos - 1 - run);
        if (c == '"') {
          return out.toString();
        }
        byte e = next();
        switch (e) {
          case '"', '\\', '/' -> out.append((char) e);
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> out.append((char) hex4()); // a surrogate pair arrives as two escapes, as in Java
          default -> throw new IOException("an unknown escape in a header string");
        }
        run = pos;
      }
    }

    /** Decodes {@code length} bytes at {@code from} strictly as UTF-8. */
    private void utf8(StringBuilder out, int from, int length) throws IOException {
      if (length == 0) {
        return;
      }
      try {
        out.append(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(buf, from, length)));
      } catch (java.nio.charset.CharacterCodingException e) {
        throw new IOException("a header string is not UTF-8", e);
      }
    }

    private int hex4() throws IOException {
      int v = 0;
      for (int i = 0; i < 4; i++) {
        int d = Character.digit(next(), 16);
        if (d < 0) {
          throw new IOException("a bad \\u escape in a header string");
        }
        v = v << 4 | d;
      }
      return v;
    }

    /** Checks and skips any value, objects and arrays included. */
    void skipValue(int depth) throws IOException {
      byte c = peek();
      if (c != '{' && c != '[') {
        scalar();
        return;
      }
      if (depth >= MAX_DEPTH) {
        throw new IOException("the header nests too deep");
      }
      pos++;
      char close = c == '{' ? '}' : ']';
      skipSpace();
      if (peekIs(close)) {
        pos++;
        return;
      }
      while (true) {
        if (close == '}') {
          string();
          skipSpace();
          expect(':');
          skipSpace();
        }
        skipValue(depth + 1);
        skipSpace();
        byte next = next();
        if (next == close) {
          return;
        }
        if (next != ',') {
          throw new IOException("expected ',' or '" + close + "' in the header");
        }
        skipSpace();
      }
    }
  }

  private void set(String key, String value) {
    switch (key) {
      case "c", "cmd" -> command = value;
      case "cid", "cmd_id" -> commandId = value;
      case "t", "topic" -> topic = value;
      case "a", "ack_type", "ack" -> ackType = value;
      case "o", "opts", "options" -> options = value;
      case "f", "filter" -> filter = value;
      case "sub_id", "sub_ids" -> subId = value;
      case "query_id" -> queryId = value;
      case "k", "sow_key" -> sowKey = value;
      case "sow_keys" -> sowKeys = value;
      case "orderby" -> orderBy = value;
      case "x", "correlation_id" -> correlationId = value;
      case "client_name" -> clientName = value;
      case "user_id" -> userId = value;
      case "pw", "password" -> password = value;
      case "v", "version" -> version = value;
      case "bm", "bookmark" -> bookmark = value;
      case "s", "seq" -> sequence = value;
      case "e", "expiration" -> expiration = value;
      case "bs", "batch_size" -> batchSize = value;
      case "top_n" -> topN = value;
      default -> { } // mt, l, and anything else this server has no use for
    }
  }

  public String command() {
    return command;
  }

  public String commandId() {
    return commandId;
  }

  public String topic() {
    return topic;
  }

  public String subId() {
    return subId;
  }

  public String queryId() {
    return queryId;
  }

  public String filter() {
    return filter;
  }

  public String options() {
    return options;
  }
}
