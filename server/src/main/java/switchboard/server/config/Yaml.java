package switchboard.server.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Reads YAML text into a tree and writes a tree back, with errors that name the line. */
final class Yaml {
  private static final YAMLMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
      // A key written twice is almost always a mistake; the last one would silently win.
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      // `limits:` with nothing after it is null, as YAML means, not an empty string.
      .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      // Keeps a string such as "0123" a string when the printed config is read back.
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build());

  private Yaml() {}

  /** The tree of {@code text}; {@link MissingNode} for an empty document. */
  static JsonNode parse(String text, String source) {
    try {
      JsonNode tree = MAPPER.readTree(text);
      return tree == null ? MissingNode.getInstance() : tree;
    } catch (JsonProcessingException e) {
      throw new ConfigException(source + ": " + describe(e));
    }
  }

  static String write(JsonNode tree) {
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a config tree is always writable", e);
    }
  }

  /** {@code line 3, column 7: <problem>}, from SnakeYAML's marks where it has them. */
  private static String describe(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException syntax && syntax.getProblemMark() != null) {
      // Jackson's own location is where its reader stood, often a line before the mistake.
      Mark at = syntax.getProblemMark();
      Mark context = syntax.getContextMark();
      String during = syntax.getContext() == null || context == null ? ""
          : " (" + syntax.getContext() + " at line " + (context.getLine() + 1) + ")";
      return "line " + (at.getLine() + 1) + ", column " + (at.getColumn() + 1) + ": " + syntax.getProblem() + during;
    }
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
    return where + e.getOriginalMessage();
  }
}
