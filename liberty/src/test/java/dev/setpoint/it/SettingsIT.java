package dev.setpoint.it;

import static dev.setpoint.it.support.Problems.assertFieldErrors;
import static dev.setpoint.it.support.Problems.assertProblem;
import static dev.setpoint.it.support.SetpointClient.override;
import static dev.setpoint.it.support.SetpointClient.setting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsIT {

  private final SetpointClient client = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  @ParameterizedTest(name = "{0} accepts {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "string   | \"hello world\"             | \"hello world\"",
        "integer  | 8080                        | 8080",
        "integer  | \"-42\"                     | -42",
        "boolean  | true                        | true",
        "boolean  | \"false\"                   | false",
        "url      | \"https://api.example.com/v1\" | \"https://api.example.com/v1\"",
        "duration | \"PT30S\"                   | \"PT30S\"",
        "json     | {\"retries\":[1,2,3]}       | {\"retries\":[1,2,3]}",
      })
  void typedDefaultsAreStoredAndShownInTheirJsonForm(String type, String given, String shown) {
    String app = client.newApplication("types");
    Reply defined = client.define(app, "VALUE", type, given);
    assertEquals(201, defined.status(), defined::toString);
    assertEquals(parse(shown), defined.json().get("value"));
    assertEquals(type, client.get(setting(app, "VALUE")).json().getString("type"));
  }

  @ParameterizedTest(name = "{0} refuses {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "integer  | \"eighty\"",
        "integer  | 1.5",
        "integer  | 99999999999999999999",
        "boolean  | \"yes\"",
        "boolean  | 1",
        "url      | \"ftp://files.example.com\"",
        "url      | \"/relative/path\"",
        "url      | 42",
        "duration | \"5 minutes\"",
        "string   | {\"an\":\"object\"}",
      })
  void valuesThatDoNotFitTheTypeAreRefused(String type, String given) {
    String app = client.newApplication("badtype");
    JsonObject problem = assertFieldErrors(client.define(app, "VALUE", type, given), "value");
    assertTrue(problem.getString("detail").contains(type), problem::toString);
    assertProblem(client.get(setting(app, "VALUE")), 404, "not-found");
  }

  @Test
  void unknownTypeAndBadKeyAreNamed() {
    String app = client.newApplication("badkey");
    assertFieldErrors(client.define(app, "VALUE", "float", "1.5"), "type");
    assertFieldErrors(client.define(app, "9starts-with-digit", "string", "\"x\""), "key");
    assertFieldErrors(client.put(setting(app, "NO_TYPE"), "{\"value\":1}"), "type");
  }

  @Test
  void resolvedViewNamesWhereEachValueComesFrom() {
    String app = client.newApplication("resolve");
    assertEquals(201, client.define(app, "PORT", "integer", "8080").status());
    assertEquals(201, client.define(app, "DEBUG", "boolean", "false").status());
    Reply required = client.put(setting(app, "API_URL"), "{\"type\":\"url\",\"required\":true}");
    assertEquals(201, required.status(), required::toString);
    assertEquals(201, client.override(app, "production", "PORT", "443").status());

    Map<String, JsonObject> production = byKey(client.resolved(app, "production"));
    assertEquals(443, production.get("PORT").getInt("value"));
    assertEquals("environment", production.get("PORT").getString("source"));
    assertEquals(JsonValue.FALSE, production.get("DEBUG").get("value"));
    assertEquals("default", production.get("DEBUG").getString("source"));
    assertNull(production.get("API_URL").get("value"), "no value anywhere");
    assertNull(production.get("API_URL").get("source"));
    assertTrue(production.get("API_URL").getBoolean("required"));

    Map<String, JsonObject> dev = byKey(client.resolved(app, "dev"));
    assertEquals(8080, dev.get("PORT").getInt("value"));
    assertEquals("default", dev.get("PORT").getString("source"));

    assertEquals(204, client.delete(override(app, "production", "PORT")).status());
    assertEquals(
        "default", byKey(client.resolved(app, "production")).get("PORT").getString("source"));
  }

  @Test
  void overridesAreValidatedAgainstTheDefinitionsType() {
    String app = client.newApplication("ovr");
    assertEquals(201, client.define(app, "RETRIES", "integer", "3").status());
    assertFieldErrors(client.override(app, "staging", "RETRIES", "\"many\""), "value");
    assertFieldErrors(client.put(override(app, "staging", "RETRIES"), "{}"), "value");
    assertProblem(client.get(override(app, "staging", "RETRIES")), 404, "not-found");
    assertProblem(client.override(app, "staging", "UNDEFINED", "1"), 404, "not-found");
  }

  @Test
  void overrideRoundTripWithEtags() {
    String app = client.newApplication("etag");
    assertEquals(201, client.define(app, "LIMIT", "integer", "10").status());
    Reply created = client.override(app, "staging", "LIMIT", "20");
    assertEquals(201, created.status());
    assertEquals("\"0\"", created.etag());

    Reply replaced = client.override(app, "staging", "LIMIT", "30", "If-Match", created.etag());
    assertEquals(200, replaced.status(), replaced::toString);
    assertEquals("\"1\"", replaced.etag());
    assertEquals(replaced.etag(), client.get(override(app, "staging", "LIMIT")).etag());

    Reply stale = client.override(app, "staging", "LIMIT", "40", "If-Match", created.etag());
    assertProblem(stale, 412, "precondition-failed");
    assertEquals(30, client.get(override(app, "staging", "LIMIT")).json().getInt("value"));

    assertProblem(
        client.delete(override(app, "staging", "LIMIT"), "If-Match", created.etag()),
        412,
        "precondition-failed");
    assertEquals(
        204,
        client.delete(override(app, "staging", "LIMIT"), "If-Match", replaced.etag()).status());
  }

  @Test
  void ifMatchOnANewSettingFailsInsteadOfCreating() {
    String app = client.newApplication("ifnew");
    assertProblem(
        client.define(app, "NEW", "string", "\"x\"", "If-Match", "\"0\""),
        412,
        "precondition-failed");
    assertProblem(client.get(setting(app, "NEW")), 404, "not-found");
  }

  @Test
  void redefiningReplacesTheDefinitionAndConvertsFittingOverrides() {
    String app = client.newApplication("redef");
    Reply created = client.define(app, "WORKERS", "string", "\"4\"");
    assertEquals(201, created.status());
    assertEquals(201, client.override(app, "production", "WORKERS", "\"16\"").status());

    Reply retyped = client.define(app, "WORKERS", "integer", "4", "If-Match", created.etag());
    assertEquals(200, retyped.status(), retyped::toString);
    assertEquals(4, retyped.json().getInt("value"));
    JsonObject production = client.get(override(app, "production", "WORKERS")).json();
    assertEquals("integer", production.getString("type"));
    assertEquals(16, production.getInt("value"));
  }

  @Test
  void aTypeChangeThatExistingOverridesDoNotFitIsAConflictAndChangesNothing() {
    String app = client.newApplication("retype");
    assertEquals(201, client.define(app, "MODE", "string", "\"fast\"").status());
    assertEquals(201, client.override(app, "staging", "MODE", "\"slow\"").status());

    JsonObject problem = assertProblem(client.define(app, "MODE", "integer", "1"), 409, "conflict");
    assertTrue(problem.getString("detail").contains("staging"), problem::toString);

    JsonObject definition = client.get(setting(app, "MODE")).json();
    assertEquals("string", definition.getString("type"));
    assertEquals("fast", definition.getString("value"));
    assertEquals("slow", client.get(override(app, "staging", "MODE")).json().getString("value"));
  }

  @Test
  void removingADefinitionRemovesItsOverrides() {
    String app = client.newApplication("undef");
    assertEquals(201, client.define(app, "FLAG", "boolean", "true").status());
    assertEquals(201, client.override(app, "dev", "FLAG", "false").status());
    assertEquals(204, client.delete(setting(app, "FLAG")).status());
    assertProblem(client.get(setting(app, "FLAG")), 404, "not-found");
    assertEquals(0, client.resolved(app, "dev").items().size());
    assertEquals(201, client.define(app, "FLAG", "boolean", "true").status());
    assertProblem(client.get(override(app, "dev", "FLAG")), 404, "not-found");
  }

  @Test
  void definitionsListPagesByKey() {
    String app = client.newApplication("keys");
    for (String key : new String[] {"C_KEY", "A_KEY", "B_KEY"}) {
      assertEquals(201, client.define(app, key, "string", "\"v\"").status());
    }
    Reply first = client.get(SetpointClient.app(app) + "/settings?limit=2");
    assertEquals(2, first.items().size());
    assertEquals("A_KEY", first.items().getJsonObject(0).getString("key"));
    String cursor = first.json().getString("nextCursor");
    Reply second = client.get(SetpointClient.app(app) + "/settings?limit=2&cursor=" + cursor);
    assertEquals(1, second.items().size());
    assertEquals("C_KEY", second.items().getJsonObject(0).getString("key"));
    assertFalse(second.json().containsKey("nextCursor"));

    Reply resolvedPage = client.get(SetpointClient.env(app, "dev") + "/settings?limit=2");
    assertEquals(2, resolvedPage.items().size());
    assertTrue(resolvedPage.json().containsKey("nextCursor"));
  }

  @Test
  void valuesThatLookLikeCredentialsAreRefusedAndNeverEchoed() {
    String app = client.newApplication("creds");
    String accessKey =
        "AK"
            + "IA"
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 16)
                .toUpperCase(Locale.ROOT);
    Reply asDefault = client.define(app, "AWS_KEY", "string", "\"" + accessKey + "\"");
    JsonObject problem = assertFieldErrors(asDefault, "value");
    assertTrue(problem.getString("detail").contains("store it as a secret"), problem::toString);
    assertFalse(asDefault.body().contains(accessKey), "the value is not echoed");
    assertProblem(client.get(setting(app, "AWS_KEY")), 404, "not-found");

    assertEquals(201, client.define(app, "DATABASE_URL", "url", null).status());
    String withPassword = "https" + "://app:" + UUID.randomUUID() + "@db.example.com/app";
    Reply asOverride =
        client.override(app, "production", "DATABASE_URL", "\"" + withPassword + "\"");
    assertFieldErrors(asOverride, "value");
    assertFalse(asOverride.body().contains(withPassword));
    assertEquals(
        201,
        client
            .override(app, "production", "DATABASE_URL", "\"https://db.example.com/app\"")
            .status());
  }

  private static Map<String, JsonObject> byKey(Reply resolved) {
    assertEquals(200, resolved.status(), resolved::toString);
    Map<String, JsonObject> result = new LinkedHashMap<>();
    resolved.items().getValuesAs(JsonObject.class).forEach(i -> result.put(i.getString("key"), i));
    return result;
  }

  private static JsonValue parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }
}
