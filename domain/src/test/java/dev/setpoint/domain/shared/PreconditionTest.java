package dev.setpoint.domain.shared;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PreconditionTest {

  @Test
  void noneAcceptsAnything() {
    assertDoesNotThrow(() -> Precondition.none().checkAgainst(7, "x"));
    assertDoesNotThrow(() -> Precondition.none().checkAbsent("x"));
  }

  @Test
  void anyVersionNeedsTheResourceToExist() {
    assertDoesNotThrow(() -> Precondition.anyVersion().checkAgainst(3, "x"));
    assertThrows(StaleVersion.class, () -> Precondition.anyVersion().checkAbsent("x"));
  }

  @Test
  void versionsMustMatchTheCurrentOne() {
    Precondition expected = Precondition.oneOf(Set.of(2L, 5L));
    assertDoesNotThrow(() -> expected.checkAgainst(5, "x"));
    assertThrows(StaleVersion.class, () -> expected.checkAgainst(3, "x"));
    assertThrows(StaleVersion.class, () -> expected.checkAbsent("x"));
  }

  @Test
  void anUnusableTagMatchesNothing() {
    assertThrows(StaleVersion.class, () -> Precondition.oneOf(Set.of()).checkAgainst(0, "x"));
  }
}
