package switchboard.devicehive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code server/cacheInfo} and {@code cluster/info} (§3: no auth). There is no Hibernate cache nor a
 * Kafka cluster here: the shapes are DeviceHive's, the values say so.
 */
final class ServerActions {
  private ServerActions() {}

  static void register(DevicehiveDialect d, Map<String, Operation> ops) {
    ops.put("server/cacheInfo", (c, r) -> {
      ObjectNode info = Render.object();
      info.put("serverTimestamp", Times.format(d.clock().instant()));
      info.put("cacheStats", "subscriptions: " + d.hub().subscriptionCount());
      return CompletableFuture.completedFuture(Reply.of(Render.object().set("cacheInfo", info)));
    });
    ops.put("cluster/info", (c, r) -> {
      ObjectNode info = Render.object();
      info.putNull("bootstrap.servers");
      info.putNull("zookeeper.connect");
      return CompletableFuture.completedFuture(Reply.of(Render.object().set("clusterInfo", info)));
    });
  }
}
