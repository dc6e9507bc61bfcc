package dev.setpoint.domain.setting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.shared.InvalidValue;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Positive and negative fixtures for every credential shape. Credential-like fixtures are built at
 * run time from random characters: the repository holds no credential-looking literal.
 */
class CredentialPatternsTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  private static String random(String alphabet, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  private static String upper(int n) {
    return random("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", n);
  }

  private static String alnum(int n) {
    return random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", n);
  }

  private static String jwtPart(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes());
  }

  static Stream<Arguments> credentials() {
    String dashes = "-".repeat(5);
    return Stream.of(
        Arguments.of(
            "private key block",
            dashes + "BEGIN " + "RSA PRIVATE KEY" + dashes + "\n" + alnum(64) + "\n"),
        Arguments.of("private key block", dashes + "BEGIN " + "PRIVATE KEY" + dashes + alnum(40)),
        Arguments.of("AWS access key id", "AK" + "IA" + upper(16)),
        Arguments.of("AWS access key id", "aws_access_key_id=AS" + "IA" + upper(16)),
        Arguments.of("Google API key", "AI" + "za" + alnum(35)),
        Arguments.of("GitHub token", "gh" + "p_" + alnum(36)),
        Arguments.of("Slack token", "xo" + "xb-" + alnum(24)),
        Arguments.of(
            "password in a URL", "postgresql" + "://app:" + alnum(12) + "@db.internal:5432/app"),
        Arguments.of(
            "JSON Web Token",
            jwtPart("{\"alg\":\"HS256\"}")
                + "."
                + jwtPart("{\"sub\":\"" + alnum(8) + "\"}")
                + "."
                + alnum(43)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("credentials")
  void recognisesCredentialShapes(String shape, String value) {
    assertEquals(Optional.of(shape), CredentialPatterns.find(value).map(s -> s.name()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://api.example.com/v1?user=me",
        "postgresql://db.internal:5432/app",
        "mailto:ops@example.com",
        "user@example.com",
        "AKIA-is-not-a-key",
        "-----BEGIN CERTIFICATE-----",
        "eyJhbGciOiJub25lIn0",
        "ghp_short",
        "PT30S",
        "{\"retries\":3}"
      })
  void leavesOrdinaryValuesAlone(String value) {
    assertEquals(Optional.empty(), CredentialPatterns.find(value));
  }

  @Test
  void aSettingDefaultThatLooksLikeACredentialIsRefusedWithoutEchoingIt() {
    String key = "AK" + "IA" + upper(16);
    InvalidValue e =
        assertThrows(
            InvalidValue.class, () -> SettingSpec.parse("string", "\"" + key + "\"", null, false));
    assertEquals("value", e.violations().get(0).field());
    assertTrue(e.getMessage().contains("store it as a secret"), e::getMessage);
    assertTrue(!e.getMessage().contains(key), "the refused value is never echoed");
  }

  @Test
  void everyShapeHasAFixture() {
    List<String> covered = credentials().map(a -> (String) a.get()[0]).distinct().toList();
    assertEquals(
        CredentialPatterns.shapes().stream().map(CredentialPatterns.Shape::name).toList(), covered);
  }
}
