package dev.setpoint.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.api.problem.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ControlCharactersTest {

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static List<FieldError> headers(String name, String value) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("accept", List.of("application/json"));
    headers.put(name, List.of(value));
    return ControlCharacters.inHeaders(headers);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\0b", "a\nb", "a\rb", "\u001f", "a\u007fb"})
  void headerValuesMayNotCarryC0ControlsOrDel(String value) {
    assertTrue(ControlCharacters.inHeaderValue(value));
    assertEquals(
        List.of(new FieldError("header X-Trace", ControlCharacters.RULE)),
        headers("x-trace", value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "tab\there", "caf\u00e9", "\u00c3\u00a9 as ISO-8859-1 bytes"})
  void headerValuesMayCarryTabsAndHighBytes(String value) {
    assertFalse(ControlCharacters.inHeaderValue(value));
    assertEquals(List.of(), headers("X-Trace", value));
  }

  @Test
  void aBasicCredentialIsCheckedDecodedWithoutEchoingIt() {
    String password = "pw-" + UUID.randomUUID();
    assertEquals(List.of(), headers("Authorization", basic("admin", password)));
    for (String user : List.of("ad\0min", "ad\tmin", "ad\u0085min")) {
      List<FieldError> errors = headers("Authorization", basic(user, password));
      assertEquals(List.of(new FieldError("header Authorization", ControlCharacters.RULE)), errors);
      assertFalse(errors.toString().contains(password), "the credential is never echoed");
    }
    assertEquals(
        List.of(new FieldError("header Authorization", ControlCharacters.RULE)),
        headers("authorization", basic("admin", password + "\0")));
  }

  @Test
  void otherAuthorizationSchemesAndBrokenBase64AreLeftToAuthentication() {
    assertEquals(List.of(), headers("Authorization", "Bearer stp_" + UUID.randomUUID()));
    assertEquals(List.of(), headers("Authorization", "Basic not*base64"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/applications/a%00b", "/x%0a", "/x%09", "/x%7f", "/x%C2%85"})
  void decodedPathsMayNotCarryAnyControl(String path) {
    assertEquals(
        List.of(new FieldError("path", ControlCharacters.RULE)), ControlCharacters.inPath(path));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/x%zz", "/x%", "/x%4", "/x%c0%af", "/x%ff", "/x%ed%a0%80"})
  void brokenEscapesAndInvalidUtf8AreRefused(String path) {
    assertEquals(
        List.of(new FieldError("path", ControlCharacters.ENCODING_RULE)),
        ControlCharacters.inPath(path));
  }

  @Test
  void saneTextPasses() {
    assertEquals(List.of(), ControlCharacters.inPath("/api/v1/applications/caf%C3%A9/x+y"));
    assertEquals(List.of(), ControlCharacters.inQuery("actor=token%3Aabc&limit=5&flag&x="));
    assertEquals(List.of(), ControlCharacters.inQuery(null));
  }

  @ParameterizedTest
  @CsvSource({
    "limit=5&actor=%00, query actor, " + ControlCharacters.RULE,
    "application=%zz, query application, " + ControlCharacters.ENCODING_RULE,
    "a%00b=1, query, " + ControlCharacters.RULE,
    "%3Cscript%3E=%01, query, " + ControlCharacters.RULE
  })
  void queryFindingsNameTheParameterWhenItsNameIsSane(String query, String field, String rule) {
    assertEquals(List.of(new FieldError(field, rule)), ControlCharacters.inQuery(query));
  }

  @Test
  void plusIsASpaceOnlyInTheQuery() {
    assertEquals("a b", ControlCharacters.decode("a+b", true));
    assertEquals("a+b", ControlCharacters.decode("a+b", false));
    assertEquals("\u00e9", ControlCharacters.decode("%C3%A9", false));
    assertThrows(IllegalArgumentException.class, () -> ControlCharacters.decode("%C3", false));
  }
}
