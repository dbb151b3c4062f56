package switchboard.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a {@link Config}: the embedded defaults, deep-merged with the user's file, then with
 * command-line overrides, then bound and checked. Every problem is reported in one
 * {@link ConfigException}.
 */
public final class ConfigLoader {
  /** Every key with its default and its meaning; the reference for the configuration. */
  private static final String DEFAULTS = "/switchboard-defaults.yaml";

  private ConfigLoader() {}

  /**
   * The configuration the defaults, {@code file} and {@code overrides} make together.
   *
   * @param file a YAML file overriding some defaults, or null for the defaults alone
   * @param overrides {@code key=value} assignments applied after the file, in order; the key is a
   *     dotted path ({@code limits.max-frame-bytes}), the value a YAML value ({@code 65536},
   *     {@code true}, {@code 30s}, {@code [a, b]})
   * @throws ConfigException listing every problem found
   */
  public static Config load(Path file, List<String> overrides) {
    ObjectNode tree = (ObjectNode) Yaml.parse(defaultsText(), DEFAULTS);
    if (file != null) {
      merge(tree, document(read(file), file.toString()));
    }
    List<String> errors = new ArrayList<>();
    for (String assignment : overrides) {
      ObjectNode overlay = override(assignment, errors);
      if (overlay != null) {
        merge(tree, overlay);
      }
    }
    Config config = new ConfigBinder(errors).bind(tree, Config.class);
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    return config;
  }

  /**
   * Overlays {@code overlay} on {@code base}: sections merge key by key, anything else replaces.
   * A section left empty ({@code limits:} with every key commented out) keeps its defaults.
   */
  private static void merge(ObjectNode base, JsonNode overlay) {
    overlay.fields().forEachRemaining(field -> {
      JsonNode existing = base.get(field.getKey());
      JsonNode value = field.getValue();
      boolean emptySection = existing != null && existing.isObject() && value.isNull();
      if (existing instanceof ObjectNode section && value.isObject()) {
        merge(section, value);
      } else if (!emptySection) {
        base.set(field.getKey(), value);
      }
    });
  }

  /** {@code a.b=v} as the document {@code {a: {b: v}}}, or null after recording why it is not one. */
  private static ObjectNode override(String assignment, List<String> errors) {
    int eq = assignment.indexOf('=');
    String key = eq < 0 ? "" : assignment.substring(0, eq).strip();
    if (key.isEmpty() || key.startsWith(".") || key.endsWith(".") || key.contains("..")) {
      errors.add("--set " + assignment + ": expected KEY=VALUE with a dotted key, such as limits.max-frame-bytes=65536");
      return null;
    }
    JsonNode value;
    try {
      value = Yaml.parse(assignment.substring(eq + 1), "--set " + key);
    } catch (ConfigException e) {
      errors.addAll(e.errors());
      return null;
    }
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode at = root;
    String[] parts = key.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      at = at.putObject(parts[i]);
    }
    // An empty value is null, as an empty value in a YAML file is.
    at.set(parts[parts.length - 1], value.isMissingNode() ? JsonNodeFactory.instance.nullNode() : value);
    return root;
  }

  private static JsonNode document(String text, String source) {
    JsonNode doc = Yaml.parse(text, source);
    if (doc.isMissingNode() || doc.isNull()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!doc.isObject()) {
      throw new ConfigException(source + ": expected sections such as 'http:' and 'limits:' at the top level");
    }
    return doc;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": no such file");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e);
    }
  }

  private static String defaultsText() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULTS + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULTS, e);
    }
  }
}
