package switchboard.devicehive;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * One REST endpoint: a method and a path pattern under the REST root whose {@code {name}} segments
 * are captured, e.g. {@code device/{deviceId}/command/{commandId}}.
 */
record RestRoute(String method, String[] segments, Handler handler) {

  @FunctionalInterface
  interface Handler {
    CompletionStage<RestAnswer> handle(RestCall call);
  }

  static RestRoute of(String method, String pattern, Handler handler) {
    return new RestRoute(method, pattern.isEmpty() ? new String[0] : pattern.split("/"), handler);
  }

  /** The captured segments when the path fits the pattern, else null. */
  Map<String, String> match(String[] path) {
    if (path.length != segments.length) {
      return null;
    }
    Map<String, String> captured = new HashMap<>();
    for (int i = 0; i < path.length; i++) {
      String s = segments[i];
      if (s.startsWith("{") && s.endsWith("}")) {
        captured.put(s.substring(1, s.length() - 1), path[i]);
      } else if (!s.equals(path[i])) {
        return null;
      }
    }
    return captured;
  }
}
