package dev.setpoint.domain.setting;

import dev.setpoint.domain.shared.InvalidValue;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The type a setting declares. Each type turns a JSON value from a request into the canonical text
 * kept in storage (rejecting what does not fit) and turns stored text back into typed JSON.
 */
public enum SettingType {
  STRING("string") {
    @Override
    String canonical(JsonValue value) {
      return scalarText(value, "must be a string");
    }

    @Override
    public JsonValue toJson(String stored) {
      return Json.createValue(stored);
    }
  },
  INTEGER("integer") {
    @Override
    String canonical(JsonValue value) {
      try {
        if (value instanceof JsonNumber number) {
          return Long.toString(number.bigDecimalValue().longValueExact());
        }
        if (value instanceof JsonString text) {
          return Long.toString(new BigDecimal(text.getString().trim()).longValueExact());
        }
      } catch (NumberFormatException | ArithmeticException e) {
        // reported below
      }
      throw new Rejected("must be a whole number between -2^63 and 2^63-1");
    }

    @Override
    public JsonValue toJson(String stored) {
      return Json.createValue(Long.parseLong(stored));
    }
  },
  BOOLEAN("boolean") {
    @Override
    String canonical(JsonValue value) {
      if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
        return value.toString();
      }
      if (value instanceof JsonString text
          && ("true".equals(text.getString()) || "false".equals(text.getString()))) {
        return text.getString();
      }
      throw new Rejected("must be true or false");
    }

    @Override
    public JsonValue toJson(String stored) {
      return Boolean.parseBoolean(stored) ? JsonValue.TRUE : JsonValue.FALSE;
    }
  },
  URL("url") {
    @Override
    String canonical(JsonValue value) {
      String rule = "must be an absolute http or https URL with a host";
      if (!(value instanceof JsonString text)) {
        throw new Rejected(rule);
      }
      try {
        URI uri = new URI(text.getString());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.isAbsolute()
            && (scheme.equals("http") || scheme.equals("https"))
            && uri.getHost() != null) {
          return text.getString();
        }
      } catch (URISyntaxException e) {
        // reported below
      }
      throw new Rejected(rule);
    }

    @Override
    public JsonValue toJson(String stored) {
      return Json.createValue(stored);
    }
  },
  DURATION("duration") {
    @Override
    String canonical(JsonValue value) {
      String rule = "must be an ISO-8601 duration such as PT30S or P1DT2H";
      if (value instanceof JsonString text) {
        try {
          Duration.parse(text.getString());
          return text.getString();
        } catch (DateTimeParseException e) {
          // reported below
        }
      }
      throw new Rejected(rule);
    }

    @Override
    public JsonValue toJson(String stored) {
      return Json.createValue(stored);
    }
  },
  JSON("json") {
    @Override
    String canonical(JsonValue value) {
      return value.toString();
    }

    @Override
    public JsonValue toJson(String stored) {
      try (var reader = Json.createReader(new StringReader(stored))) {
        return reader.readValue();
      }
    }
  };

  /** Longest value, in characters of its canonical text, a setting may hold. */
  public static final int MAX_LENGTH = 65_536;

  private static final String NAMES =
      Arrays.stream(values()).map(SettingType::wireName).collect(Collectors.joining(", "));

  private final String wireName;

  SettingType(String wireName) {
    this.wireName = wireName;
  }

  /** The type's name in the API: {@code string}, {@code integer}, ... */
  public String wireName() {
    return wireName;
  }

  /** The type called {@code name} in the API, or a violation of {@code field}. */
  public static SettingType named(String field, String name) {
    for (SettingType type : values()) {
      if (type.wireName.equals(name)) {
        return type;
      }
    }
    throw new InvalidValue(field, "must be one of " + NAMES);
  }

  /**
   * Validates a value given as JSON text and returns the canonical text to store.
   *
   * @throws InvalidValue naming {@code field} and the rule the value broke
   */
  public String parse(String field, String jsonText) {
    JsonValue value;
    try (var reader = Json.createReader(new StringReader(jsonText))) {
      value = reader.readValue();
    } catch (JsonParsingException e) {
      throw new InvalidValue(field, "must be a JSON value");
    }
    try {
      String canonical = canonical(value);
      if (canonical.length() > MAX_LENGTH) {
        throw new Rejected("must be at most " + MAX_LENGTH + " characters");
      }
      return canonical;
    } catch (Rejected e) {
      throw new InvalidValue(field, e.getMessage() + " (type " + wireName + ")");
    }
  }

  /** Turns stored canonical text back into the JSON value the API shows. */
  public abstract JsonValue toJson(String stored);

  abstract String canonical(JsonValue value);

  private static String scalarText(JsonValue value, String rule) {
    return switch (value.getValueType()) {
      case STRING -> ((JsonString) value).getString();
      case NUMBER, TRUE, FALSE -> value.toString();
      default -> throw new Rejected(rule);
    };
  }

  /** A value that does not fit the type; carries the rule it broke. */
  private static final class Rejected extends RuntimeException {
    Rejected(String rule) {
      super(rule, null, false, false);
    }
  }
}
