package dev.setpoint.web.delivery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfigResourceTest {

  private static final String HASH = "9f2c0a";

  @Test
  void ifNoneMatchMatchesTheCurrentTagStrongWeakInAListOrStar() {
    assertTrue(ConfigResource.matches("\"9f2c0a\"", HASH));
    assertTrue(ConfigResource.matches("W/\"9f2c0a\"", HASH), "compared weakly");
    assertTrue(ConfigResource.matches("\"old\", \"9f2c0a\"", HASH));
    assertTrue(ConfigResource.matches(" * ", HASH));
  }

  @Test
  void anythingElseDoesNotMatch() {
    assertFalse(ConfigResource.matches(null, HASH));
    assertFalse(ConfigResource.matches("", HASH));
    assertFalse(ConfigResource.matches("9f2c0a", HASH), "unquoted is not a tag");
    assertFalse(ConfigResource.matches("\"9f2c0\"", HASH));
    assertFalse(ConfigResource.matches("\"old\", W/\"other\"", HASH));
    assertFalse(ConfigResource.matches("\"", HASH));
  }
}
