package dev.setpoint.domain.setting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.catalog.ApplicationService;
import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Precondition;
import dev.setpoint.domain.shared.Slug;
import dev.setpoint.domain.shared.StaleVersion;
import dev.setpoint.domain.testing.InMemoryRepositories;
import dev.setpoint.domain.testing.WiredUseCases;
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
    WiredUseCases wired = WiredUseCases.over(new InMemoryRepositories());
    settings = wired.settings();
    ApplicationService applications = wired.applications();
    applications.create("shop", "Shop", null, null);
  }

  private Map<String, ResolvedSetting> resolve(String env) {
    return settings.resolve(EnvironmentRef.of("shop", env), PageRequest.first(50)).items().stream()
        .collect(Collectors.toMap(r -> r.key().value(), r -> r));
  }

  @Test
  void anOverrideWinsOverTheDefaultOnlyInItsEnvironment() {
    settings.define(
        new DefineSetting(new Slug("shop"), new SettingKey("PORT"), "integer", "8080", null, false),
        NONE);
    settings.override(EnvironmentRef.of("shop", "production"), new SettingKey("PORT"), "443", NONE);

    ResolvedSetting production = resolve("production").get("PORT");
    assertEquals("443", production.value());
    assertEquals(ValueSource.ENVIRONMENT, production.source());
    ResolvedSetting staging = resolve("staging").get("PORT");
    assertEquals("8080", staging.value());
    assertEquals(ValueSource.DEFAULT, staging.source());
  }

  @Test
  void aRequiredSettingWithoutAnyValueIsMissing() {
    settings.define(
        new DefineSetting(new Slug("shop"), new SettingKey("API_URL"), "url", null, null, true),
        NONE);
    ResolvedSetting unresolved = resolve("dev").get("API_URL");
    assertNull(unresolved.value());
    assertNull(unresolved.source());
    assertTrue(unresolved.missing());

    settings.override(
        EnvironmentRef.of("shop", "dev"),
        new SettingKey("API_URL"),
        "\"https://api.dev.example\"",
        NONE);
    assertFalse(resolve("dev").get("API_URL").missing());
    assertTrue(resolve("staging").get("API_URL").missing());
  }

  @Test
  void removingTheOverrideFallsBackToTheDefault() {
    settings.define(
        new DefineSetting(
            new Slug("shop"), new SettingKey("MODE"), "string", "\"safe\"", null, false),
        NONE);
    settings.override(EnvironmentRef.of("shop", "dev"), new SettingKey("MODE"), "\"fast\"", NONE);
    settings.removeOverride(EnvironmentRef.of("shop", "dev"), new SettingKey("MODE"), NONE);
    assertEquals("safe", resolve("dev").get("MODE").value());
    assertThrows(
        NotFound.class,
        () -> settings.overrideOf(EnvironmentRef.of("shop", "dev"), new SettingKey("MODE")));
  }

  @Test
  void overridesAreValidatedAgainstTheDefinitionsType() {
    settings.define(
        new DefineSetting(
            new Slug("shop"), new SettingKey("ENABLED"), "boolean", "true", null, false),
        NONE);
    InvalidValue e =
        assertThrows(
            InvalidValue.class,
            () ->
                settings.override(
                    EnvironmentRef.of("shop", "dev"), new SettingKey("ENABLED"), "\"on\"", NONE));
    assertEquals("value", e.violations().get(0).field());
    assertThrows(
        InvalidValue.class,
        () ->
            settings.override(
                EnvironmentRef.of("shop", "dev"), new SettingKey("ENABLED"), null, NONE));
  }

  @Test
  void aTypeChangeConvertsOverridesThatFit() {
    settings.define(
        new DefineSetting(
            new Slug("shop"), new SettingKey("WORKERS"), "string", "\"4\"", null, false),
        NONE);
    settings.override(
        EnvironmentRef.of("shop", "production"), new SettingKey("WORKERS"), "\" 16\"", NONE);
    settings.define(
        new DefineSetting(new Slug("shop"), new SettingKey("WORKERS"), "integer", "4", null, false),
        NONE);
    assertEquals(
        "16",
        settings
            .overrideOf(EnvironmentRef.of("shop", "production"), new SettingKey("WORKERS"))
            .value());
  }

  @Test
  void aTypeChangeThatAnOverrideDoesNotFitIsRefusedAndChangesNothing() {
    settings.define(
        new DefineSetting(
            new Slug("shop"), new SettingKey("LEVEL"), "string", "\"info\"", null, false),
        NONE);
    settings.override(
        EnvironmentRef.of("shop", "staging"), new SettingKey("LEVEL"), "\"debug\"", NONE);
    settings.override(EnvironmentRef.of("shop", "dev"), new SettingKey("LEVEL"), "\"7\"", NONE);

    Conflict e =
        assertThrows(
            Conflict.class,
            () ->
                settings.define(
                    new DefineSetting(
                        new Slug("shop"), new SettingKey("LEVEL"), "integer", "1", null, false),
                    NONE));
    assertTrue(e.getMessage().contains("staging"), e::getMessage);
    assertFalse(e.getMessage().contains("dev"), e::getMessage);
    assertEquals(
        SettingType.STRING, settings.definition(new Slug("shop"), new SettingKey("LEVEL")).type());
    assertEquals(
        "7",
        settings.overrideOf(EnvironmentRef.of("shop", "dev"), new SettingKey("LEVEL")).value());
  }

  @Test
  void ifMatchOnAMissingSettingRefusesToCreateIt() {
    assertThrows(
        StaleVersion.class,
        () ->
            settings.define(
                new DefineSetting(
                    new Slug("shop"), new SettingKey("NEW"), "string", "\"x\"", null, false),
                Precondition.oneOf(Set.of(0L))));
    assertThrows(
        NotFound.class, () -> settings.definition(new Slug("shop"), new SettingKey("NEW")));
  }

  @Test
  void undefiningRemovesTheOverridesToo() {
    settings.define(
        new DefineSetting(
            new Slug("shop"), new SettingKey("FLAG"), "boolean", "false", null, false),
        NONE);
    settings.override(EnvironmentRef.of("shop", "dev"), new SettingKey("FLAG"), "true", NONE);
    settings.undefine(new Slug("shop"), new SettingKey("FLAG"), NONE);
    assertEquals(
        List.of(),
        settings.resolve(EnvironmentRef.of("shop", "dev"), PageRequest.first(10)).items());
  }

  @Test
  void unknownApplicationEnvironmentOrKeyIsNotFound() {
    assertThrows(
        NotFound.class, () -> settings.definition(new Slug("nowhere"), new SettingKey("K")));
    assertThrows(
        NotFound.class,
        () -> settings.resolve(EnvironmentRef.of("shop", "qa"), PageRequest.first(1)));
    assertThrows(
        NotFound.class,
        () ->
            settings.override(EnvironmentRef.of("shop", "dev"), new SettingKey("NOPE"), "1", NONE));
  }
}
