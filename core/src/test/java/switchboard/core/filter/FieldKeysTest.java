package switchboard.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which filters imply a key constraint, the canonical values on both sides, and the key names. Whether
 * the index then delivers exactly what the filters accept is {@link FieldKeysPropertyTest}'s matter.
 */
class FieldKeysTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static FieldKeys.Constraint key(String filter) throws FilterException {
    return Filter.compile(filter).indexKey();
  }

  /** Filter, then the key name and its values (space-separated) the filter implies. */
  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "/g = 7 | json:/g | 7",
      "/g == 7 | json:/g | 7",
      "7 = /g | json:/g | 7",
      "(/g = 7) | json:/g | 7",
      "/g = 7.0 | json:/g | 7",
      "/g = 7e0 | json:/g | 7",
      "/g = 700e-2 | json:/g | 7",
      "/g = -7 | json:/g | -7",
      "/g = 0.5 | json:/g | 0.5",
      "/g = 1e19 | json:/g | 1.0E19",
      "/g = 9223372036854775807 | json:/g | 9223372036854775807",
      "/g = 9223372036854775808 | json:/g | 9.223372036854776E18",
      "/g = '7' | json:/g | 7",
      "/g = '07' | json:/g | 07 7",
      "/g = '7.0' | json:/g | 7.0 7",
      "/g = 'IBM' | json:/g | IBM",
      "/g = 'ibm' | json:/g | ibm",
      "/g = true | json:/g | 1",
      "/g = FALSE | json:/g | 0",
      "/g IN (1, 2, 'x') | json:/g | 1 2 x",
      "/g IN (1, 1.0, '1') | json:/g | 1",
      "/g IN (1, NULL, '') | json:/g | 1",
      "/a/b = 1 | json:/a/b | 1",
      "/a/b[2]/c = 1 | json:/a/b[2]/c | 1",
      "/a/b/[2]/c = 1 | json:/a/b[2]/c | 1",
      "[/Not Xpath Name] = 'x' | json:/Not Xpath Name | x",
      "/content-type = 'x' | json:/content-type | x",
      "/g = 7 AND /v > 1 | json:/g | 7",
      "/v > 1 AND /g = 7 | json:/g | 7",
      "/g IN (1, 2) AND /h = 3 | json:/h | 3",
      "/g = '7.0' AND /h = 1 | json:/h | 1",
      "/g = '7.0' AND /h IN (1, 2) | json:/g | 7.0 7",
      "/g = 'x' AND /h = 'y' | json:/g | x",
      "(/v > 1 AND (/g = 7 AND /w < 2)) AND /x LIKE 'a' | json:/g | 7",
      "/g = 7 AND (/h = 1 OR /h = 2) | json:/g | 7",
  })
  void equalityConjunctsImplyAConstraint(String filter, String name, String values) throws Exception {
    FieldKeys.Constraint k = key(filter);
    assertThat(k).as(filter).isNotNull();
    assertThat(k.name()).isEqualTo(name);
    assertThat(k.values()).containsExactlyInAnyOrderElementsOf(Arrays.asList(values.split(" ")));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "/g = 1 OR /h = 2", "/g = 1 OR /g = 2", "NOT /g = 1", "NOT (/g = 1 AND /h = 2)", "/g != 1", "/g <> 1",
      "/g > 1", "/g >= 1", "/g BETWEEN 1 AND 1", "/g NOT IN (1, 2)", "/g IN (1, /h)", "/g IN (1 + 1)",
      "/g = /h", "1 = 1", "/g = 1 + 0", "/g + 0 = 1", "-/g = 1", "LOWER(/g) = 'a'", "/g = NULL", "/g = ''",
      "/g IN (NULL, '')", "/g IS NULL", "/g LIKE '^7$'", "/g BEGINS WITH ('7')", "/g", "(/g = 1) = TRUE",
      "/h > 1 AND (/g = 1 OR /g = 2)",
  })
  void otherFiltersImplyNone(String filter) throws Exception {
    assertThat(key(filter)).as(filter).isNull();
  }

  @Test
  void matchAllImpliesNone() {
    assertThat(Filter.matchAll().indexKey()).isNull();
  }

  private static List<String> values(String name, String doc) throws Exception {
    return FieldKeys.values(JSON.readTree(doc), name);
  }

  /** Document, then the values of json:/g in it (comma-separated, empty for none). */
  @ParameterizedTest(name = "{0} -> [{1}]")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{\"g\":7} | 7",
      "{\"g\":-7} | -7",
      "{\"g\":7.0} | 7",
      "{\"g\":7e0} | 7",
      "{\"g\":-0.0} | 0",
      "{\"g\":0.5} | 0.5",
      "{\"g\":9007199254740993} | 9007199254740993",
      "{\"g\":9007199254740993.0} | 9007199254740992",
      "{\"g\":9223372036854775807} | 9223372036854775807",
      "{\"g\":9223372036854775808} | 9.223372036854776E18",
      "{\"g\":1e19} | 1.0E19",
      "{\"g\":1e400} | Infinity",
      "{\"g\":true} | 1",
      "{\"g\":false} | 0",
      "{\"g\":\"7\"} | 7",
      "{\"g\":\"+7\"} | +7,7",
      "{\"g\":\"07\"} | 07,7",
      "{\"g\":\"7.0\"} | 7.0,7",
      "{\"g\":\"7e0\"} | 7e0,7",
      "{\"g\":\".5\"} | .5,0.5",
      "{\"g\":\" 7\"} | ` 7`",
      "{\"g\":\"IBM\"} | IBM",
      "{\"g\":\"true\"} | true",
      "{\"g\":\"\"} | ``",
      "{\"g\":null} | ``",
      "{\"h\":7} | ``",
      "{\"g\":{\"x\":7}} | ``",
      "{\"g\":[]} | ``",
      "{\"g\":[1,7,\"7\",\"x\",null,[8],{\"y\":9}]} | 1,7,x",
      "{\"g\":[\"07\",7.0]} | 07,7",
      "[{\"g\":1},{\"g\":[2,3]},{\"h\":4}] | 1,2,3",
  })
  void messageValuesAreCanonical(String doc, String expected) throws Exception {
    List<String> want = expected.isEmpty() ? List.of() : Arrays.asList(expected.split(","));
    assertThat(values("json:/g", doc)).as(doc).containsExactlyElementsOf(want);
  }

  @Test
  void pathsReachNestedFieldsAsTheFilterDoes() throws Exception {
    String doc = "{\"a\":{\"b\":[{\"c\":1},{\"c\":2}]},\"items\":[{\"price\":5},{\"price\":[50,51]}],"
        + "\"Not Xpath Name\":\"x\"}";
    assertThat(values("json:/a/b[1]/c", doc)).containsExactly("2");
    assertThat(values("json:/a/b/c", doc)).containsExactly("1", "2");
    assertThat(values("json:/items/price", doc)).containsExactly("5", "50", "51");
    assertThat(values("json:/Not Xpath Name", doc)).containsExactly("x");
    assertThat(values("json:/a/missing", doc)).isEmpty();
    assertThat(values("json:/a", doc)).isEmpty(); // an object
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"json:", "json:g", "json://g", "json:/g[", "json:/g[x]", "json:/g/", "deviceId"})
  void aNameThatIsNotAPathHasNoValues(String name) throws Exception {
    assertThat(values(name, "{\"g\":7,\"\":7}")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/g", "/a/b[0]", "[0]", "/a[1][2]/b", "/x]y", "/a.b:c@d#e$f", "/Not Xpath Name", "[-1]"})
  void keyNamesReadBackToTheirPath(String path) {
    Operands.Ident id = FieldKeys.parse(path);
    assertThat(id).isNotNull();
    assertThat(id.path()).isEqualTo(path);
  }

  @Test
  void constraintValuesAreACopy() {
    Set<String> values = new HashSet<>(Set.of("7"));
    FieldKeys.Constraint c = new FieldKeys.Constraint("json:/g", values);
    values.add("8");
    assertThat(c.values()).containsExactly("7");
  }
}
