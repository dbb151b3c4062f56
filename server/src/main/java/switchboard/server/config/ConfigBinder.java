package switchboard.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a YAML tree to config records through their record components, key {@code fooBar} from
 * YAML key {@code foo-bar}. Written by hand rather than with Jackson's databind so that it goes on
 * after a problem and reports every one, each with the dotted path of its key.
 *
 * <p>Supported component types: int, long, boolean, double, String and Path (both may be null),
 * Duration, enums (kebab-case constants), nested records, {@code List<T>} and
 * {@code Map<String, T>} of those.
 */
final class ConfigBinder {
  /** What a value that could not be bound becomes; its problem is already recorded. */
  private static final Object INVALID = new Object();

  private final List<String> errors;

  /** A binder that appends each problem it finds to {@code errors}. */
  ConfigBinder(List<String> errors) {
    this.errors = errors;
  }

  /** {@code tree} as a {@code type}, or null when a problem was recorded. */
  <T extends Record> T bind(JsonNode tree, Class<T> type) {
    Object value = record(tree, type, "");
    return value == INVALID ? null : type.cast(value);
  }

  private Object record(JsonNode node, Class<?> type, String path) {
    if (!node.isObject()) {
      return mismatch(path, "a section", node);
    }
    RecordComponent[] components = type.getRecordComponents();
    Map<String, Integer> indexByKey = new LinkedHashMap<>();
    for (int i = 0; i < components.length; i++) {
      indexByKey.put(Keys.kebab(components[i].getName()), i);
    }
    Object[] args = new Object[components.length];
    boolean[] present = new boolean[components.length];
    node.fields().forEachRemaining(field -> {
      Integer i = indexByKey.get(field.getKey());
      if (i == null) {
        unknownKey(path, field.getKey(), indexByKey.keySet());
      } else {
        present[i] = true;
        args[i] = component(field.getValue(), components[i], join(path, field.getKey()));
      }
    });
    boolean complete = true;
    for (Map.Entry<String, Integer> e : indexByKey.entrySet()) {
      int i = e.getValue();
      if (!present[i]) {
        // Every key has a default, so this means the defaults resource lacks one.
        errors.add(join(path, e.getKey()) + ": missing");
        args[i] = INVALID;
      }
      complete &= args[i] != INVALID;
    }
    return complete ? construct(type, components, args, path) : INVALID;
  }

  private Object component(JsonNode node, RecordComponent c, String path) {
    Object value = value(node, c.getGenericType(), path, c.getAnnotation(Range.class));
    if (c.isAnnotationPresent(NotBlank.class) && (value == null || value instanceof String s && s.isBlank())) {
      errors.add(path + ": must not be blank");
      return INVALID;
    }
    return value;
  }

  private Object value(JsonNode node, Type type, String path, Range range) {
    if (type instanceof ParameterizedType p) {
      Type raw = p.getRawType();
      Type arg = p.getActualTypeArguments()[p.getActualTypeArguments().length - 1];
      if (raw == List.class) {
        return list(node, arg, path);
      }
      if (raw == Map.class && p.getActualTypeArguments()[0] == String.class) {
        return map(node, arg, path);
      }
    } else if (type instanceof Class<?> c) {
      if (c == int.class || c == Integer.class) {
        return whole(node, path, Integer.MIN_VALUE, Integer.MAX_VALUE, range);
      }
      if (c == long.class || c == Long.class) {
        return whole(node, path, Long.MIN_VALUE, Long.MAX_VALUE, range);
      }
      if (c == boolean.class || c == Boolean.class) {
        return node.isBoolean() ? node.booleanValue() : mismatch(path, "true or false", node);
      }
      if (c == double.class || c == Double.class) {
        return node.isNumber() ? node.doubleValue() : mismatch(path, "a number", node);
      }
      if (c == String.class) {
        return node.isNull() ? null : node.isTextual() ? node.textValue() : mismatch(path, "text", node);
      }
      if (c == Duration.class) {
        return duration(node, path);
      }
      if (c == Path.class) {
        return path(node, path);
      }
      if (c.isEnum()) {
        return constant(node, c, path);
      }
      if (c.isRecord()) {
        return record(node, c, path);
      }
    }
    throw new IllegalArgumentException("config type " + type.getTypeName() + " at '" + path + "' is not supported");
  }

