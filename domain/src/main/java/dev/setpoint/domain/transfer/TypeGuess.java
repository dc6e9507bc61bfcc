package dev.setpoint.domain.transfer;

import dev.setpoint.domain.readiness.ReadinessPatterns;
import dev.setpoint.domain.setting.CredentialPatterns;
import dev.setpoint.domain.setting.SettingType;
import dev.setpoint.domain.shared.InvalidValue;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The conservative type of an imported value: a boolean or a whole number only when the text is
 * exactly one (no leading zeros, so {@code 007} stays text), a URL or a duration when it parses as
 * one, JSON only for an object or an array, else a string. Whether it is a secret: a value of a
 * credential shape ({@link CredentialPatterns}), or a string under a key named like a credential
 * ({@link ReadinessPatterns#CREDENTIAL_KEY}).
 */
final class TypeGuess {

  private static final Pattern INTEGER = Pattern.compile("-?(?:0|[1-9][0-9]{0,17})");

  private TypeGuess() {}

  /** The type a value gets when neither the file nor the caller says. */
  static SettingType infer(ImportedValue value) {
    String text = value.text();
    return switch (value.shape()) {
      case BOOLEAN -> SettingType.BOOLEAN;
      case NUMBER -> INTEGER.matcher(text).matches() ? SettingType.INTEGER : SettingType.STRING;
      case JSON -> SettingType.JSON;
      case STRING -> textual(text);
      case TEXT -> {
        if (text.equals("true") || text.equals("false")) {
          yield SettingType.BOOLEAN;
        }
        if (INTEGER.matcher(text).matches()) {
          yield SettingType.INTEGER;
        }
        if ((text.startsWith("{") || text.startsWith("[")) && structured(text)) {
          yield SettingType.JSON;
        }
        yield textual(text);
      }
      case NULL -> SettingType.STRING;
    };
  }

  /** Whether an untyped value would be proposed as a secret. */
  static Optional<String> credential(String key, String text, SettingType inferred) {
    Optional<CredentialPatterns.Shape> shape = CredentialPatterns.find(text);
    if (shape.isPresent()) {
      return Optional.of("the value looks like a credential (" + shape.get().name() + ")");
    }
    if (inferred == SettingType.STRING
        && !text.isEmpty()
        && ReadinessPatterns.CREDENTIAL_KEY.matcher(key).matches()) {
      return Optional.of("the key is named like a credential");
    }
    return Optional.empty();
  }

  /** The JSON text a setting of {@code type} is given for this value. */
  static String json(SettingType type, ImportedValue value) {
    if (type == SettingType.JSON) {
      return switch (value.shape()) {
        case JSON, NUMBER, BOOLEAN -> value.text();
        default ->
            structured(value.text()) ? value.text() : Json.createValue(value.text()).toString();
      };
    }
    return Json.createValue(value.text()).toString();
  }

  private static SettingType textual(String text) {
    if (fits(SettingType.URL, text)) {
      return SettingType.URL;
    }
    if ((text.startsWith("P") || text.startsWith("-P")) && fits(SettingType.DURATION, text)) {
      return SettingType.DURATION;
    }
    return SettingType.STRING;
  }

  private static boolean fits(SettingType type, String text) {
    try {
      type.parse("value", Json.createValue(text).toString());
      return true;
    } catch (InvalidValue e) {
      return false;
    }
  }

  private static boolean structured(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      JsonValue value = reader.readValue();
      return value.getValueType() == JsonValue.ValueType.OBJECT
          || value.getValueType() == JsonValue.ValueType.ARRAY;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
