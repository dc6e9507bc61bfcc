package dev.setpoint.domain.setting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.catalog.ApplicationService;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Precondition;
import dev.setpoint.domain.shared.StaleVersion;
import dev.setpoint.domain.testing.InMemoryRepositories;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettingServiceTest {

  private static final Precondition NONE = Precondition.none();

  private SettingService settings;

  @BeforeEach
  void setUp() {
    InMemoryRepositories store = new InMemoryRepositories();
    ApplicationService applications =
        new ApplicationService(
            store, store, store, store, store.access(), store.auditTrail(), store.clock);
    EnvironmentService environments =
        new EnvironmentService(
            applications, store, store, store.access(), store.auditTrail(), store.clock);
    settings =
        new SettingService(
            applications, environments, store, store.access(), store.auditTrail(), store.clock);
    applications.create("shop", "Shop", null, null);
  }

  private Map<String, ResolvedSetting> resolve(String env) {
    return settings.resolve("shop", env, PageRequest.first(50)).items().stream()
        .collect(Collectors.toMap(r -> r.key().value(), r -> r));
  }

  @Test
  void anOverrideWinsOverTheDefaultOnlyInItsEnvironment() {
    settings.define("shop", "PORT", "integer", "8080", null, false, NONE);
    settings.override("shop", "production", "PORT", "443", NONE);

    ResolvedSetting production = resolve("production").get("PORT");
    assertEquals("443", production.value());
    assertEquals(ValueSource.ENVIRONMENT, production.source());
    ResolvedSetting staging = resolve("staging").get("PORT");
    assertEquals("8080", staging.value());
    assertEquals(ValueSource.DEFAULT, staging.source());
  }

  @Test
  void aRequiredSettingWithoutAnyValueIsMissing() {
    settings.define("shop", "API_URL", "url", null, null, true, NONE);
    ResolvedSetting unresolved = resolve("dev").get("API_URL");
    assertNull(unresolved.value());
    assertNull(unresolved.source());
    assertTrue(unresolved.missing());

    settings.override("shop", "dev", "API_URL", "\"https://api.dev.example\"", NONE);
    assertFalse(resolve("dev").get("API_URL").missing());
    assertTrue(resolve("staging").get("API_URL").missing());
  }

  @Test
  void removingTheOverrideFallsBackToTheDefault() {
    settings.define("shop", "MODE", "string", "\"safe\"", null, false, NONE);
    settings.override("shop", "dev", "MODE", "\"fast\"", NONE);
    settings.removeOverride("shop", "dev", "MODE", NONE);
    assertEquals("safe", resolve("dev").get("MODE").value());
    assertThrows(NotFound.class, () -> settings.overrideOf("shop", "dev", "MODE"));
  }

  @Test
  void overridesAreValidatedAgainstTheDefinitionsType() {
    settings.define("shop", "ENABLED", "boolean", "true", null, false, NONE);
    InvalidValue e =
        assertThrows(
            InvalidValue.class, () -> settings.override("shop", "dev", "ENABLED", "\"on\"", NONE));
    assertEquals("value", e.violations().get(0).field());
    assertThrows(InvalidValue.class, () -> settings.override("shop", "dev", "ENABLED", null, NONE));
  }

  @Test
  void aTypeChangeConvertsOverridesThatFit() {
    settings.define("shop", "WORKERS", "string", "\"4\"", null, false, NONE);
    settings.override("shop", "production", "WORKERS", "\" 16\"", NONE);
    settings.define("shop", "WORKERS", "integer", "4", null, false, NONE);
    assertEquals("16", settings.overrideOf("shop", "production", "WORKERS").value());
  }

  @Test
  void aTypeChangeThatAnOverrideDoesNotFitIsRefusedAndChangesNothing() {
    settings.define("shop", "LEVEL", "string", "\"info\"", null, false, NONE);
    settings.override("shop", "staging", "LEVEL", "\"debug\"", NONE);
    settings.override("shop", "dev", "LEVEL", "\"7\"", NONE);

    Conflict e =
        assertThrows(
            Conflict.class,
            () -> settings.define("shop", "LEVEL", "integer", "1", null, false, NONE));
    assertTrue(e.getMessage().contains("staging"), e::getMessage);
    assertFalse(e.getMessage().contains("dev"), e::getMessage);
    assertEquals(SettingType.STRING, settings.definition("shop", "LEVEL").type());
    assertEquals("7", settings.overrideOf("shop", "dev", "LEVEL").value());
  }

  @Test
  void ifMatchOnAMissingSettingRefusesToCreateIt() {
    assertThrows(
        StaleVersion.class,
        () ->
            settings.define(
                "shop", "NEW", "string", "\"x\"", null, false, Precondition.oneOf(Set.of(0L))));
    assertThrows(NotFound.class, () -> settings.definition("shop", "NEW"));
  }

  @Test
  void undefiningRemovesTheOverridesToo() {
    settings.define("shop", "FLAG", "boolean", "false", null, false, NONE);
    settings.override("shop", "dev", "FLAG", "true", NONE);
    settings.undefine("shop", "FLAG", NONE);
    assertEquals(List.of(), settings.resolve("shop", "dev", PageRequest.first(10)).items());
  }

  @Test
  void unknownApplicationEnvironmentOrKeyIsNotFound() {
    assertThrows(NotFound.class, () -> settings.definition("nowhere", "K"));
    assertThrows(NotFound.class, () -> settings.resolve("shop", "qa", PageRequest.first(1)));
    assertThrows(NotFound.class, () -> settings.override("shop", "dev", "NOPE", "1", NONE));
  }
}