  private Object whole(JsonNode node, String path, long typeMin, long typeMax, Range range) {
    if (!node.isIntegralNumber()) {
      return mismatch(path, "a whole number", node);
    }
    long min = range == null ? typeMin : Math.max(range.min(), typeMin);
    long max = range == null ? typeMax : Math.min(range.max(), typeMax);
    if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
      String bounds = max == typeMax ? "at least " + min
          : min == typeMin ? "at most " + max
          : "between " + min + " and " + max;
      errors.add(path + ": must be " + bounds + ", got " + node.asText());
      return INVALID;
    }
    return typeMax == Integer.MAX_VALUE ? (Object) node.intValue() : (Object) node.longValue();
  }

  private Object duration(JsonNode node, String path) {
    if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
      return Duration.ofSeconds(node.longValue());
    }
    if (node.isTextual()) {
      Duration d = Durations.parse(node.textValue()).orElse(null);
      if (d != null) {
        return d;
      }
    }
    return mismatch(path, "a duration such as " + Durations.EXAMPLES, node);
  }

  private Object path(JsonNode node, String path) {
    if (node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      return mismatch(path, "a file path", node);
    }
    try {
      return Path.of(node.textValue());
    } catch (InvalidPathException e) {
      errors.add(path + ": not a valid file path: " + e.getMessage());
      return INVALID;
    }
  }

  private Object constant(JsonNode node, Class<?> type, String path) {
    List<String> names = Arrays.stream(type.getEnumConstants()).map(e -> Keys.kebab(((Enum<?>) e).name())).toList();
    int i = node.isTextual() ? names.indexOf(node.textValue()) : -1;
    return i >= 0 ? type.getEnumConstants()[i] : mismatch(path, "one of " + String.join(", ", names), node);
  }

  private Object list(JsonNode node, Type element, String path) {
    if (!node.isArray()) {
      return mismatch(path, "a list", node);
    }
    List<Object> out = new ArrayList<>();
    boolean complete = true;
    for (int i = 0; i < node.size(); i++) {
      Object v = value(node.get(i), element, path + "[" + i + "]", null);
      complete &= v != INVALID;
      out.add(v);
    }
    return complete ? out.stream().toList() : INVALID;
  }

  private Object map(JsonNode node, Type valueType, String path) {
    if (!node.isObject()) {
      return mismatch(path, "a section", node);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(f -> out.put(f.getKey(), value(f.getValue(), valueType, join(path, f.getKey()), null)));
    return out.containsValue(INVALID) ? INVALID : Collections.unmodifiableMap(out);
  }

  private Object construct(Class<?> type, RecordComponent[] components, Object[] args, String path) {
    Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      Constructor<?> canonical = type.getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return canonical.newInstance(args);
    } catch (InvocationTargetException e) {
      // A record may check what one component cannot check alone in its compact constructor.
      if (e.getCause() instanceof IllegalArgumentException bad) {
        errors.add((path.isEmpty() ? "" : path + ": ") + bad.getMessage());
        return INVALID;
      }
      throw new IllegalStateException("cannot create " + type.getSimpleName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + type.getSimpleName(), e);
    }
  }

  private void unknownKey(String path, String key, Set<String> known) {
    String hint = Keys.suggest(key, known).map(s -> " (did you mean '" + s + "'?)")
        .orElse(" (known here: " + String.join(", ", known) + ")");
    errors.add("unknown key '" + join(path, key) + "'" + hint);
  }

  private Object mismatch(String path, String expected, JsonNode got) {
    errors.add((path.isEmpty() ? "the configuration" : path) + ": expected " + expected + ", got " + describe(got));
    return INVALID;
  }

  private static String describe(JsonNode node) {
    if (node.isObject()) {
      return "a section";
    }
    if (node.isArray()) {
      return "a list";
    }
    return node.toString();
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
