package dev.setpoint.client.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProblemDetailTest {

  @Test
  void readsTheDetailWithEscapes() {
    String json =
        "{\"type\":\"https://setpoint.dev/problems/not-found\",\"title\":\"Not found\","
            + "\"status\":404,\"detail\":\"No application \\\"bill\\u00efng\\\"\\nhere\"}";

    assertEquals(Optional.of("No application \"billïng\" here"), ProblemDetail.of(bytes(json)));
  }

  @Test
  void fallsBackToTheTitle() {
    assertEquals(
        Optional.of("Service Unavailable"),
        ProblemDetail.of(bytes("{\"title\": \"Service Unavailable\", \"status\": 503}")));
  }

  @Test
  void anythingElseGivesNothing() {
    assertEquals(Optional.empty(), ProblemDetail.of(bytes("<html>Bad gateway</html>")));
    assertEquals(Optional.empty(), ProblemDetail.of(new byte[0]));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
