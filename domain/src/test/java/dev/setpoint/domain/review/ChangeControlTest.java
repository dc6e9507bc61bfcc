package dev.setpoint.domain.review;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.access.Role;
import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.Slug;
import dev.setpoint.domain.testing.InMemoryRepositories;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeControlTest {

  private final InMemoryRepositories store = new InMemoryRepositories();
  private final Application shop =
      new Application(new Slug("shop"), "Shop", null, null, Instant.now());
  private final Environment staging =
      new Environment(shop, new Slug("staging"), "Staging", false, Instant.now());
  private final Environment production =
      new Environment(shop, new Slug("production"), "Production", true, Instant.now());

  @Test
  void withoutPoliciesOrTheFeatureEveryDirectWriteGoesThrough() {
    ChangeControl control = store.changeControl();
    assertDoesNotThrow(() -> control.requireDirect(production));
    assertFalse(control.ruleOf(production).reviewed());
    assertFalse(control.ruleOf(production).explicit());
  }

  @Test
  void theFeatureMakesOneApprovalTheProductionDefaultOnly() {
    store.changeControlEnabled = true;
    ChangeControl control = store.changeControl();
    assertEquals(1, control.ruleOf(production).approvals());
    assertThrows(ReviewRequired.class, () -> control.requireDirect(production));
    assertDoesNotThrow(() -> control.requireDirect(staging));
  }

  @Test
  void anExplicitPolicyWinsOverTheDefaultEitherWay() {
    store.changeControlEnabled = true;
    store.store(
        new ReviewPolicy(production, ReviewPolicy.Rule.of(0, null, null), "admin", Instant.now()));
    store.store(
        new ReviewPolicy(
            staging,
            ReviewPolicy.Rule.of(2, "releaser", List.of("alice")),
            "admin",
            Instant.now()));
    ChangeControl control = store.changeControl();
    assertDoesNotThrow(() -> control.requireDirect(production));
    ReviewRequired refused =
        assertThrows(ReviewRequired.class, () -> control.requireDirect(staging));
    assertTrue(refused.getMessage().contains("2 approvals"), refused.getMessage());
    ReviewPolicy.Rule rule = control.ruleOf(staging);
    assertEquals(Role.RELEASER, rule.role());
    assertEquals(List.of("alice"), rule.principals());
    assertTrue(rule.explicit());
  }

  @Test
  void applyingARequestPassesTheRuleOnlyInsideIt() {
    store.store(
        new ReviewPolicy(staging, ReviewPolicy.Rule.of(1, null, null), "admin", Instant.now()));
    ChangeControl control = store.changeControl();
    assertEquals(
        "written",
        control.applying(
            () -> {
              control.requireDirect(staging);
              return "written";
            }));
    assertThrows(ReviewRequired.class, () -> control.requireDirect(staging));
  }

  @Test
  void aRuleNamesTheFieldItBreaks() {
    assertField("approvals", () -> ReviewPolicy.Rule.of(4, null, null));
    assertField("approvals", () -> ReviewPolicy.Rule.of(-1, null, null));
    assertField("approvals", () -> ReviewPolicy.Rule.of(null, null, null));
    assertField("approvers.role", () -> ReviewPolicy.Rule.of(1, "viewer", null));
    assertField("approvers.role", () -> ReviewPolicy.Rule.of(1, "owner", null));
    assertField("approvers.principals", () -> ReviewPolicy.Rule.of(1, null, List.of("a b")));
    assertField("approvers.principals", () -> ReviewPolicy.Rule.of(1, null, List.of("")));
    assertEquals(
        List.of("alice"), ReviewPolicy.Rule.of(1, null, List.of("alice", "alice")).principals());
  }

  private static void assertField(String field, Runnable rule) {
    InvalidValue refused = assertThrows(InvalidValue.class, rule::run);
    assertEquals(field, refused.violations().get(0).field());
  }
}
