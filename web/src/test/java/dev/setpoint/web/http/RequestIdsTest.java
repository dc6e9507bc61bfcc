package dev.setpoint.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

  @ParameterizedTest
  @ValueSource(strings = {"0f8fad5b-d9cb-469f-a165-70867728950e", "trace:abc.123_X-9", "12345678"})
  void keepsASaneCallerId(String offered) {
    assertEquals(offered, RequestIds.accept(offered));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "short", "has space in it", "<script>", "line\nbreak-injected"})
  void replacesAnythingElseWithAUuid(String offered) {
    String id = RequestIds.accept(offered);
    assertNotEquals(offered, id);
    assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), id);
  }

  @ParameterizedTest
  @ValueSource(ints = {129, 500})
  void refusesOverlongIds(int length) {
    assertNotEquals("a".repeat(length), RequestIds.accept("a".repeat(length)));
  }
}
