package dev.setpoint.client.cli;

import dev.setpoint.api.delivery.Delivery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A release's values as environment variables, each key's name given by {@link
 * Delivery#environmentName(String)} ({@code db.pool.max} becomes {@code DB_POOL_MAX}).
 */
final class EnvironmentVariables {

  private EnvironmentVariables() {}

  /**
   * Maps every key to its variable name.
   *
   * @throws IllegalArgumentException when two or more keys give the same name; the message lists
   *     them (keys and names only, never values)
   */
  static Map<String, String> of(Map<String, String> values) {
    Map<String, List<String>> keysByName = new TreeMap<>();
    new TreeMap<>(values)
        .keySet()
        .forEach(
            key ->
                keysByName
                    .computeIfAbsent(Delivery.environmentName(key), name -> new ArrayList<>())
                    .add(key));
    List<String> interpreted =
        keysByName.keySet().stream().filter(Delivery::interpretedName).toList();
    if (!interpreted.isEmpty()) {
      throw new IllegalArgumentException(
          "keys that give variables shells or the dynamic loader act on, refused: "
              + String.join(", ", interpreted));
    }
    List<String> collisions = new ArrayList<>();
    Map<String, String> variables = new TreeMap<>();
    keysByName.forEach(
        (name, keys) -> {
          if (keys.size() > 1) {
            collisions.add(String.join(", ", keys) + " -> " + name);
          } else {
            variables.put(name, values.get(keys.get(0)));
          }
        });
    if (!collisions.isEmpty()) {
      throw new IllegalArgumentException(
          "keys that give the same environment variable: " + String.join("; ", collisions));
    }
    return variables;
  }
}
