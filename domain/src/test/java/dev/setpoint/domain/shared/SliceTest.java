package dev.setpoint.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SliceTest {

  @Test
  void anExtraRowMeansAnotherPageStartingAfterTheLastItem() {
    Slice<String> slice = Slice.of(List.of("a", "b", "c"), 2, Function.identity());
    assertEquals(List.of("a", "b"), slice.items());
    assertEquals("b", slice.nextAfter());
  }

  @Test
  void noExtraRowMeansTheLastPage() {
    Slice<String> slice = Slice.of(List.of("a", "b"), 2, Function.identity());
    assertEquals(List.of("a", "b"), slice.items());
    assertNull(slice.nextAfter());
  }

  @Test
  void pageSizeIsBounded() {
    assertThrows(InvalidValue.class, () -> new PageRequest(null, 0));
    assertThrows(InvalidValue.class, () -> new PageRequest(null, PageRequest.MAX_LIMIT + 1));
    assertEquals(PageRequest.MAX_LIMIT, new PageRequest("x", PageRequest.MAX_LIMIT).limit());
  }
}
