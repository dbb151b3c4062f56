package switchboard.server.config;

import java.util.List;

/** Everything wrong with a configuration, one line per problem, reported together. */
public final class ConfigException extends RuntimeException {
  private final List<String> errors;

  public ConfigException(List<String> errors) {
    super(String.join("\n", errors));
    this.errors = List.copyOf(errors);
  }

  public ConfigException(String error) {
    this(List.of(error));
  }

  /** Each problem as one line, starting with the dotted key path (or the file) it concerns. */
  public List<String> errors() {
    return errors;
  }
}
