package switchboard.devicehive;

import java.util.List;
import java.util.concurrent.CompletionStage;
import switchboard.core.Message;
import switchboard.core.Subscription;
import switchboard.core.SubscriptionSpec;
import switchboard.devicehive.auth.HiveAction;

/**
 * {@code GET /device/{deviceId}/command/{commandId}/poll?waitTimeout=0..60} (§6): the command once it
 * has been updated, at once if it already was, else when a {@code command/update} for it arrives; 204
 * when {@code waitTimeout} seconds pass first (default 30).
 *
 * <p>A waiter is an engine subscriber on the device's update topic, owned by the request's event
 * loop, with a timer there: no thread is held while it waits. It subscribes before it reads the
 * store, so an update between the read and the subscription cannot be missed. All of its state is
 * touched on that event loop only.
 */
final class CommandPoll extends RestPoll {
  static final int DEFAULT_WAIT = 30;
  static final int MAX_WAIT = 60;

  private final long commandId;

  private CommandPoll(DevicehiveDialect d, io.netty.channel.Channel channel, long commandId) {
    super(d, channel);
    this.commandId = commandId;
  }

  static CompletionStage<RestAnswer> one(DevicehiveDialect d, RestCall call) {
    int wait = waitTimeout(call.param("waitTimeout"));
    Request r = new Request("command/poll", null, Render.object().put("commandId", call.path().get("commandId")));
    long commandId = r.longValue("commandId");
    return Access.device(d, call.caller(), call.path().get("deviceId"), HiveAction.GET_DEVICE_COMMAND).thenCompose(device -> {
      CommandPoll poll = new CommandPoll(d, call.channel(), commandId);
      d.hub().subscribe(poll, SubscriptionSpec.onTopic(Topics.COMMAND_UPDATE).key(Topics.DEVICE, device.id()).build());
      d.blocking(call.caller(), () -> d.store().commands().find(device.id(), commandId)).whenComplete((found, err) -> {
        if (err != null) {
          poll.fail(err);
        } else if (found.isEmpty()) {
          poll.fail(DhException.commandNotFound(commandId));
        } else if (found.get().isUpdated()) {
          poll.finish(new RestAnswer(200, Render.command(found.get())));
        } else {
          poll.waitFor(wait);
        }
      });
      return poll.answer;
    });
  }

  static int waitTimeout(String text) {
    if (text == null) {
      return DEFAULT_WAIT;
    }
    int wait;
    try {
      wait = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw DhException.malformed();
    }
    if (wait < 0 || wait > MAX_WAIT) {
      throw new DhException(400, "waitTimeout must be between 0 and " + MAX_WAIT);
    }
    return wait;
  }

  @Override
  RestAnswer nothing() {
    return RestAnswer.NO_CONTENT;
  }

  @Override
  public void deliver(Message m, List<Subscription> matched) {
    if (m.attachment() instanceof DhEvent e && e.id() == commandId) {
      finish(new RestAnswer(200, m.json()));
    }
  }
}
