package dev.setpoint.it.support;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;

/** Reading the parts of JSON answers that several tests look at. */
public final class JsonFields {

  private JsonFields() {}

  /** The strings of the array {@code name} in {@code object}. */
  public static List<String> strings(JsonObject object, String name) {
    return object.getJsonArray(name).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  /** The check called {@code name} in a MicroProfile Health answer; fails when there is none. */
  public static JsonObject healthCheck(JsonObject health, String name) {
    return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(c -> c.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no health check " + name + " in " + health));
  }
}
