package dev.setpoint.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.setpoint.api.problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonShapesTest {

  record Step(Integer percent) {}

  record Sample(
      String name,
      Boolean enabled,
      Integer count,
      Long big,
      Double ratio,
      List<String> tags,
      Instant at,
      JsonValue value,
      JsonObject options,
      Map<String, Integer> weights,
      List<Step> steps,
      @JsonbProperty("renamed") String original) {}

  private static List<FieldError> check(String json) {
    JsonValue body = Json.createReader(new StringReader(json)).readValue();
    return JsonShapes.check(body, Sample.class);
  }

  private static List<String> fields(String json) {
    return check(json).stream().map(FieldError::field).toList();
  }

  @Test
  void aBodyOfTheRightShapePasses() {
    assertEquals(
        List.of(),
        check(
            "{\"name\":\"n\",\"enabled\":true,\"count\":3,\"big\":-9,\"ratio\":1.5,"
                + "\"tags\":[\"a\"],\"at\":\"2026-01-01T00:00:00Z\",\"value\":[1,\"x\",{\"a\":null}],"
                + "\"options\":{},\"weights\":{\"a\":1},\"steps\":[{\"percent\":10}],"
                + "\"renamed\":\"r\",\"unknown\":1}"));
    assertEquals(List.of(), check("{\"name\":null,\"count\":null}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "0", "true", "[]", "{}"})
  void textTakesOnlyAString(String json) {
    assertEquals(
        List.of(new FieldError("name", "must be a string")), check("{\"name\":" + json + "}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"5\"", "true", "[5]", "1.5", "2147483648"})
  void anIntegerTakesOnlyAnIntegralNumberInRange(String json) {
    assertEquals(List.of("count"), fields("{\"count\":" + json + "}"));
  }

  @Test
  void otherScalarsAreStrictToo() {
    assertEquals(
        List.of(
            new FieldError("enabled", "must be true or false"),
            new FieldError("ratio", "must be a number"),
            new FieldError("at", "must be a string")),
        check("{\"enabled\":\"true\",\"ratio\":\"1.5\",\"at\":1700000000}"));
  }

  @Test
  void containersAreCheckedElementByElement() {
    assertEquals(
        List.of("tags[1]", "options", "weights.b", "steps[0].percent"),
        fields(
            "{\"tags\":[\"a\",2],\"weights\":{\"a\":1,\"b\":\"2\"},"
                + "\"steps\":[{\"percent\":\"10\"}],\"options\":[]}"));
    assertEquals(List.of("tags", "steps[0]"), fields("{\"tags\":\"a\",\"steps\":[5]}"));
  }

  @Test
  void jsonBindingNamesAreUsed() {
    assertEquals(List.of("renamed"), fields("{\"renamed\":7,\"original\":7}"));
  }

  @Test
  void rawJsonTakesAnythingButNul() {
    assertEquals(List.of(), check("{\"value\":1.5}"));
    assertEquals(List.of(), check("{\"value\":\"text\"}"));
    assertEquals(
        List.of(new FieldError("value.a[1]", JsonShapes.NUL)),
        check("{\"value\":{\"a\":[\"ok\",\"b\\u0000\"]}}"));
    assertEquals(
        List.of(new FieldError("value", JsonShapes.NUL)), check("{\"value\":{\"k\\u0000\":1}}"));
  }

  @Test
  void nulIsRefusedInEveryString() {
    assertEquals(
        List.of(
            new FieldError("name", JsonShapes.NUL),
            new FieldError("tags[0]", JsonShapes.NUL),
            new FieldError("weights", JsonShapes.NUL)),
        check("{\"name\":\"a\\u0000\",\"tags\":[\"\\u0000\"],\"weights\":{\"\\u0000\":1}}"));
  }

  @Test
  void aBodyThatIsNotAnObjectIsLeftToJsonBinding() {
    assertEquals(
        List.of(), JsonShapes.check(Json.createArrayBuilder().add(1).build(), Sample.class));
  }
}
