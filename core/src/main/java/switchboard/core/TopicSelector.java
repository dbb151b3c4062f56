package switchboard.core;

import java.util.Objects;
import java.util.regex.Pattern;

/** Which topics a subscription covers: one exact topic, or every topic a regular expression matches. */
public sealed interface TopicSelector {

  static TopicSelector exact(String topic) {
    return new Exact(topic);
  }

  /**
   * A topic pattern. Matching is {@link java.util.regex.Matcher#matches() whole-topic}: {@code orders\..*}
   * covers {@code orders.eu} but {@code orders} alone does not cover {@code orders.eu}.
   *
   * @throws java.util.regex.PatternSyntaxException when the pattern is not a valid regular expression
   */
  static TopicSelector regex(String pattern) {
    return new Regex(Pattern.compile(pattern));
  }

  /** True when this selector covers the topic. */
  boolean covers(String topic);

  /** The topic itself, or the pattern's source. */
  String text();

  record Exact(String topic) implements TopicSelector {
    public Exact {
      Objects.requireNonNull(topic, "topic");
    }

    @Override
    public boolean covers(String t) {
      return topic.equals(t);
    }

    @Override
    public String text() {
      return topic;
    }
  }

  record Regex(Pattern pattern) implements TopicSelector {
    public Regex {
      Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public boolean covers(String t) {
      return pattern.matcher(t).matches();
    }

    @Override
    public String text() {
      return pattern.pattern();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Regex r && r.pattern.pattern().equals(pattern.pattern())
          && r.pattern.flags() == pattern.flags();
    }

    @Override
    public int hashCode() {
      return pattern.pattern().hashCode();
    }
  }
}
