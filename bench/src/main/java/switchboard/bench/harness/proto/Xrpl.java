package switchboard.bench.harness.proto;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import switchboard.bench.harness.Interest;
import switchboard.bench.harness.Protocol;

/**
 * Switchboard's xrpl dialect: the XRP Ledger server's subscription API on the dialect's own WebSocket
 * listener ({@code ws://host:xrpl.port/}), one JSON object per text frame (protocols/xrpl.md).
 *
 * <p>A topic names an account: {@link #account} maps it, the same way every time, to a valid classic
 * address, and a subscribe asks for {@code accounts:[that address]}. The topic {@value #ALL} asks for
 * the {@code transactions} stream instead, which gets every transaction. Subscribe and unsubscribe
 * carry {@code id: sid} and {@code api_version: 2}, and are answered {@code {"id":..,"result":{},
 * "status":"success","type":"response"}} or with {@code "status":"error"} and {@code error_message}.
 * With api_version 2 the dialect passes an upstream's api_version 2 transaction to subscribers as the
 * very bytes it received.
 *
 * <p>There is no publishing through the dialect: it republishes what its upstream rippled pushes, so
 * {@link #publish} is unsupported and {@link XrplUpstream} publishes, as the upstream (a workload
 * publishes through an {@link XrplPublisher}, which makes every message a transaction of its own).
 * Its transaction messages carry the payload as their first field, {@code bench_payload}; a delivery
 * reports that field's value, or the whole message for a transaction from some other source.
 */
public final class Xrpl implements Protocol {
  /** The topic that subscribes to the {@code transactions} stream rather than an account. */
  public static final String ALL = "transactions";
  static final String PAYLOAD_KEY = "bench_payload";
  private static final String ALPHABET = "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz";
  private static final byte[] PAYLOAD_PREFIX = Json.ascii("{\"" + PAYLOAD_KEY + "\":");
  private static final byte[] RESPONSE_END = Json.ascii("\"type\":\"response\"}");
  private static final byte[] SUCCESS = Json.ascii("\"status\":\"success\"");
  private static final byte[] TRANSACTION = Json.ascii("\"type\":\"transaction\"");
  private static final byte[] ERROR = Json.ascii("\"type\":\"error\"");

  @Override
  public String name() {
    return "xrpl";
  }

  @Override
  public Transport transport() {
    return Transport.WS_MESSAGE;
  }

  @Override
  public byte[][] hello(String clientName) {
    return new byte[0][];
  }

  @Override
  public int helloReplies() {
    return 0;
  }

  @Override
  public byte[] subscribe(Interest interest, int sid) {
    return request("subscribe", interest.topic(), sid);
  }

  @Override
  public byte[] unsubscribe(Interest interest, int sid) {
    return request("unsubscribe", interest.topic(), sid);
  }

  private static byte[] request(String command, String topic, int sid) {
    String what = topic.equals(ALL) ? "\"streams\":[\"transactions\"]" : "\"accounts\":[\"" + account(topic) + "\"]";
    return Json.ascii("{\"id\":" + sid + ",\"command\":\"" + command + "\",\"api_version\":2," + what + "}");
  }

  /** Unsupported: the dialect takes transactions from its upstream only; {@link XrplUpstream} publishes. */
  @Override
  public byte[] publish(String topic, byte[] payload) {
    throw new UnsupportedOperationException("xrpl transactions come from the dialect's upstream: publish with XrplUpstream");
  }

  /**
   * The classic address a topic stands for: the account id is the first 20 bytes of SHA-256 of
   * {@code "switchboard-bench/" + topic}, encoded as XRPL base58check (version byte 0).
   */
  public static String account(String topic) {
    byte[] digest = sha256(("switchboard-bench/" + topic).getBytes(StandardCharsets.UTF_8));
    byte[] payload = new byte[21];
    System.arraycopy(digest, 0, payload, 1, 20);
    byte[] check = sha256(sha256(payload));
    byte[] data = Arrays.copyOf(payload, 25);
    System.arraycopy(check, 0, data, 21, 4);
    StringBuilder out = new StringBuilder(34);
    BigInteger n = new BigInteger(1, data);
    BigInteger radix = BigInteger.valueOf(58);
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(radix);
      out.append(ALPHABET.charAt(qr[1].intValue()));
      n = qr[0];
    }
    for (int i = 0; i < data.length && data[i] == 0; i++) {
      out.append(ALPHABET.charAt(0));
    }
    return out.reverse().toString();
  }

  static byte[] sha256(byte[] in) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(in);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public Parser parser() {
    return new XrplParser();
  }

  /** Responses (one per request) and pushed transactions; other stream messages are ignored. */
  static final class XrplParser extends MessageParser {
    @Override
    void message(ByteBuffer buf, int from, int to, Events events) throws ProtocolException {
      if (Json.startsWith(buf, from, to, PAYLOAD_PREFIX)) {
        int v = from + PAYLOAD_PREFIX.length;
        int end = Json.valueEnd(buf, v, to);
        events.delivery(buf, v, end < 0 ? to : end);
        return;
      }
      // responses are written with their keys in alphabetical order: type comes last
      if (Json.endsWith(buf, from, to, RESPONSE_END)) {
        if (Json.endsWith(buf, from, to - RESPONSE_END.length - 1, SUCCESS)) {
          events.reply(true, null);
        } else {
          String error = Json.string(buf, from, to, "error");
          String message = Json.string(buf, from, to, "error_message");
          events.reply(false, error + (message == null ? "" : ": " + message));
        }
        return;
      }
      if (Json.indexOf(buf, from, to, TRANSACTION) >= 0) {
        events.delivery(buf, from, to);
        return;
      }
      if (Json.indexOf(buf, from, to, ERROR) >= 0) {
        // jsonInvalid: rippled's answer to a request it could not read
        events.reply(false, Json.text(buf, from, Math.min(to, from + 300)));
      }
      // ledgerClosed and the other streams: not asked for, nothing to report
    }
  }
}
