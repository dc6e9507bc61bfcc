package dev.setpoint.web.http;

import jakarta.json.JsonValue;

/** Small conversions of request body parts into what the domain takes. */
public final class Bodies {

  private Bodies() {}

  /** The JSON text of a value, or null when the value is absent or JSON {@code null}. */
  public static String jsonText(JsonValue value) {
    return value == null || value.getValueType() == JsonValue.ValueType.NULL
        ? null
        : value.toString();
  }
}
