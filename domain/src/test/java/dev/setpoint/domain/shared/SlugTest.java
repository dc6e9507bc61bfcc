package dev.setpoint.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlugTest {

  @ParameterizedTest
  @ValueSource(strings = {"ab", "billing", "billing-service-2", "a1"})
  void acceptsLowerCaseSlugs(String slug) {
    assertEquals(slug, Slug.of("slug", slug).value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "Billing", "1app", "-app", "app_name", "app.name", "app name"})
  void refusesOtherSlugs(String slug) {
    InvalidValue e = assertThrows(InvalidValue.class, () -> Slug.of("app", slug));
    assertEquals("app", e.violations().get(0).field());
    assertEquals(Slug.RULE, e.violations().get(0).rule());
  }

  @Test
  void limitsSlugsTo63Characters() {
    assertEquals(63, Slug.of("slug", "a".repeat(63)).value().length());
    assertThrows(InvalidValue.class, () -> Slug.of("slug", "a".repeat(64)));
  }

  @Test
  void aMissingSlugSaysSo() {
    InvalidValue e = assertThrows(InvalidValue.class, () -> Slug.of("slug", null));
    assertEquals("slug: must not be null", e.getMessage());
  }
}
