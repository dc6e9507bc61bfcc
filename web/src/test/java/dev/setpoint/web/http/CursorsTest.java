package dev.setpoint.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.setpoint.domain.shared.InvalidValue;
import dev.setpoint.domain.shared.PageRequest;
import org.junit.jupiter.api.Test;

class CursorsTest {

  @Test
  void aCursorLeadsToThePageAfterItsKey() {
    String cursor = Cursors.encode("billing-service");
    PageRequest page = Cursors.page("10", cursor);
    assertEquals("billing-service", page.after());
    assertEquals(10, page.limit());
  }

  @Test
  void defaultsToTheFirstPageOfFifty() {
    PageRequest page = Cursors.page(null, null);
    assertNull(page.after());
    assertEquals(50, page.limit());
  }

  @Test
  void noLastKeyMeansNoCursor() {
    assertNull(Cursors.encode(null));
  }

  @Test
  void foreignCursorsAndBadLimitsAreRefusedByField() {
    InvalidValue cursor = assertThrows(InvalidValue.class, () -> Cursors.page(null, "bm9wZQ"));
    assertEquals("cursor", cursor.violations().get(0).field());
    assertThrows(InvalidValue.class, () -> Cursors.page(null, "%%%"));
    InvalidValue limit = assertThrows(InvalidValue.class, () -> Cursors.page("ten", null));
    assertEquals("limit", limit.violations().get(0).field());
    assertThrows(InvalidValue.class, () -> Cursors.page("0", null));
    assertThrows(InvalidValue.class, () -> Cursors.page("501", null));
  }
}
