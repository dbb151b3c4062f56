package switchboard.devicehive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import switchboard.core.spi.Command;
import switchboard.core.spi.CommandQuery;
import switchboard.core.spi.Page;
import switchboard.devicehive.auth.HiveAction;

/** {@code command/insert}, {@code command/update}, {@code command/get}, {@code command/list} (§3). */
final class CommandActions {
  static final int DEFAULT_TAKE = 100;

  private CommandActions() {}

  static void register(DevicehiveDialect d, Map<String, Operation> actions) {
    actions.put("command/insert", (c, r) -> insert(d, c, r));
    actions.put("command/update", (c, r) -> update(d, c, r));
    actions.put("command/get", (c, r) -> get(d, c, r));
    actions.put("command/list", (c, r) -> list(d, c, r));
  }

  private static CompletionStage<Reply> insert(DevicehiveDialect d, Caller c, Request r) {
    Long userId = Access.require(c, HiveAction.CREATE_DEVICE_COMMAND).userId().orElse(null);
    ObjectNode body = r.object("command");
    Request cmd = body == null ? null : new Request(r.action(), r.requestId(), body);
    String name = cmd == null ? null : cmd.text("command");
    Integer lifetime = cmd == null ? null : cmd.intValue("lifetime");
    Instant at = cmd == null ? null : cmd.timestamp("timestamp");
    String status = cmd == null ? null : cmd.text("status");
    return Access.device(d, c, r.deviceId(), HiveAction.CREATE_DEVICE_COMMAND).thenCompose(device -> {
      if (body == null) {
        throw DhException.commandRequired();
      }
      Command draft = Command.newCommand(device, name, userId, Request.raw(body, "parameters"), lifetime)
          .withOutcome(status, Request.raw(body, "result"));
      Command toStore = at == null ? draft : draft.withTimestamp(at);
      return d.blocking(c, () -> {
        Command stored = d.store().commands().insert(toStore);
        d.hub().publish(Topics.commandInserted(stored));
        return stored;
      });
    }).thenApply(stored -> {
      ObjectNode o = Render.object();
      o.set("command", Render.commandInserted(stored));
      return Reply.of(o);
    });
  }

  /** Applies only status and result (§3); an unknown command is 404, not DeviceHive's silence. */
  private static CompletionStage<Reply> update(DevicehiveDialect d, Caller c, Request r) {
    Access.require(c, HiveAction.UPDATE_DEVICE_COMMAND);
    Long commandId = r.longValue("commandId");
    if (commandId == null) {
      throw DhException.badCommandId();
    }
    ObjectNode body = r.object("command");
    String status = body == null ? null : Request.text(body, "status");
    String result = Request.raw(body, "result");
    return Access.device(d, c, r.deviceId(), HiveAction.UPDATE_DEVICE_COMMAND).thenCompose(device -> d.blocking(c, () -> {
      Command updated = d.store().commands().update(device.id(), commandId, status, result)
          .orElseThrow(() -> DhException.commandNotFound(commandId));
      d.hub().publish(Topics.commandUpdated(updated));
      return Reply.EMPTY;
    }));
  }

  private static CompletionStage<Reply> get(DevicehiveDialect d, Caller c, Request r) {
    Access.require(c, HiveAction.GET_DEVICE_COMMAND);
    Long commandId = r.longValue("commandId");
    if (commandId == null) {
      throw DhException.badCommandId();
    }
    return Access.device(d, c, r.deviceId(), HiveAction.GET_DEVICE_COMMAND)
        .thenCompose(device -> d.blocking(c, () -> d.store().commands().find(device.id(), commandId)
            .orElseThrow(() -> DhException.commandNotFound(commandId))))
        .thenApply(cmd -> {
          ObjectNode o = Render.object();
          o.set("command", Render.command(cmd));
          return Reply.of(o);
        });
  }

  private static CompletionStage<Reply> list(DevicehiveDialect d, Caller c, Request r) {
    Access.require(c, HiveAction.GET_DEVICE_COMMAND);
    String name = r.text("command");
    CommandQuery q = CommandQuery.forDevice(r.deviceId() == null ? "" : r.deviceId())
        .withNames(name == null ? null : Set.of(name))
        .between(r.timestamp("start"), r.timestamp("end"))
        .withStatus(r.text("status"))
        .sortedBy(sort(r.text("sortField")), descending(r.text("sortOrder")))
        .withPage(page(r));
    return Access.device(d, c, r.deviceId(), HiveAction.GET_DEVICE_COMMAND)
        .thenCompose(device -> d.blocking(c, () -> d.store().commands().list(q)))
        .thenApply(found -> {
          ArrayNode list = Render.JSON.createArrayNode();
          found.forEach(cmd -> list.add(Render.command(cmd)));
          ObjectNode o = Render.object();
          o.set("commands", list);
          return Reply.of(o);
        });
  }

  private static CommandQuery.Sort sort(String field) {
    if (field == null) {
      return CommandQuery.Sort.TIMESTAMP;
    }
    return switch (field.toLowerCase(Locale.ROOT)) {
      case "command" -> CommandQuery.Sort.COMMAND;
      case "status" -> CommandQuery.Sort.STATUS;
      case "timestamp" -> CommandQuery.Sort.TIMESTAMP;
      default -> throw new DhException(400, "Unknown sort field: " + field);
    };
  }

  static boolean descending(String order) {
    return order != null && order.equalsIgnoreCase("DESC");
  }

  static Page page(Request r) {
    Integer take = r.intValue("take");
    Integer skip = r.intValue("skip");
    if (take != null && take < 0 || skip != null && skip < 0) {
      throw DhException.malformed();
    }
    return Page.of(take == null ? DEFAULT_TAKE : take, skip == null ? 0 : skip);
  }
}
