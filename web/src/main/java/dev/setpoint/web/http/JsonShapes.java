package dev.setpoint.web.http;

import dev.setpoint.api.problem.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Checks a parsed JSON body against the record it is about to be bound to, so that JSON-B's lenient
 * conversions never store a number as text or read {@code "5"} as a number: a field declared as
 * text takes only a JSON string, a number only a JSON number (an integral one, in range, for
 * integer types), a boolean only {@code true} or {@code false}, a list only an array, a record only
 * an object. A field declared as a raw {@link JsonValue} (a setting's value) takes any JSON. No
 * string anywhere, object keys included, may hold NUL (U+0000), which PostgreSQL cannot store.
 * {@code null} is left to Bean Validation. Properties the record does not declare are left to
 * JSON-B, which refuses them by name.
 *
 * <p>Each error names the field as a path: {@code name}, {@code environments[0]}, {@code
 * value.a.b}; never its value.
 */
final class JsonShapes {

  static final String NUL = "must not contain the NUL character (U+0000)";

  private JsonShapes() {}

  /**
   * The fields of {@code body} that do not fit {@code target}. A body that is not an object where a
   * record is expected is left to JSON-B (a malformed body, not a field).
   */
  static List<FieldError> check(JsonValue body, Type target) {
    List<FieldError> errors = new ArrayList<>();
    Class<?> raw = raw(target);
    if (raw.isRecord() && body instanceof JsonObject object) {
      checkRecord(object, raw, "", errors);
    } else {
      checkAny(body, "body", errors);
    }
    return errors;
  }

  private static void checkRecord(
      JsonObject object, Class<?> record, String prefix, List<FieldError> errors) {
    for (RecordComponent component : record.getRecordComponents()) {
      String name = propertyName(component);
      JsonValue value = object.get(name);
      if (value != null) {
        check(value, component.getGenericType(), prefix + name, errors);
      }
    }
  }

  private static void check(JsonValue value, Type type, String path, List<FieldError> errors) {
    Class<?> raw = raw(type);
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      if (raw.isPrimitive()) {
        errors.add(new FieldError(path, "must not be null"));
      }
      return;
    }
    if (JsonValue.class.isAssignableFrom(raw)) {
      checkRawJson(value, raw, path, errors);
    } else if (isText(raw)) {
      expect(value, JsonValue.ValueType.STRING, "must be a string", path, errors);
    } else if (raw == boolean.class || raw == Boolean.class) {
      if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
        errors.add(new FieldError(path, "must be true or false"));
      }
    } else if (isNumber(raw)) {
      checkNumber(value, raw, path, errors);
    } else if (raw == Optional.class) {
      check(value, argument(type, 0), path, errors);
    } else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
      checkArray(value, elementType(type, raw), path, errors);
    } else if (Map.class.isAssignableFrom(raw)) {
      checkMap(value, argument(type, 1), path, errors);
    } else if (raw.isRecord()) {
      if (expect(value, JsonValue.ValueType.OBJECT, "must be an object", path, errors)) {
        checkRecord(value.asJsonObject(), raw, path + ".", errors);
      }
    } else {
      checkAny(value, path, errors);
    }
  }

  private static void checkRawJson(
      JsonValue value, Class<?> raw, String path, List<FieldError> errors) {
    if (raw == JsonObject.class) {
      expect(value, JsonValue.ValueType.OBJECT, "must be an object", path, errors);
    } else if (raw == JsonArray.class) {
      expect(value, JsonValue.ValueType.ARRAY, "must be an array", path, errors);
    } else if (raw == JsonString.class) {
      expect(value, JsonValue.ValueType.STRING, "must be a string", path, errors);
    } else if (raw == JsonNumber.class) {
      expect(value, JsonValue.ValueType.NUMBER, "must be a number", path, errors);
    }
    checkAny(value, path, errors);
  }

  private static void checkNumber(
      JsonValue value, Class<?> raw, String path, List<FieldError> errors) {
    if (!(value instanceof JsonNumber number)) {
      errors.add(new FieldError(path, "must be a number"));
      return;
    }
    long[] range = integerRange(raw);
    if (range == null) {
      return;
    }
    BigDecimal decimal = number.bigDecimalValue();
    if (!number.isIntegral()
        || decimal.compareTo(BigDecimal.valueOf(range[0])) < 0
        || decimal.compareTo(BigDecimal.valueOf(range[1])) > 0) {
      errors.add(new FieldError(path, "must be an integer from " + range[0] + " to " + range[1]));
    }
  }

  private static void checkArray(
      JsonValue value, Type element, String path, List<FieldError> errors) {
    if (expect(value, JsonValue.ValueType.ARRAY, "must be an array", path, errors)) {
      JsonArray array = value.asJsonArray();
      for (int i = 0; i < array.size(); i++) {
        check(array.get(i), element, path + "[" + i + "]", errors);
      }
    }
  }

  private static void checkMap(JsonValue value, Type values, String path, List<FieldError> errors) {
    if (expect(value, JsonValue.ValueType.OBJECT, "must be an object", path, errors)) {
      eachMember(
          value.asJsonObject(), path, errors, (member, at) -> check(member, values, at, errors));
    }
  }

  /** Only the NUL rule: for raw JSON and types without a shape of their own. */
  private static void checkAny(JsonValue value, String path, List<FieldError> errors) {
    switch (value.getValueType()) {
      case STRING -> {
        if (((JsonString) value).getString().indexOf('\0') >= 0) {
          errors.add(new FieldError(path, NUL));
        }
      }
      case ARRAY -> {
        JsonArray array = value.asJsonArray();
        for (int i = 0; i < array.size(); i++) {
          checkAny(array.get(i), path + "[" + i + "]", errors);
        }
      }
      case OBJECT ->
          eachMember(
              value.asJsonObject(), path, errors, (member, at) -> checkAny(member, at, errors));
      default -> {
        // numbers, booleans and null hold no text
      }
    }
  }

  /** Checks each member of {@code object} at its path; a key holding NUL fails the object. */
  private static void eachMember(
      JsonObject object,
      String path,
      List<FieldError> errors,
      BiConsumer<JsonValue, String> check) {
    object.forEach(
        (key, member) -> {
          if (key.indexOf('\0') >= 0) {
            errors.add(new FieldError(path, NUL));
          } else {
            check.accept(member, path + "." + key);
          }
        });
  }

  private static boolean expect(
      JsonValue value,
      JsonValue.ValueType type,
      String rule,
      String path,
      List<FieldError> errors) {
    if (value.getValueType() != type) {
      errors.add(new FieldError(path, rule));
      return false;
    }
    if (type == JsonValue.ValueType.STRING) {
      checkAny(value, path, errors);
    }
    return true;
  }

  /** Types JSON-B reads from a JSON string. */
  private static boolean isText(Class<?> raw) {
    return CharSequence.class.isAssignableFrom(raw)
        || raw == char.class
        || raw == Character.class
        || raw.isEnum()
        || raw == UUID.class
        || raw == URI.class
        || raw == URL.class
        || raw.getPackageName().equals("java.time");
  }

  private static boolean isNumber(Class<?> raw) {
    return Number.class.isAssignableFrom(raw)
        || (raw.isPrimitive() && raw != boolean.class && raw != char.class && raw != void.class);
  }

  /** The range of an integer type, or null for decimals. */
  private static long[] integerRange(Class<?> raw) {
    if (raw == int.class || raw == Integer.class) {
      return new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
    }
    if (raw == long.class || raw == Long.class) {
      return new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
    }
    if (raw == short.class || raw == Short.class) {
      return new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
    }
    if (raw == byte.class || raw == Byte.class) {
      return new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
    }
    return null;
  }

  private static String propertyName(RecordComponent component) {
    JsonbProperty renamed = component.getAccessor().getAnnotation(JsonbProperty.class);
    if (renamed == null) {
      try {
        renamed =
            component
                .getDeclaringRecord()
                .getDeclaredField(component.getName())
                .getAnnotation(JsonbProperty.class);
      } catch (NoSuchFieldException e) {
        renamed = null;
      }
    }
    return renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value();
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return raw(p.getRawType());
    }
    if (type instanceof GenericArrayType a) {
      return raw(a.getGenericComponentType()).arrayType();
    }
    return Object.class;
  }

  private static Type argument(Type type, int index) {
    return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
        ? p.getActualTypeArguments()[index]
        : Object.class;
  }

  private static Type elementType(Type type, Class<?> raw) {
    if (raw.isArray()) {
      return type instanceof GenericArrayType a
          ? a.getGenericComponentType()
          : raw.getComponentType();
    }
    return argument(type, 0);
  }
}
