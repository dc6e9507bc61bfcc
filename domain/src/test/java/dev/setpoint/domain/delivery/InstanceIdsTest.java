package dev.setpoint.domain.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.shared.InvalidValue;
import org.junit.jupiter.api.Test;

class InstanceIdsTest {

  @Test
  void anIdIsOneTo128OfTheAllowedCharactersAndAnAbsentOnePasses() {
    assertTrue(InstanceIds.valid("web-1.pod:7@eu_west"));
    assertFalse(InstanceIds.valid(null));
    assertFalse(InstanceIds.valid(""));
    assertFalse(InstanceIds.valid("a".repeat(129)));
    assertFalse(InstanceIds.valid("web 1"));
    InstanceIds.check("instance", null);
    InvalidValue refused =
        assertThrows(InvalidValue.class, () -> InstanceIds.check("instance", "web/1"));
    assertEquals("instance", refused.violations().get(0).field());
    assertEquals(InstanceIds.RULE, refused.violations().get(0).rule());
  }
}
