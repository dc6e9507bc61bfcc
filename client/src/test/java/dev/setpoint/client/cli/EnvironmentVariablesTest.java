package dev.setpoint.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentVariablesTest {

  @Test
  void mapsEveryKey() {
    assertEquals(
        Map.of("DB_POOL_MAX", "20", "FEATURE_NEW_UI", "true", "HTTP_PORT", "8080"),
        EnvironmentVariables.of(
            Map.of("db.pool.max", "20", "feature-new-ui", "true", "HTTP_PORT", "8080")));
  }

  @Test
  void refusesKeysThatGiveTheSameName() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                EnvironmentVariables.of(
                    Map.of(
                        "db.pool.max", "first-value",
                        "db-pool-max", "second-value",
                        "DB_POOL_MAX", "third-value",
                        "fine", "x")));

    assertTrue(
        error.getMessage().contains("DB_POOL_MAX, db-pool-max, db.pool.max -> DB_POOL_MAX"),
        error.getMessage());
    assertFalse(error.getMessage().contains("value"), error.getMessage());
  }

  @Test
  void refusesKeysThatGiveVariablesShellsOrTheLoaderActOn() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> EnvironmentVariables.of(java.util.Map.of("ld.preload", "/tmp/x.so", "a", "b")));
    assertTrue(error.getMessage().contains("LD_PRELOAD"), error.getMessage());
    assertFalse(error.getMessage().contains("/tmp/x.so"), "never the value");
  }
}
