package dev.setpoint.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

  @Test
  void devNeedsNothingFromTheEnvironment() {
    assertEquals(List.of(), DatabaseConfig.missing("dev", name -> Optional.empty()));
  }

  @Test
  void prodNamesEveryMissingOrBlankVariable() {
    Map<String, String> env =
        Map.of("SETPOINT_DB_URL", "jdbc:postgresql://db/setpoint", "SETPOINT_DB_USER", " ");
    assertEquals(
        List.of("SETPOINT_DB_USER", "SETPOINT_DB_PASSWORD"),
        DatabaseConfig.missing("prod", name -> Optional.ofNullable(env.get(name))));
  }

  @Test
  void prodIsSatisfiedWhenAllAreSet() {
    assertEquals(
        List.of(), DatabaseConfig.missing("prod", name -> Optional.of("value-of-" + name)));
  }
}
