package dev.setpoint.web.compat;

import dev.setpoint.domain.delivery.Snapshot;
import dev.setpoint.domain.release.ReleaseContent;
import dev.setpoint.domain.setting.SettingType;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a Spring Cloud Config client reads: a release as a property source's {@code source} (flat,
 * scalar values: integers and booleans in their JSON type, {@code json} settings as their text,
 * secrets as strings), and several releases merged into Spring's {@code .properties}, {@code .yml}
 * and {@code .json} documents, where a later source wins and dotted keys nest.
 */
final class SpringFormats {

  private static final String SOURCE = "spring.source";
  private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());
  private static final Pattern PLAIN_KEY = Pattern.compile("^[A-Za-z0-9_-]+$");

  private SpringFormats() {}

  /** The release as a property source's {@code source} object, rendered once per release. */
  static byte[] source(Snapshot snapshot) {
    return snapshot.rendered(SOURCE, SpringFormats::renderSource);
  }

  /** The values of several releases merged, each later one winning, as scalars. */
  static SortedMap<String, JsonValue> merged(List<Snapshot> lowestFirst) {
    SortedMap<String, JsonValue> all = new TreeMap<>();
    for (Snapshot snapshot : lowestFirst) {
      snapshot.settings().forEach((key, value) -> all.put(key, scalar(value)));
      snapshot.secretValues().forEach((key, value) -> all.put(key, Json.createValue(value)));
    }
    return all;
  }

  /** Java {@code .properties} text. */
  static String properties(SortedMap<String, JsonValue> values) {
    StringBuilder out = new StringBuilder(64 * (values.size() + 1));
    values.forEach(
        (key, value) -> dev.setpoint.api.delivery.PropertiesText.appendLine(out, key, text(value)));
    return out.toString();
  }

  /** A JSON document with dotted keys nested into objects. */
  static String json(SortedMap<String, JsonValue> values) {
    StringWriter out = new StringWriter(64 * (values.size() + 1));
    try (JsonGenerator json = GENERATORS.createGenerator(out)) {
      json.writeStartObject();
      writeJson(json, nest(values));
      json.writeEnd();
    }
    return out.toString();
  }

  /** A YAML document with dotted keys nested into mappings; scalars in JSON's quoting. */
  static String yaml(SortedMap<String, JsonValue> values) {
    StringBuilder out = new StringBuilder(64 * (values.size() + 1));
    writeYaml(out, nest(values), 0);
    return out.length() == 0 ? "{}\n" : out.toString();
  }

  /**
   * Dotted keys as nested maps; a key that is both a value and a parent ({@code a} and {@code a.b})
   * keeps the longer one flat, under its full name.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> nest(SortedMap<String, JsonValue> values) {
    Map<String, Object> root = new LinkedHashMap<>();
    values.forEach(
        (key, value) -> {
          String[] parts = key.split("\\.", -1);
          if (!nestable(root, parts)) {
            root.put(key, value);
            return;
          }
          Map<String, Object> node = root;
          for (int i = 0; i < parts.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(parts[i], p -> new LinkedHashMap<>());
          }
          node.put(parts[parts.length - 1], value);
        });
    return root;
  }

  /** Whether {@code parts} can be placed as nested maps without replacing what is there. */
  @SuppressWarnings("unchecked")
  private static boolean nestable(Map<String, Object> root, String[] parts) {
    for (String part : parts) {
      if (part.isEmpty()) {
        return false;
      }
    }
    Map<String, Object> node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      Object child = node.get(parts[i]);
      if (child == null) {
        return true;
      }
      if (!(child instanceof Map)) {
        return false;
      }
      node = (Map<String, Object>) child;
    }
    return !node.containsKey(parts[parts.length - 1]);
  }

  @SuppressWarnings("unchecked")
  private static void writeJson(JsonGenerator json, Map<String, Object> node) {
    node.forEach(
        (key, value) -> {
          if (value instanceof Map<?, ?> child) {
            json.writeStartObject(key);
            writeJson(json, (Map<String, Object>) child);
            json.writeEnd();
          } else {
            json.write(key, (JsonValue) value);
          }
        });
  }

  @SuppressWarnings("unchecked")
  private static void writeYaml(StringBuilder out, Map<String, Object> node, int depth) {
    node.forEach(
        (key, value) -> {
          out.append("  ".repeat(depth));
          out.append(PLAIN_KEY.matcher(key).matches() ? key : Json.createValue(key).toString());
          if (value instanceof Map<?, ?> child) {
            out.append(":\n");
            writeYaml(out, (Map<String, Object>) child, depth + 1);
          } else {
            // JSON's escapes are a subset of YAML's double-quoted scalars
            out.append(": ").append(value.toString()).append('\n');
          }
        });
  }

  private static JsonValue scalar(ReleaseContent.SettingValue setting) {
    return setting.type() == SettingType.JSON
        ? Json.createValue(setting.value())
        : setting.type().toJson(setting.value());
  }

  private static String text(JsonValue value) {
    return value instanceof jakarta.json.JsonString string ? string.getString() : value.toString();
  }

  private static byte[] renderSource(Snapshot snapshot) {
    StringWriter out = new StringWriter(64 * (snapshot.settings().size() + 1));
    SortedMap<String, JsonValue> all = new TreeMap<>();
    snapshot.settings().forEach((key, value) -> all.put(key, scalar(value)));
    snapshot.secretValues().forEach((key, value) -> all.put(key, Json.createValue(value)));
    try (JsonGenerator json = GENERATORS.createGenerator(out)) {
      json.writeStartObject();
      all.forEach(json::write);
      json.writeEnd();
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
