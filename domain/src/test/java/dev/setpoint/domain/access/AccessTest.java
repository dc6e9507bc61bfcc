package dev.setpoint.domain.access;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.catalog.ApplicationService;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.shared.Forbidden;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.domain.shared.Slug;
import dev.setpoint.domain.shared.Unauthenticated;
import dev.setpoint.domain.testing.InMemoryRepositories;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessTest {

  private final InMemoryRepositories store = new InMemoryRepositories();
  private Access access;
  private ApplicationService applications;
  private Application shop;
  private Application other;
  private Environment staging;
  private Environment production;

  @BeforeEach
  void setUp() {
    access = store.access();
    applications =
        new ApplicationService(store, store, store, store, access, store.auditTrail(), store.clock);
    EnvironmentService environments =
        new EnvironmentService(applications, store, store, access, store.auditTrail(), store.clock);
    shop = applications.create("shop", "Shop", null, null);
    other = applications.create("other", "Other", null, null);
    staging = environments.find(shop, new Slug("staging"));
    production = environments.find(shop, new Slug("production"));
  }

  private void grant(String principal, Role role, Application app, Environment env) {
    store.store(new RoleBinding(principal, role, app, env, "test", Instant.now()));
  }

  private void as(Caller caller) {
    store.caller = caller;
  }

  @Test
  void anonymousCallersMustAuthenticateFirst() {
    as(Caller.ANONYMOUS);
    assertThrows(Unauthenticated.class, () -> access.require(Action.READ, staging));
    assertThrows(Unauthenticated.class, () -> applications.get(new Slug("shop")));
  }

  @Test
  void rolesIncludeTheOnesBelowThem() {
    grant("ed", Role.EDITOR, shop, null);
    as(Caller.builtInUser("ed"));
    assertDoesNotThrow(() -> access.require(Action.READ, staging));
    assertDoesNotThrow(() -> access.require(Action.WRITE, staging));
    assertDoesNotThrow(() -> access.require(Action.REVEAL, staging));
    Forbidden publish =
        assertThrows(Forbidden.class, () -> access.require(Action.PUBLISH, staging));
    assertTrue(publish.getMessage().contains("releaser"), publish.getMessage());
  }

  @Test
  void productionNeedsTheRoleOnTheEnvironmentItself() {
    grant("rel", Role.RELEASER, shop, null);
    as(Caller.builtInUser("rel"));
    assertDoesNotThrow(() -> access.require(Action.READ, production));
    Forbidden denied =
        assertThrows(Forbidden.class, () -> access.require(Action.PUBLISH, production));
    assertTrue(denied.getMessage().contains("environment itself"), denied.getMessage());

    grant("rel", Role.RELEASER, shop, production);
    assertDoesNotThrow(() -> access.require(Action.PUBLISH, production));
    assertDoesNotThrow(() -> access.require(Action.WRITE, production));
  }

  @Test
  void aPlatformAdminMayDoEverythingAndAPlatformEditorOnlyOutsideProduction() {
    grant("root", Role.ADMIN, null, null);
    grant("wide", Role.EDITOR, null, null);
    as(Caller.builtInUser("root"));
    assertDoesNotThrow(() -> access.require(Action.MANAGE, production));
    assertDoesNotThrow(access::requirePlatformAdmin);
    as(Caller.builtInUser("wide"));
    assertDoesNotThrow(() -> access.require(Action.WRITE, staging));
    assertThrows(Forbidden.class, () -> access.require(Action.WRITE, production));
    assertDoesNotThrow(access::requireCreator);
    assertThrows(Forbidden.class, access::requirePlatformAdmin);
  }

  @Test
  void anApplicationWithoutAnyBindingIsNotFoundRatherThanForbidden() {
    grant("ann", Role.ADMIN, shop, null);
    as(Caller.builtInUser("ann"));
    assertThrows(NotFound.class, () -> applications.get(new Slug("other")));
    assertEquals(Optional.of(Set.of(shop.id())), access.visibleApplications());
    assertEquals(
        java.util.List.of("shop"),
        applications.list(PageRequest.first(50)).items().stream()
            .map(a -> a.slug().value())
            .toList());
  }

  @Test
  void anEnvironmentBindingShowsTheApplicationButGivesNothingElsewhere() {
    grant("sam", Role.EDITOR, shop, staging);
    as(Caller.builtInUser("sam"));
    assertDoesNotThrow(() -> applications.get(new Slug("shop")));
    assertDoesNotThrow(() -> access.require(Action.WRITE, staging));
    assertThrows(Forbidden.class, () -> access.require(Action.READ, production));
    assertThrows(Forbidden.class, () -> access.require(Action.WRITE, shop));
  }

  @Test
  void groupsFromTheIdentityProviderCarryTheirBindings() {
    grant("group:payments", Role.VIEWER, shop, null);
    as(Caller.user("pat", Set.of("payments")));
    assertDoesNotThrow(() -> access.require(Action.READ, staging));
    as(Caller.user("pat", Set.of()));
    assertThrows(NotFound.class, () -> access.require(Action.READ, staging));
  }

  @Test
  void serviceTokensOnlyReceiveTheEnvironmentsOfTheirScope() {
    as(Caller.token(new TokenScope(java.util.UUID.randomUUID(), shop.id(), Set.of(staging.id()))));
    assertDoesNotThrow(() -> access.requireDelivery(Target.of(staging)));
    assertThrows(Forbidden.class, () -> access.requireDelivery(Target.of(production)));
    assertThrows(Forbidden.class, () -> access.require(Action.READ, staging));
    assertThrows(Forbidden.class, access::visibleApplications);
    Environment elsewhere =
        new EnvironmentService(applications, store, store, access, store.auditTrail(), store.clock)
            .find(other, new Slug("staging"));
    assertThrows(NotFound.class, () -> access.requireDelivery(Target.of(elsewhere)));
  }

  @Test
  void aCreatorWhoIsNotAPlatformAdminAdministersTheNewApplication() {
    grant("maker", Role.EDITOR, null, null);
    as(Caller.builtInUser("maker"));
    Application made = applications.create("made", "Made", null, null);
    assertTrue(
        store.forPrincipals(Set.of("maker")).stream()
            .anyMatch(b -> b.role() == Role.ADMIN && made.equals(b.application())));
  }
}
