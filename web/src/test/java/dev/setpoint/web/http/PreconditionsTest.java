package dev.setpoint.web.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.shared.StaleVersion;
import org.junit.jupiter.api.Test;

class PreconditionsTest {

  private static final String HASH = "9f2c0a";

  @Test
  void noHeaderMeansNoPrecondition() {
    assertDoesNotThrow(() -> Preconditions.ifMatch(null).checkAgainst(9, "x"));
    assertDoesNotThrow(() -> Preconditions.ifMatch(" ").checkAbsent("x"));
  }

  @Test
  void aListOfStrongTagsMatchesAnyOfThem() {
    var precondition = Preconditions.ifMatch("\"1\", \"4\"");
    assertDoesNotThrow(() -> precondition.checkAgainst(4, "x"));
    assertThrows(StaleVersion.class, () -> precondition.checkAgainst(2, "x"));
  }

  @Test
  void weakOrMalformedTagsNeverMatch() {
    assertThrows(StaleVersion.class, () -> Preconditions.ifMatch("W/\"4\"").checkAgainst(4, "x"));
    assertThrows(StaleVersion.class, () -> Preconditions.ifMatch("4").checkAgainst(4, "x"));
    assertThrows(StaleVersion.class, () -> Preconditions.ifMatch("\"four\"").checkAgainst(4, "x"));
  }

  @Test
  void wildcardNeedsAnExistingResource() {
    assertDoesNotThrow(() -> Preconditions.ifMatch("*").checkAgainst(0, "x"));
    assertThrows(StaleVersion.class, () -> Preconditions.ifMatch("*").checkAbsent("x"));
  }

  @Test
  void ifNoneMatchMatchesTheCurrentTagStrongWeakInAListOrStar() {
    assertTrue(Preconditions.ifNoneMatch("\"9f2c0a\"", HASH));
    assertTrue(Preconditions.ifNoneMatch("W/\"9f2c0a\"", HASH), "compared weakly");
    assertTrue(Preconditions.ifNoneMatch("\"old\", \"9f2c0a\"", HASH));
    assertTrue(Preconditions.ifNoneMatch(" * ", HASH));
  }

  @Test
  void anythingElseDoesNotMatch() {
    assertFalse(Preconditions.ifNoneMatch(null, HASH));
    assertFalse(Preconditions.ifNoneMatch("", HASH));
    assertFalse(Preconditions.ifNoneMatch("9f2c0a", HASH), "unquoted is not a tag");
    assertFalse(Preconditions.ifNoneMatch("\"9f2c0\"", HASH));
    assertFalse(Preconditions.ifNoneMatch("\"old\", W/\"other\"", HASH));
    assertFalse(Preconditions.ifNoneMatch("\"", HASH));
  }
}
