package switchboard.amps;

import java.util.ArrayList;
import java.util.List;

/** Reads the records of one sow batch, whichever transport carried it. */
final class SowRecords {
  /** The sow keys of the last batch read, for tests that delete by key. */
  static final List<String> lastKeys = new ArrayList<>();

  private SowRecords() {}

  static List<String> of(RawClient c, RawClient.Received batch, int count) throws Exception {
    List<String> bodies = new ArrayList<>();
    lastKeys.clear();
    if (c instanceof RawClient.Ws ws) {
      for (int i = 0; i < count; i++) {
        RawClient.Received recordHeader = ws.nextRaw();
        lastKeys.add(recordHeader.get("k"));
        bodies.add(ws.nextRaw().rawHeader());
      }
      return bodies;
    }
    // TCP: the record headers and bodies follow the batch header in the same frame, each body's
    // length given by its header's l
    String rest = batch.body();
    int at = 0;
    for (int i = 0; i < count; i++) {
      int end = rest.indexOf('}', at) + 1;
      var header = RawClient.JSON.readTree(rest.substring(at, end));
      lastKeys.add(header.get("k").asText());
      int len = header.get("l").asInt();
      bodies.add(rest.substring(end, end + len));
      at = end + len;
    }
    return bodies;
  }
}
