package switchboard.amps;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import switchboard.core.Subscription;
import switchboard.core.SubscriptionLimitException;
import switchboard.core.SubscriptionSpec;
import switchboard.core.TopicSelector;
import switchboard.core.filter.FieldKeys;
import switchboard.core.filter.Filter;
import switchboard.core.sow.SowTopic;

/** subscribe, unsubscribe and the SOW queries of one connection. */
final class SubscriptionCommands {
  private static final boolean[] PATTERN_CHARS = new boolean[128];

  static {
    for (char c : "*+?[](){}^$|\\".toCharArray()) {
      PATTERN_CHARS[c] = true;
    }
  }

  /**
   * A topic with a regular-expression metacharacter is a pattern. A dot alone does not make one:
   * {@code orders.eu} is an ordinary topic name.
   */
  static boolean isPattern(String topic) {
    for (int i = 0; i < topic.length(); i++) {
      char c = topic.charAt(i);
      if (c < 128 && PATTERN_CHARS[c]) {
        return true;
      }
    }
    return false;
  }

  void subscribe(AmpsConnection c, Header h, int asked) throws CommandFailure {
    Commands.received(c, h, asked);
    String subId = h.subId != null ? h.subId : h.commandId != null ? h.commandId : Commands.generatedId();
    h.subId = subId; // echoed in the ack
    start(c, h, subId);
    Acks.success(c, h, asked & AckTypes.PROCESSED);
  }

  /** Registers (or, with option replace, swaps) the subscription named subId, and returns it. */
  Subscription start(AmpsConnection c, Header h, String subId) throws CommandFailure {
    if (subId.isEmpty() || subId.indexOf(',') >= 0) {
      throw new CommandFailure(Reason.INVALID_SUB_ID);
    }
    Options opts = Options.parse(h.options);
    Subscription existing = c.subscriptions.get(subId);
    if (existing != null && !opts.has("replace")) {
      throw new CommandFailure(Reason.SUBID_IN_USE);
    }
    SubscriptionSpec spec = spec(selector(h.topic), filter(h.filter));
    boolean delta = h.command != null && h.command.contains("delta_subscribe");
    AmpsSubscription options = new AmpsSubscription(subId, opts.has("timestamp"), opts.has("no_sowkey"), opts.has("oof"),
        delta, delta && opts.has("no_empties"), h.command != null && h.command.startsWith("sow_and_"));
    Subscription s;
    try {
      s = c.hub.subscribe(c, spec, AmpsSubscription.attachment(options));
    } catch (SubscriptionLimitException e) {
      throw new CommandFailure(Reason.SUBSCRIPTION_LIMIT);
    }
    if (existing != null) {
      // The new one is live before the old one ends: a publish meanwhile matches both, and the
      // delivery, which runs later on this event loop, finds the old one ended. No gap, no duplicate.
      c.hub.unsubscribe(c, existing.id());
      c.queries.ended(List.of(existing)); // its query in progress, if any, ends with it
    }
    c.subscriptions.put(s);
    return s;
  }

  private static TopicSelector selector(String topic) throws CommandFailure {
    if (topic == null || topic.isEmpty()) {
      throw new CommandFailure(Reason.INVALID_TOPIC);
    }
    if (!isPattern(topic)) {
      return TopicSelector.exact(topic);
    }
    try {
      return TopicSelector.regex(topic);
    } catch (PatternSyntaxException e) {
      throw new CommandFailure(Reason.BAD_REGEX_TOPIC);
    }
  }

  /**
   * The hub's spec for a topic and content filter. The filter is the residual; an equality on a field
   * at its top level ({@code /g = 7 AND ...}) is also a key constraint, so that a publish looks only at
   * the subscriptions that may want its value of {@code /g} rather than running every filter on the
   * topic. The constraint admits all the filter accepts, so the filter alone still decides.
   */
  static SubscriptionSpec spec(TopicSelector topic, Filter filter) {
    SubscriptionSpec.Builder b = SubscriptionSpec.on(topic).filter(filter);
    FieldKeys.Constraint k = filter == null ? null : filter.indexKey();
    if (k != null) {
      b.key(k.name(), k.values());
    }
    return b.build();
  }

  private static Filter filter(String text) throws CommandFailure {
    return text == null || text.isBlank() ? null : SowCommands.filter(text);
  }

  /**
   * seed 001: {@code sub_id} is one id, a comma-delimited list, or {@code all}; {@code query_id} (one or
   * a list) cancels SOW queries in progress; with both, everything that matches goes; with neither,
   * the command fails. Ids this connection does not hold are skipped. Acks: received and processed.
   * The processed ack is sent after the hub has ended the subscriptions and their queries in progress
   * have stopped, so nothing of theirs follows it.
   */
  void unsubscribe(AmpsConnection c, Header h, int asked) throws CommandFailure {
    Commands.received(c, h, asked);
    boolean bySub = h.subId != null && !h.subId.isBlank();
    boolean byQuery = h.queryId != null && !h.queryId.isBlank();
    if (!bySub && !byQuery) {
      throw new CommandFailure(Reason.INVALID_SUB_ID);
    }
    if (bySub) {
      List<Subscription> ended;
      if (h.subId.trim().equals("all")) {
        ended = c.hub.unsubscribeAll(c);
        c.subscriptions.clear();
      } else {
        List<switchboard.core.SubscriptionId> ids = new ArrayList<>();
        for (String id : ids(h.subId)) {
          Subscription s = c.subscriptions.remove(id);
          if (s != null) {
            ids.add(s.id());
          }
        }
        ended = c.hub.unsubscribe(c, ids);
      }
      c.queries.ended(ended); // a sow_and_subscribe still answering stops with its subscription
    }
    if (byQuery) {
      c.queries.cancel(ids(h.queryId));
    }
    Acks.success(c, h, asked & AckTypes.PROCESSED);
  }

  /** A comma-delimited list of ids (sub_id, query_id, sow_keys), trimmed, empty items dropped. */
  static List<String> ids(String list) {
    List<String> out = new ArrayList<>();
    for (String s : list.split(",")) {
      String id = s.trim();
      if (!id.isEmpty()) {
        out.add(id);
      }
    }
    return out;
  }

  /**
   * sow and sow_and_subscribe. On a State-of-the-World topic the query answers from its records; on
   * any other topic {@code sow} fails with {@code invalid topic}, and sow_and_subscribe answers an
   * empty query (group_begin, group_end) and then delivers live, as AMPS does on a topic without a SOW.
   */
  void sow(AmpsConnection c, Header h, int asked, boolean andSubscribe, SowCommands sow) throws CommandFailure {
    Commands.received(c, h, asked);
    selector(h.topic);
    String id = h.commandId != null ? h.commandId : Commands.generatedId();
    if (h.queryId == null) {
      h.queryId = h.subId != null ? h.subId : id;
    }
    if (andSubscribe && h.subId == null) {
      h.subId = h.queryId;
    }
    SowTopic t = sow.topic(h.topic);
    if (t != null) {
      sow.query(c, h, asked, t, andSubscribe, this);
      return;
    }
    if (!andSubscribe) {
      throw new CommandFailure(Reason.INVALID_TOPIC);
    }
    Subscription s = start(c, h, h.subId);
    SowCommands.answer(c, h, asked, h.topic, List.of(), 0, 0, 1, s);
  }
}
