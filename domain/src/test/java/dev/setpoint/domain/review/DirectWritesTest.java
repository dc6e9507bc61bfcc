package dev.setpoint.domain.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.release.PublishRelease;
import dev.setpoint.domain.setting.DefineSetting;
import dev.setpoint.domain.setting.SettingKey;
import dev.setpoint.domain.shared.Precondition;
import dev.setpoint.domain.shared.Slug;
import dev.setpoint.domain.testing.InMemoryRepositories;
import dev.setpoint.domain.testing.WiredUseCases;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The setting and publish use cases under a review policy: refused, and nothing written. */
class DirectWritesTest {

  private final InMemoryRepositories store = new InMemoryRepositories();
  private final WiredUseCases wired = WiredUseCases.over(store);
  private final EnvironmentRef staging = EnvironmentRef.of("shop", "staging");
  private final SettingKey pool = new SettingKey("pool");

  @Test
  void overridesAndPublishesAreRefusedUnderAPolicyAndPassWhileARequestIsApplied() {
    wired.applications().create("shop", "Shop", null, null);
    wired
        .settings()
        .define(
            new DefineSetting(new Slug("shop"), pool, "integer", "5", null, false),
            Precondition.none());
    Environment environment = wired.environments().get(staging);
    store.store(
        new ReviewPolicy(environment, ReviewPolicy.Rule.of(1, null, null), "admin", Instant.now()));

    assertThrows(
        ReviewRequired.class,
        () -> wired.settings().override(staging, pool, "7", Precondition.none()));
    assertThrows(
        ReviewRequired.class,
        () -> wired.publisher().publish(PublishRelease.of(staging, null, "alice")));
    assertTrue(
        store
            .findOverride(
                store.findDefinition(environment.application(), pool).orElseThrow(), environment)
            .isEmpty());

    store
        .changeControl()
        .applying(() -> wired.settings().override(staging, pool, "7", Precondition.none()));
    assertEquals(
        "7",
        store
            .findOverride(
                store.findDefinition(environment.application(), pool).orElseThrow(), environment)
            .orElseThrow()
            .value());
  }
}
