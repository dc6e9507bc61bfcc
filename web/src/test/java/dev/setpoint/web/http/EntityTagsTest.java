package dev.setpoint.web.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.setpoint.domain.shared.StaleVersion;
import org.junit.jupiter.api.Test;

class EntityTagsTest {

  @Test
  void noHeaderMeansNoPrecondition() {
    assertDoesNotThrow(() -> EntityTags.ifMatch(null).checkAgainst(9, "x"));
    assertDoesNotThrow(() -> EntityTags.ifMatch(" ").checkAbsent("x"));
  }

  @Test
  void aListOfStrongTagsMatchesAnyOfThem() {
    var precondition = EntityTags.ifMatch("\"1\", \"4\"");
    assertDoesNotThrow(() -> precondition.checkAgainst(4, "x"));
    assertThrows(StaleVersion.class, () -> precondition.checkAgainst(2, "x"));
  }

  @Test
  void weakOrMalformedTagsNeverMatch() {
    assertThrows(StaleVersion.class, () -> EntityTags.ifMatch("W/\"4\"").checkAgainst(4, "x"));
    assertThrows(StaleVersion.class, () -> EntityTags.ifMatch("4").checkAgainst(4, "x"));
    assertThrows(StaleVersion.class, () -> EntityTags.ifMatch("\"four\"").checkAgainst(4, "x"));
  }

  @Test
  void wildcardNeedsAnExistingResource() {
    assertDoesNotThrow(() -> EntityTags.ifMatch("*").checkAgainst(0, "x"));
    assertThrows(StaleVersion.class, () -> EntityTags.ifMatch("*").checkAbsent("x"));
  }
}
