package switchboard.devicehive;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Map;

/**
 * One routed REST request: who asks, the path's named segments ({@code {deviceId}} ...), the query
 * parameters and the JSON body (null when there is none).
 */
record RestCall(RestCaller caller, Channel channel, Map<String, String> path, Map<String, List<String>> query,
    JsonNode body) {

  /** The first value of a query parameter, or null. */
  String param(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }
}
