package dev.setpoint.domain.transfer;

import dev.setpoint.domain.shared.InvalidValue;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The nested formats, YAML and JSON, flattened the way Spring Boot names their keys: maps join with
 * dots ({@code a.b.c}); a list is kept whole as one JSON value under its key, because a setting key
 * cannot hold brackets ({@code a[0]}).
 */
final class TreeFiles {

  private TreeFiles() {}

  /**
   * Reads one YAML document with SnakeYAML's safe constructor, within the limits: aliases, nesting
   * depth, code points; duplicate and recursive keys are refused. Timestamps stay text.
   */
  static List<ImportedValue> yaml(String field, String text, ImportLimits limits) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    options.setMaxAliasesForCollections(limits.maxAliases());
    options.setNestingDepthLimit(limits.maxDepth() + 1);
    options.setCodePointLimit(limits.maxExpandedBytes());
    options.setProcessComments(false);
    Yaml yaml = new Yaml(new TextTimestamps(options));
    List<Object> documents = new ArrayList<>();
    try {
      for (Object document : yaml.loadAll(text)) {
        if (document != null) {
          documents.add(document);
        }
      }
    } catch (MarkedYAMLException e) {
      // the problem and where, never the context snippet: it would quote the file's values
      Mark mark = e.getProblemMark();
      throw new InvalidValue(
          field,
          "is not valid YAML: "
              + e.getProblem()
              + (mark == null ? "" : " (line " + (mark.getLine() + 1) + ")"));
    } catch (YAMLException e) {
      throw new InvalidValue(field, "is refused: " + e.getMessage());
    }
    if (documents.size() > 1) {
      throw new InvalidValue(
          field, "must hold one YAML document; send profiles as a Spring layout (format=spring)");
    }
    List<ImportedValue> values = new ArrayList<>();
    if (documents.isEmpty()) {
      return values;
    }
    if (!(documents.get(0) instanceof Map<?, ?> root)) {
      throw new InvalidValue(field, "must be a YAML mapping of keys to values");
    }
    new Flattening(field, limits, values).map("", root, 1);
    return values;
  }

  /** Reads a JSON object, nested or flat. */
  static List<ImportedValue> json(String field, String text, ImportLimits limits) {
    JsonValue root;
    try (var reader = Json.createReader(new StringReader(text))) {
      root = reader.readValue();
    } catch (JsonParsingException e) {
      JsonLocation at = e.getLocation();
      throw new InvalidValue(
          field,
          "is not valid JSON"
              + (at == null
                  ? ""
                  : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")"));
    } catch (RuntimeException e) {
      // Parsson's own nesting limit, or an empty body
      throw new InvalidValue(field, "is not valid JSON, or is nested too deep");
    }
    if (!(root instanceof JsonObject object)) {
      throw new InvalidValue(field, "must be a JSON object of keys to values");
    }
    List<ImportedValue> values = new ArrayList<>();
    new Flattening(field, limits, values).map("", (Map<?, ?>) toPlain(object, 1, field, limits), 1);
    return values;
  }

  /**
   * One stored JSON value (a bundle's default or override) as an import reads it: a string as text,
   * a number or boolean as such, an object or list kept whole.
   */
  static ImportedValue imported(String key, String json) {
    JsonValue value;
    try (var reader = Json.createReader(new java.io.StringReader(json))) {
      value = reader.readValue();
    }
    return switch (value.getValueType()) {
      case STRING ->
          new ImportedValue(key, ((JsonString) value).getString(), ImportedValue.Shape.STRING);
      case NUMBER -> new ImportedValue(key, value.toString(), ImportedValue.Shape.NUMBER);
      case TRUE, FALSE -> new ImportedValue(key, value.toString(), ImportedValue.Shape.BOOLEAN);
      case OBJECT, ARRAY -> new ImportedValue(key, value.toString(), ImportedValue.Shape.JSON);
      case NULL -> new ImportedValue(key, null, ImportedValue.Shape.NULL);
    };
  }

  /** JSON-P values as the plain maps, lists and scalars SnakeYAML gives. */
  private static Object toPlain(JsonValue value, int depth, String field, ImportLimits limits) {
    limits.depth(field, depth);
    return switch (value.getValueType()) {
      case OBJECT -> {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        value.asJsonObject().forEach((k, v) -> map.put(k, toPlain(v, depth + 1, field, limits)));
        yield map;
      }
      case ARRAY -> {
        List<Object> list = new ArrayList<>();
        value.asJsonArray().forEach(v -> list.add(toPlain(v, depth + 1, field, limits)));
        yield list;
      }
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).bigDecimalValue();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
    };
  }

  /** Walks a tree, adding one value per leaf (a list being a leaf). */
  private record Flattening(String field, ImportLimits limits, List<ImportedValue> values) {

    void map(String prefix, Map<?, ?> map, int depth) {
      limits.depth(field, depth);
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String name = String.valueOf(entry.getKey());
        String key = prefix.isEmpty() ? name : prefix + "." + name;
        Object value = entry.getValue();
        if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
          map(key, nested, depth + 1);
        } else {
          limits.count(field, values.size() + 1);
          values.add(leaf(key, value, depth + 1));
        }
      }
    }

    private ImportedValue leaf(String key, Object value, int depth) {
      if (value == null) {
        return new ImportedValue(key, null, ImportedValue.Shape.NULL);
      }
      if (value instanceof Boolean b) {
        return new ImportedValue(key, b.toString(), ImportedValue.Shape.BOOLEAN);
      }
      if (value instanceof Number number) {
        return new ImportedValue(key, numberText(number), ImportedValue.Shape.NUMBER);
      }
      if (value instanceof String s) {
        return new ImportedValue(key, s, ImportedValue.Shape.STRING);
      }
      if (value instanceof List<?> || value instanceof Map<?, ?>) {
        return new ImportedValue(key, toJson(value, depth).toString(), ImportedValue.Shape.JSON);
      }
      throw new InvalidValue(
          field,
          "holds a value of a kind that cannot be imported (binary or a set) at '" + key + "'");
    }

    private JsonValue toJson(Object value, int depth) {
      limits.depth(field, depth);
      if (value == null) {
        return JsonValue.NULL;
      }
      if (value instanceof Boolean b) {
        return b ? JsonValue.TRUE : JsonValue.FALSE;
      }
      if (value instanceof Number number) {
        String text = numberText(number);
        try {
          return Json.createValue(new BigDecimal(text));
        } catch (NumberFormatException e) {
          return Json.createValue(text); // .inf and .nan
        }
      }
      if (value instanceof String s) {
        return Json.createValue(s);
      }
      if (value instanceof List<?> list) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        list.forEach(v -> array.add(toJson(v, depth + 1)));
        return array.build();
      }
      if (value instanceof Map<?, ?> map) {
        var object = Json.createObjectBuilder();
        map.forEach((k, v) -> object.add(String.valueOf(k), toJson(v, depth + 1)));
        return object.build();
      }
      throw new InvalidValue(
          field, "holds a value of a kind that cannot be imported (binary or a set)");
    }

    private static String numberText(Number number) {
      if (number instanceof BigDecimal d) {
        return d.scale() <= 0 || d.stripTrailingZeros().scale() > 0
            ? d.toString()
            : d.toBigInteger().toString();
      }
      return number.toString();
    }
  }

  /** The safe constructor, but a timestamp stays the text the file wrote. */
  private static final class TextTimestamps extends SafeConstructor {
    TextTimestamps(LoaderOptions options) {
      super(options);
      this.yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
    }
  }
}
