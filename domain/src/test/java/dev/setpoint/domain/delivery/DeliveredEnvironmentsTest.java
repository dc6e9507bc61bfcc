package dev.setpoint.domain.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.setpoint.domain.access.Caller;
import dev.setpoint.domain.access.Role;
import dev.setpoint.domain.access.RoleBinding;
import dev.setpoint.domain.access.TokenScope;
import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.application.EnvironmentRef;
import dev.setpoint.domain.catalog.ApplicationService;
import dev.setpoint.domain.catalog.EnvironmentService;
import dev.setpoint.domain.release.PublishRelease;
import dev.setpoint.domain.release.ReleasePublisher;
import dev.setpoint.domain.shared.Forbidden;
import dev.setpoint.domain.shared.NotFound;
import dev.setpoint.domain.shared.Slug;
import dev.setpoint.domain.shared.Unauthenticated;
import dev.setpoint.domain.testing.InMemoryRepositories;
import dev.setpoint.domain.testing.WiredUseCases;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeliveredEnvironmentsTest {

  private final InMemoryRepositories store = new InMemoryRepositories();
  private DeliveredEnvironments delivered;
  private Application shop;
  private Environment dev;
  private Environment staging;
  private Environment production;

  @BeforeEach
  void setUp() {
    WiredUseCases wired = WiredUseCases.over(store);
    ApplicationService applications = wired.applications();
    EnvironmentService environments = wired.environments();
    ReleasePublisher publisher = wired.publisher();
    shop = applications.create("shop", "Shop", null, null);
    applications.create("other", "Other", null, null);
    dev = environments.find(shop, new Slug("dev"));
    staging = environments.find(shop, new Slug("staging"));
    production = environments.find(shop, new Slug("production"));
    // dev has no release: nothing there to read, so nothing to list
    publisher.publish(PublishRelease.of(EnvironmentRef.of("shop", "staging"), null, "alice"));
    publisher.publish(PublishRelease.of(EnvironmentRef.of("shop", "production"), null, "alice"));
    delivered = new DeliveredEnvironments(store, store, store, store.access());
  }

  private List<String> listed(String app) {
    return delivered.of(new Slug(app)).stream().map(Slug::value).toList();
  }

  private void grant(String user, Role role, Environment env) {
    store.store(new RoleBinding(user, role, shop, env, "test", Instant.now()));
  }

  @Test
  void aServiceTokenSeesTheEnvironmentsOfItsScopeThatHaveARelease() {
    store.caller =
        Caller.token(new TokenScope(UUID.randomUUID(), shop.id(), Set.of(staging.id(), dev.id())));
    assertEquals(List.of("staging"), listed("shop"));
  }

  @Test
  void aTokenOfAnotherApplicationLearnsNothingOfThisOne() {
    store.caller =
        Caller.token(
            new TokenScope(UUID.randomUUID(), UUID.randomUUID(), Set.of(UUID.randomUUID())));
    assertThrows(NotFound.class, () -> listed("shop"));
    assertThrows(NotFound.class, () -> listed("missing"));
  }

  @Test
  void aPersonSeesTheEnvironmentsWhoseSecretsTheyMayReveal() {
    grant("ed", Role.EDITOR, null);
    store.caller = Caller.builtInUser("ed");
    // an application role does not reach production's secrets
    assertEquals(List.of("staging"), listed("shop"));
    grant("ed", Role.EDITOR, production);
    assertEquals(List.of("production", "staging"), listed("shop"));

    grant("prod-only", Role.VIEWER, null);
    grant("prod-only", Role.EDITOR, production);
    store.caller = Caller.builtInUser("prod-only");
    assertEquals(List.of("production"), listed("shop"));
  }

  @Test
  void aViewerIsRefusedAndAStrangerIsToldNothingIsThere() {
    grant("vi", Role.VIEWER, null);
    store.caller = Caller.builtInUser("vi");
    assertThrows(Forbidden.class, () -> listed("shop"));
    store.caller = Caller.builtInUser("stranger");
    assertThrows(NotFound.class, () -> listed("shop"));
    store.caller = Caller.ANONYMOUS;
    assertThrows(Unauthenticated.class, () -> listed("shop"));
  }
}
