package dev.setpoint.domain.setting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.setpoint.domain.access.Access;
import dev.setpoint.domain.access.Action;
import dev.setpoint.domain.access.Caller;
import dev.setpoint.domain.access.Role;
import dev.setpoint.domain.access.RoleBinding;
import dev.setpoint.domain.access.VisibleTargets;
import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.catalog.ApplicationService;
import dev.setpoint.domain.catalog.TargetNames;
import dev.setpoint.domain.shared.Forbidden;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.Slug;
import dev.setpoint.domain.testing.InMemoryRepositories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Names parsed before a use case runs answer as the use case's own lookup did. */
class KeyNamesTest {

  private final InMemoryRepositories store = new InMemoryRepositories();
  private TargetNames names;
  private KeyNames keys;
  private Application shop;

  @BeforeEach
  void setUp() {
    Access access = store.access();
    VisibleTargets targets = new VisibleTargets(store, store, access);
    names = new TargetNames(targets);
    keys = new KeyNames(targets, access);
    shop =
        new ApplicationService(store, store, store, store, access, store.auditTrail(), store.clock)
            .create("shop", "Shop", null, null);
  }

  private void viewer(String name) {
    store.store(new RoleBinding(name, Role.VIEWER, shop, null, "test", store.clock.instant()));
    store.caller = Caller.builtInUser(name);
  }

  private static String field(InvalidValue e) {
    return e.violations().get(0).field();
  }

  @Test
  void aMalformedEnvironmentOfAnApplicationTheCallerCannotSeeIsNotFound() {
    store.caller = Caller.builtInUser("stranger");
    assertThrows(NotFound.class, () -> names.environment("shop", "Bad_Env"));
    assertEquals("app", field(assertThrows(InvalidValue.class, () -> names.environment("A", "x"))));
  }

  @Test
  void aMalformedEnvironmentOfAVisibleApplicationNamesTheField() {
    viewer("vic");
    assertEquals(
        "env", field(assertThrows(InvalidValue.class, () -> names.environment("shop", "X"))));
    assertEquals(EnvironmentRef.of("shop", "dev"), names.environment("shop", "dev"));
  }

  @Test
  void aMalformedKeyIsAnsweredAfterTheChecksMadeBeforeItsLookup() {
    viewer("vic");
    EnvironmentRef dev = EnvironmentRef.of("shop", "dev");
    assertThrows(Forbidden.class, () -> keys.in(dev, "9bad", Action.READ, Action.WRITE));
    assertEquals("key", field(assertThrows(InvalidValue.class, () -> keys.in(dev, "9bad"))));
    assertThrows(NotFound.class, () -> keys.in(EnvironmentRef.of("shop", "qa"), "9bad"));
    assertThrows(Forbidden.class, () -> keys.on(new Slug("shop"), "9bad", Action.WRITE));
    assertEquals(new SettingKey("GOOD"), keys.on(new Slug("shop"), "GOOD", Action.WRITE));

    store.caller = Caller.builtInUser("stranger");
    assertThrows(NotFound.class, () -> keys.on(new Slug("shop"), "9bad"));
  }
}
