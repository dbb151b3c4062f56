package switchboard.bench.harness.proto;

import java.nio.ByteBuffer;
import switchboard.bench.harness.Interest;
import switchboard.bench.harness.Protocol;

/**
 * Switchboard's amps dialect over WebSocket ({@code ws://host:http-port/amps/json}), framed as the
 * AMPS JavaScript client frames it (protocols/amps.md §1.2, {@code AmpsHandler}): a text frame
 * {@code text} naming the message type once, then per command a binary frame holding the number of
 * frames that follow as a little-endian int, a text frame with the JSON header and, for a publish, a
 * text frame with the body. So this protocol is {@link #framed()}. There is no length prefix as over
 * TCP: the frame is the length.
 *
 * <p>The server answers the same way: one frame per header, and the body of a {@code p} (or
 * {@code oof}) in a frame of its own right after its header, or none when the header says
 * {@code "l":0}. Deliveries are reported with the body frame's range, which is the published payload
 * byte for byte.
 *
 * <p>Every request asks for the {@code processed} ack, which is its one reply; a publish asks for none.
 * Commands carry {@code cid}s (logon {@code l}, subscribe {@code s<sid>}, unsubscribe {@code
 * u<sid>}); a failure ack with no {@code cid} answers a publish, which had no reply coming, and is
 * thrown as a {@link Protocol.ProtocolException}.
 */
public final class AmpsWs implements Protocol {
  private static final byte[] ONE = {1, 0, 0, 0};
  private static final byte[] TWO = {2, 0, 0, 0};
  private static final byte[] PREAMBLE = Json.ascii("text");
  private static final byte[] ACK = Json.ascii("{\"c\":\"ack\"");
  private static final byte[] P = Json.ascii("{\"c\":\"p\"");
  private static final byte[] OOF = Json.ascii("{\"c\":\"oof\"");
  private static final byte[] SOW = Json.ascii("{\"c\":\"sow\"");
  private static final byte[] NO_BODY = Json.ascii("\"l\":0");

  @Override
  public String name() {
    return "amps-ws";
  }

  @Override
  public Transport transport() {
    return Transport.WS_MESSAGE;
  }

  @Override
  public String path() {
    return "/amps/json";
  }

  @Override
  public boolean filters() {
    return true;
  }

  @Override
  public boolean framed() {
    return true;
  }

  @Override
  public byte[][] hello(String clientName) {
    String logon = "{\"c\":\"logon\",\"cid\":\"l\",\"client_name\":" + Json.quote(clientName)
        + ",\"user_id\":\"bench\",\"a\":\"processed\"}";
    return new byte[][] {new WsFrames.Builder(64 + logon.length()).text(PREAMBLE).binary(ONE).text(Json.utf8(logon)).build()};
  }

  @Override
  public int helloReplies() {
    return 1;
  }

  @Override
  public byte[] subscribe(Interest interest, int sid) {
    StringBuilder h = new StringBuilder(96).append("{\"c\":\"subscribe\",\"cid\":\"s").append(sid)
        .append("\",\"sub_id\":\"").append(sid).append("\",\"t\":").append(Json.quote(interest.topic()));
    if (interest.filter() != null) {
      h.append(",\"filter\":").append(Json.quote(interest.filter()));
    }
    h.append(",\"a\":\"processed\"}");
    return command(Json.utf8(h.toString()));
  }

  @Override
  public byte[] unsubscribe(Interest interest, int sid) {
    return command(Json.ascii("{\"c\":\"unsubscribe\",\"cid\":\"u" + sid + "\",\"sub_id\":\"" + sid + "\",\"a\":\"processed\"}"));
  }

  /** {@code p} with the payload as its body. */
  @Override
  public byte[] publish(String topic, byte[] payload) {
    byte[] header = Json.utf8("{\"c\":\"p\",\"t\":" + Json.quote(topic) + "}");
    return new WsFrames.Builder(header.length + payload.length + 24).binary(TWO).text(header).text(payload).build();
  }

  private static byte[] command(byte[] header) {
    return new WsFrames.Builder(header.length + 16).binary(ONE).text(header).build();
  }

  @Override
  public Parser parser() {
    return new AmpsParser();
  }

  /** Headers and the bodies that follow them; remembers, between frames, what the next one is. */
  static final class AmpsParser extends MessageParser {
    /** Frames still to come that are bodies (or SOW record headers), not headers. */
    private int bodiesLeft;
    /** Whether those frames alternate record header and body (a {@code sow} batch) rather than one body. */
    private boolean sowRecords;

    @Override
    void message(ByteBuffer buf, int from, int to, Events events) throws ProtocolException {
      if (bodiesLeft > 0) {
        bodiesLeft--;
        // in a sow batch the record headers are the even frames, the bodies the odd ones: neither is
        // a live delivery
        if (!sowRecords) {
          events.delivery(buf, from, to);
        }
        return;
      }
      if (Json.startsWith(buf, from, to, P) || Json.startsWith(buf, from, to, OOF)) {
        if (Json.indexOf(buf, from, to, NO_BODY) < 0) {
          bodiesLeft = 1;
          sowRecords = false;
        }
        return;
      }
      if (Json.startsWith(buf, from, to, ACK)) {
        ack(buf, from, to, events);
        return;
      }
      if (Json.startsWith(buf, from, to, SOW)) {
        String bs = Json.raw(buf, from, to, "bs");
        bodiesLeft = bs == null ? 0 : 2 * Integer.parseInt(bs);
        sowRecords = true;
        return;
      }
      if (to > from && buf.get(from) == '{') {
        return; // heartbeat, group_begin, group_end: nothing to report
      }
      throw new ProtocolException("not an amps header: " + Json.text(buf, from, Math.min(to, from + 200)));
    }

    private static void ack(ByteBuffer buf, int from, int to, Events events) throws ProtocolException {
      String status = Json.string(buf, from, to, "status");
      boolean ok = "success".equals(status);
      String cid = Json.string(buf, from, to, "cid");
      if (cid == null) {
        if (ok) {
          return; // an ack nobody asked for
        }
        throw new ProtocolException("amps refused a command: " + reason(buf, from, to, status));
      }
      events.reply(ok, ok ? null : reason(buf, from, to, status));
    }

    private static String reason(ByteBuffer buf, int from, int to, String status) {
      String reason = Json.string(buf, from, to, "reason");
      return status + (reason == null ? "" : ": " + reason);
    }
  }
}
