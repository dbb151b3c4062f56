package switchboard.devicehive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One push, rendered once for every subscriber (§3 "Push messages"): everything up to the
 * {@code subscriptionId} value is shared, only the id and the closing brace differ per subscription.
 *
 * @param id the command's or notification's id, which a replay uses to leave out what arrived live
 */
record DhEvent(long id, byte[] prefix) {

  static DhEvent of(String action, String bodyKey, long id, ObjectNode body) {
    ObjectNode o = Render.object();
    o.put("action", action);
    o.set(bodyKey, body);
    byte[] whole = Render.bytes(o); // ends with '}'
    String tail = ",\"subscriptionId\":";
    byte[] t = tail.getBytes(StandardCharsets.US_ASCII);
    byte[] prefix = Arrays.copyOf(whole, whole.length - 1 + t.length);
    System.arraycopy(t, 0, prefix, whole.length - 1, t.length);
    return new DhEvent(id, prefix);
  }

  /** The push as one subscription receives it. */
  byte[] forSubscription(long subscriptionId) {
    byte[] idText = (subscriptionId + "}").getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(prefix, prefix.length + idText.length);
    System.arraycopy(idText, 0, out, prefix.length, idText.length);
    return out;
  }
}
