package dev.setpoint.web.delivery;

import dev.setpoint.api.delivery.Delivery;
import dev.setpoint.api.delivery.PropertiesText;
import dev.setpoint.domain.release.ReleaseContent;
import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.shared.InvalidValue;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.StringWriter;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The formats a release is delivered in. Each renders one flat set of keys: settings with their
 * frozen values, secrets with values decrypted for this response only.
 */
enum Format {

  /** A flat JSON object; settings keep their JSON type, secrets are strings. */
  JSON(Delivery.FORMAT_JSON, "application/json") {
    @Override
    String render(
        SortedMap<String, ReleaseContent.SettingValue> settings, Map<String, String> secrets) {
      StringWriter out = new StringWriter(64 * (settings.size() + secrets.size()) + 2);
      try (JsonGenerator json = GENERATORS.createGenerator(out)) {
        json.writeStartObject();
        merged(settings, secrets)
            .forEach(
                (key, value) -> {
                  if (value instanceof ReleaseContent.SettingValue setting) {
                    json.write(key, setting.type().toJson(setting.value()));
                  } else {
                    json.write(key, (String) value);
                  }
                });
        json.writeEnd();
      }
      return out.toString();
    }
  },

  /**
   * Java {@code .properties}: pure ASCII, anything else as {@code \}{@code uXXXX}, so that both
   * {@code Properties.load(InputStream)} and {@code load(Reader)} read it back exactly.
   */
  PROPERTIES(Delivery.FORMAT_PROPERTIES, "text/plain; charset=UTF-8") {
    @Override
    String render(
        SortedMap<String, ReleaseContent.SettingValue> settings, Map<String, String> secrets) {
      StringBuilder out = new StringBuilder(64 * (settings.size() + secrets.size()));
      merged(settings, secrets)
          .forEach((key, value) -> PropertiesText.appendLine(out, key, text(value)));
      return out.toString();
    }
  },

  /**
   * {@code NAME='value'} lines: keys become environment-variable names ({@link
   * Delivery#environmentName}); values are single-quoted, the one form in which a POSIX shell
   * sourcing the file ({@code set -a; . ./.env}) interprets nothing: no {@code $}, backtick,
   * backslash or newline has a meaning there. A single quote is written as {@code '\''} (close,
   * escaped quote, reopen). The shell then yields exactly the stored value.
   */
  DOTENV(Delivery.FORMAT_DOTENV, "text/plain; charset=UTF-8") {
    @Override
    String render(
        SortedMap<String, ReleaseContent.SettingValue> settings, Map<String, String> secrets) {
      Map<String, String> byName = new TreeMap<>();
      Map<String, String> keyOfName = new TreeMap<>();
      merged(settings, secrets)
          .forEach(
              (key, value) -> {
                String name = Delivery.environmentName(key);
                if (Delivery.interpretedName(name)) {
                  throw new Conflict(
                      "Key '"
                          + key
                          + "' becomes "
                          + name
                          + ", which shells or the dynamic loader act on; dotenv refuses it,"
                          + " rename the key");
                }
                String clash = keyOfName.putIfAbsent(name, key);
                if (clash != null) {
                  throw new Conflict(
                      "Keys '"
                          + clash
                          + "' and '"
                          + key
                          + "' both become "
                          + name
                          + " in dotenv; rename one of them");
                }
                byName.put(name, text(value));
              });
      StringBuilder out = new StringBuilder(64 * byName.size());
      byName.forEach(
          (name, value) -> {
            out.append(name).append('=');
            quoteForShell(out, value);
            out.append('\n');
          });
      return out.toString();
    }
  };

  private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

  private final String wireName;
  private final String mediaType;

  Format(String wireName, String mediaType) {
    this.wireName = wireName;
    this.mediaType = mediaType;
  }

  /** The response body for these settings and decrypted secrets. */
  abstract String render(
      SortedMap<String, ReleaseContent.SettingValue> settings, Map<String, String> secrets);

  String mediaType() {
    return mediaType;
  }

  /** The format named by {@code ?format=}; JSON when absent. */
  static Format named(String name) {
    if (name == null || name.isEmpty()) {
      return JSON;
    }
    for (Format format : values()) {
      if (format.wireName.equals(name)) {
        return format;
      }
    }
    throw new InvalidValue("format", "must be one of json, properties, dotenv");
  }

  /** Settings and secrets as one key-ordered map (a release never has a key in both). */
  private static SortedMap<String, Object> merged(
      SortedMap<String, ReleaseContent.SettingValue> settings, Map<String, String> secrets) {
    SortedMap<String, Object> all = new TreeMap<>(settings);
    all.putAll(secrets);
    return all;
  }

  private static String text(Object value) {
    return value instanceof ReleaseContent.SettingValue setting ? setting.value() : (String) value;
  }

  /** Appends {@code text} single-quoted for a POSIX shell. */
  static void quoteForShell(StringBuilder out, String text) {
    out.append('\'');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        out.append("'\\''");
      } else {
        out.append(c);
      }
    }
    out.append('\'');
  }
}
