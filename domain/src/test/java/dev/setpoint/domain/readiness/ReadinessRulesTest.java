package dev.setpoint.domain.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.readiness.ReadinessSubject.SecretFact;
import dev.setpoint.domain.readiness.ReadinessSubject.Setting;
import dev.setpoint.domain.readiness.ReadinessSubject.TokenFact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule fires on its positive fixtures and stays quiet on its negative ones. */
class ReadinessRulesTest {

  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  private static ReadinessSubject production(Map<String, Setting> settings) {
    return new ReadinessSubject(true, settings, List.of(), List.of(), null, true, false, NOW);
  }

  private static List<ReadinessRule> rulesFor(String key, String value, boolean production) {
    ReadinessSubject subject =
        new ReadinessSubject(
            production,
            Map.of(key, new Setting(value, false)),
            List.of(),
            List.of(),
            null,
            true,
            false,
            NOW);
    return ReadinessRules.evaluate(subject).stream().map(Finding::rule).toList();
  }

  @ParameterizedTest(name = "{0}: {1}={2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "debug-in-production|DEBUG|true",
        "debug-in-production|APP_DEBUG|1",
        "debug-in-production|debug|yes",
        "debug-in-production|spring.debug|on",
        "debug-in-production|FLASK_DEBUG|True",
        "verbose-logging-in-production|LOG_LEVEL|debug",
        "verbose-logging-in-production|logging.level.root|TRACE",
        "verbose-logging-in-production|app.log-level|all",
        "development-profile-in-production|spring.profiles.active|dev",
        "development-profile-in-production|SPRING_PROFILES_ACTIVE|cloud, local",
        "development-profile-in-production|mp.config.profile|dev",
        "development-profile-in-production|NODE_ENV|development",
        "development-profile-in-production|APP_ENV|local",
        "development-profile-in-production|RAILS_ENV|development",
        "plain-http-url|PAYMENTS_URL|http://payments.internal/api",
        "plain-http-url|EVENTS_WS|ws://events.example.com/feed",
        "loopback-url|DATABASE_URL|jdbc:postgresql://localhost:5432/shop",
        "loopback-url|CACHE_URL|redis://127.0.0.1:6379",
        "loopback-url|API_BASE|https://[::1]:8443/",
        "loopback-url|SMTP_HOST|localhost",
        "tls-verification-disabled|ssl.verify|false",
        "tls-verification-disabled|HTTP_TLS_VERIFICATION|0",
        "tls-verification-disabled|NODE_TLS_REJECT_UNAUTHORIZED|0",
        "tls-verification-disabled|INSECURE_SKIP_VERIFY|true",
        "tls-verification-disabled|DB_OPTIONS|host=db.prod sslmode=disable",
        "tls-verification-disabled|PGSSLMODE|disable",
        "credential-in-setting|SIGNING_SECRET|{random}",
        "credential-in-setting|PAYMENT_API_KEY|{random}",
        "credential-in-setting|UPSTREAM|https://svc:{random}@api.example.com/"
      })
  void firesOnItsPositiveFixture(String rule, String key, String fixture) {
    // credential-shaped fixtures are generated now: none is written in the repository
    String value = fixture.replace("{random}", randomCredential());
    assertTrue(
        rulesFor(key, value, true).contains(ReadinessRule.byId(rule).orElseThrow()),
        () ->
            rule + " should fire on " + key + "=" + value + ", got " + rulesFor(key, value, true));
  }

  @ParameterizedTest(name = "{0}: {1}={2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "debug-in-production|DEBUG|false",
        "debug-in-production|DEBUGGER_PORT|true",
        "debug-in-production|debug|0",
        "verbose-logging-in-production|LOG_LEVEL|info",
        "verbose-logging-in-production|logging.level.root|WARN",
        "verbose-logging-in-production|CATALOG_LEVEL|debug",
        "development-profile-in-production|spring.profiles.active|prod",
        "development-profile-in-production|NODE_ENV|production",
        "development-profile-in-production|APP_ENV|production",
        "development-profile-in-production|DEVICE|dev",
        "plain-http-url|PAYMENTS_URL|https://payments.internal/api",
        "plain-http-url|DOCS|see httpd docs",
        "loopback-url|DATABASE_URL|jdbc:postgresql://db.prod:5432/shop",
        "loopback-url|GREETING|localhostname",
        "loopback-url|API_BASE|https://api.localhost-prod.example.com/",
        "tls-verification-disabled|ssl.verify|true",
        "tls-verification-disabled|DB_OPTIONS|host=db.prod sslmode=verify-full",
        "tls-verification-disabled|PGSSLMODE|require",
        "credential-in-setting|PASSWORD_MIN_LENGTH|12",
        "credential-in-setting|TOKEN_TTL|PT15M",
        "credential-in-setting|AUTH_MODE|oidc-authorization-code-flow",
        "credential-in-setting|UPSTREAM|https://api.example.com/v1"
      })
  void staysQuietOnItsNegativeFixture(String rule, String key, String value) {
    assertFalse(
        rulesFor(key, value, true).contains(ReadinessRule.byId(rule).orElseThrow()),
        () -> rule + " should not fire on " + key + "=" + value);
  }

  /** 24 random characters mixing cases and digits, as generated credentials do. */
  private static String randomCredential() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    java.security.SecureRandom random = new java.security.SecureRandom();
    StringBuilder text = new StringBuilder("Aa1");
    while (text.length() < 24) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  @Test
  void productionOnlyRulesAreQuietElsewhere() {
    assertTrue(rulesFor("DEBUG", "true", false).isEmpty());
    assertTrue(rulesFor("DATABASE_URL", "jdbc:postgresql://localhost/x", false).isEmpty());
    assertEquals(
        List.of(ReadinessRule.CREDENTIAL_IN_SETTING),
        rulesFor("API_TOKEN", randomCredential(), false),
        "a credential in a setting is wrong everywhere");
  }

  @Test
  void requiredSettingsWithoutAValue() {
    Map<String, Setting> settings = new TreeMap<>();
    settings.put("REGION", new Setting(null, true));
    settings.put("OPTIONAL", new Setting(null, false));
    List<Finding> found = ReadinessRules.evaluate(production(settings));
    assertEquals(
        List.of(
            new Finding(ReadinessRule.REQUIRED_SETTING_MISSING, "REGION", "required, no value")),
        found);
  }

  @Test
  void secretRules() {
    List<SecretFact> secrets =
        List.of(
            new SecretFact("SHARED", 90, false, List.of("staging")),
            new SecretFact("OVERDUE", 30, true, List.of()),
            new SecretFact("NO_POLICY", null, false, List.of()),
            new SecretFact("FINE", 90, false, List.of()));
    ReadinessSubject subject =
        new ReadinessSubject(true, Map.of(), secrets, List.of(), null, true, false, NOW);
    Map<String, List<String>> found = byKey(ReadinessRules.evaluate(subject));
    assertEquals(List.of("secret-shared-between-environments"), found.get("SHARED"));
    assertEquals(List.of("secret-rotation-overdue"), found.get("OVERDUE"));
    assertEquals(List.of("secret-without-rotation-policy"), found.get("NO_POLICY"));
    assertFalse(found.containsKey("FINE"));

    ReadinessSubject staging =
        new ReadinessSubject(false, Map.of(), secrets, List.of(), null, true, false, NOW);
    assertFalse(
        byKey(ReadinessRules.evaluate(staging)).containsKey("NO_POLICY"),
        "a rotation policy is only demanded in production");
  }

  @Test
  void tokenRules() {
    String never = UUID.randomUUID().toString();
    String idle = UUID.randomUUID().toString();
    String fine = UUID.randomUUID().toString();
    List<TokenFact> tokens =
        List.of(
            new TokenFact(never, "forever", null, NOW, NOW.minus(Duration.ofDays(1))),
            new TokenFact(
                idle,
                "idle",
                NOW.plus(Duration.ofDays(10)),
                NOW.minus(Duration.ofDays(91)),
                NOW.minus(Duration.ofDays(200))),
            new TokenFact(
                fine,
                "fine",
                NOW.plus(Duration.ofDays(10)),
                NOW.minus(Duration.ofDays(89)),
                NOW.minus(Duration.ofDays(200))));
    ReadinessSubject subject =
        new ReadinessSubject(false, Map.of(), List.of(), tokens, null, true, false, NOW);
    Map<String, List<String>> found = byKey(ReadinessRules.evaluate(subject));
    assertEquals(List.of("token-without-expiry"), found.get("token:" + never));
    assertEquals(List.of("token-unused"), found.get("token:" + idle));
    assertFalse(found.containsKey("token:" + fine));
  }

  @Test
  void releaseAndDriftRules() {
    Map<String, Setting> settings =
        Map.of("ONLY_PROD", new Setting("x", false), "BOTH", new Setting("y", false));
    ReadinessSubject unreleased =
        new ReadinessSubject(
            true,
            settings,
            List.of(),
            List.of(),
            Set.of("BOTH", "ONLY_STAGING"),
            false,
            false,
            NOW);
    List<Finding> found = ReadinessRules.evaluate(unreleased);
    assertTrue(found.contains(new Finding(ReadinessRule.PRODUCTION_WITHOUT_RELEASE, null, null)));
    assertTrue(
        found.contains(
            new Finding(ReadinessRule.DRIFT_FROM_STAGING, "ONLY_PROD", "only in production")));
    assertTrue(
        found.contains(
            new Finding(ReadinessRule.DRIFT_FROM_STAGING, "ONLY_STAGING", "only in staging")));
    assertFalse(found.stream().anyMatch(f -> "BOTH".equals(f.key())));

    ReadinessSubject edited =
        new ReadinessSubject(true, settings, List.of(), List.of(), null, true, true, NOW);
    assertEquals(
        List.of(new Finding(ReadinessRule.UNPUBLISHED_CHANGES, null, null)),
        ReadinessRules.evaluate(edited));
    ReadinessSubject clean =
        new ReadinessSubject(true, settings, List.of(), List.of(), null, true, false, NOW);
    assertTrue(ReadinessRules.evaluate(clean).isEmpty());
  }

  @Test
  void theCatalogueInTheDocsIsTheRuleData() throws Exception {
    Path doc = Path.of("..", "docs", "readiness.md");
    Map<String, String> documented = new LinkedHashMap<>();
    for (String line : Files.readAllLines(doc)) {
      if (line.startsWith("| `")) {
        String[] cells = line.split("\\|");
        documented.put(cells[1].strip().replace("`", ""), line.strip());
      }
    }
    Map<String, String> expected = new LinkedHashMap<>();
    for (ReadinessRule rule : ReadinessRule.values()) {
      expected.put(rule.id(), catalogueRow(rule));
    }
    assertEquals(
        expected,
        documented,
        () ->
            "docs/readiness.md's catalogue must list every rule as:\n"
                + Arrays.stream(ReadinessRule.values())
                    .map(ReadinessRulesTest::catalogueRow)
                    .collect(Collectors.joining("\n")));
  }

  private static String catalogueRow(ReadinessRule rule) {
    return "| `"
        + rule.id()
        + "` | "
        + rule.severity().wireName()
        + " | "
        + rule.checklistItem()
        + " | "
        + rule.message()
        + " | "
        + rule.remediation()
        + " |";
  }

  private static Map<String, List<String>> byKey(List<Finding> found) {
    return found.stream()
        .collect(
            Collectors.groupingBy(
                f -> String.valueOf(f.key()),
                TreeMap::new,
                Collectors.mapping(f -> f.rule().id(), Collectors.toList())));
  }
}
