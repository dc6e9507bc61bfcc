package dev.setpoint.it;

import static dev.setpoint.it.support.JsonFields.strings;
import static dev.setpoint.it.support.Problems.assertFieldErrors;
import static dev.setpoint.it.support.Problems.assertProblem;
import static dev.setpoint.it.support.SetpointClient.config;
import static dev.setpoint.it.support.SetpointClient.releases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReleasesIT {

  private final SetpointClient client = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  @Test
  void publishingFreezesResolvedSettingsAndSecretVersions() {
    String app = client.newApplication("rel");
    client.define(app, "db.pool.max", "integer", "10");
    client.define(app, "log.level", "string", "\"info\"");
    client.override(app, "staging", "log.level", "\"debug\"");
    String canary = "canary-" + UUID.randomUUID();
    client.writeSecret(app, "staging", "db.password", canary);

    Reply published = client.post(releases(app, "staging"), "{\"message\":\"first cut\"}");
    assertEquals(201, published.status(), published::toString);
    JsonObject release = published.json();
    assertEquals(1, release.getInt("number"));
    assertTrue(release.getString("hash").matches("[0-9a-f]{64}"), release.toString());
    assertEquals("first cut", release.getString("message"));
    assertNotNull(release.getString("createdBy"));
    assertNotNull(release.getString("createdAt"));
    assertTrue(
        published.header("Location").endsWith(releases(app, "staging") + "/1"),
        published.header("Location"));
    assertEquals("\"" + release.getString("hash") + "\"", published.etag());

    Reply read = client.get(releases(app, "staging") + "/1");
    assertEquals(200, read.status(), read::toString);
    JsonObject frozen = read.json();
    assertEquals("10", frozen.getJsonObject("settings").getString("db.pool.max"));
    assertEquals("debug", frozen.getJsonObject("settings").getString("log.level"));
    assertEquals(1, frozen.getJsonObject("secrets").getInt("db.password"));
    assertFalse(read.body().contains(canary), "a release never shows a secret value");

    // a draft edit is not served until it is published
    client.override(app, "staging", "log.level", "\"warn\"");
    assertEquals("debug", client.get(config(app, "staging")).json().getString("log.level"));
    JsonObject second = client.publish(app, "staging");
    assertEquals(2, second.getInt("number"));
    assertEquals("warn", client.get(config(app, "staging")).json().getString("log.level"));
  }

  @Test
  void equalContentGivesAnEqualHash() {
    String app = client.newApplication("hash");
    client.define(app, "timeout", "duration", "\"PT5S\"");
    client.define(app, "flags", "json", "{\"b\":1,\"a\":[true,null]}");
    String first = client.publish(app, "dev").getString("hash");
    assertEquals(first, client.publish(app, "dev").getString("hash"), "republished unchanged");

    client.override(app, "dev", "timeout", "\"PT9S\"");
    String changed = client.publish(app, "dev").getString("hash");
    assertNotEquals(first, changed);

    client.delete(SetpointClient.override(app, "dev", "timeout"));
    assertEquals(first, client.publish(app, "dev").getString("hash"), "back to the same content");

    // another environment with the same resolved content has the same hash
    assertEquals(first, client.publish(app, "staging").getString("hash"));
  }

  @Test
  void aReleaseWithRequiredSettingsUnsetIsRefusedNamingEveryKey() {
    String app = client.newApplication("req");
    client.put(SetpointClient.setting(app, "api.url"), "{\"type\":\"url\",\"required\":true}");
    client.put(
        SetpointClient.setting(app, "api.key.id"), "{\"type\":\"string\",\"required\":true}");
    client.define(app, "optional", "string", null);

    Reply refused = client.post(releases(app, "production"), "{}");
    assertFieldErrors(refused, 422, "unprocessable", "api.key.id", "api.url");
    assertTrue(client.get(releases(app, "production")).items().isEmpty(), "nothing published");
    assertProblem(client.get(config(app, "production")), 404, "not-found");

    client.override(app, "production", "api.url", "\"https://api.example.org\"");
    client.override(app, "production", "api.key.id", "\"key-7\"");
    assertEquals(201, client.post(releases(app, "production"), "{}").status());
  }

  @Test
  void aKeyThatIsBothASettingAndASecretIsRefused() {
    String app = client.newApplication("both");
    client.define(app, "token.ttl", "string", "\"1h\"");
    client.writeSecret(app, "dev", "token.ttl", "s-" + UUID.randomUUID());
    Reply refused = client.post(releases(app, "dev"), "{}");
    assertFieldErrors(refused, 422, "unprocessable", "token.ttl");
  }

  @Test
  void diffNamesAddedRemovedAndChangedKeysButNeverValues() {
    String app = client.newApplication("diff");
    client.define(app, "keep", "string", "\"same\"");
    client.define(app, "drop", "string", "\"gone soon\"");
    client.define(app, "tune", "integer", "1");
    String oldSecret = "old-" + UUID.randomUUID();
    client.writeSecret(app, "dev", "api.secret", oldSecret);
    client.publish(app, "dev");

    client.delete(SetpointClient.setting(app, "drop"));
    client.define(app, "fresh", "boolean", "true");
    client.override(app, "dev", "tune", "2");
    String newSecret = "new-" + UUID.randomUUID();
    client.writeSecret(app, "dev", "api.secret", newSecret);
    client.publish(app, "dev");

    Reply diff = client.get(releases(app, "dev") + "/2/diff?against=1");
    assertEquals(200, diff.status(), diff::toString);
    assertEquals(List.of("fresh"), strings(diff.json(), "added"));
    assertEquals(List.of("drop"), strings(diff.json(), "removed"));
    assertEquals(List.of("api.secret", "tune"), strings(diff.json(), "changed"));
    assertFalse(diff.body().contains(oldSecret) || diff.body().contains(newSecret));

    Reply reverse = client.get(releases(app, "dev") + "/1/diff?against=2");
    assertEquals(List.of("drop"), strings(reverse.json(), "added"));
    assertEquals(List.of("fresh"), strings(reverse.json(), "removed"));

    assertFieldErrors(client.get(releases(app, "dev") + "/2/diff"), "against");
    assertFieldErrors(client.get(releases(app, "dev") + "/2/diff?against=x"), "against");
    assertProblem(client.get(releases(app, "dev") + "/2/diff?against=9"), 404, "not-found");
  }

  @Test
  void rollbackPublishesAnOlderContentAsANewRelease() {
    String app = client.newApplication("back");
    client.define(app, "color", "string", "\"blue\"");
    JsonObject first = client.publish(app, "staging");
    client.override(app, "staging", "color", "\"red\"");
    client.publish(app, "staging");
    assertEquals("red", client.get(config(app, "staging")).json().getString("color"));

    Reply rolledBack = client.send("POST", releases(app, "staging") + "/1/rollback", null, null);
    assertEquals(201, rolledBack.status(), rolledBack::toString);
    assertEquals(3, rolledBack.json().getInt("number"));
    assertEquals(1, rolledBack.json().getInt("rolledBackFrom"));
    assertEquals(first.getString("hash"), rolledBack.json().getString("hash"));
    assertEquals("blue", client.get(config(app, "staging")).json().getString("color"));

    List<Integer> numbers =
        client.get(releases(app, "staging")).items().stream()
            .map(v -> v.asJsonObject().getInt("number"))
            .toList();
    assertEquals(List.of(3, 2, 1), numbers, "history stays linear, newest first");
    assertProblem(client.post(releases(app, "staging") + "/7/rollback", "{}"), 404, "not-found");
  }

  @Test
  void rollbackToAReleaseWhoseSecretWasDestroyedIsRefused() {
    String app = client.newApplication("gone");
    client.writeSecret(app, "dev", "token", "t-" + UUID.randomUUID());
    client.publish(app, "dev");
    String secret = SetpointClient.env(app, "dev") + "/secrets/token";
    assertEquals(200, client.delete(secret).status());
    assertEquals(200, client.post(secret + "/destroy", "{}").status());
    client.publish(app, "dev");
    assertProblem(client.post(releases(app, "dev") + "/1/rollback", "{}"), 409, "conflict");
  }

  @Test
  void rollbackToAReleaseWhoseSecretVersionWasRetiredIsRefused() {
    String app = client.newApplication("ret");
    client.writeSecret(app, "dev", "db.password", "one-" + UUID.randomUUID());
    client.publish(app, "dev");
    // a plain write retires the version it replaces at once
    client.writeSecret(app, "dev", "db.password", "two-" + UUID.randomUUID());
    client.publish(app, "dev");
    Reply refused = client.post(releases(app, "dev") + "/1/rollback", "{}");
    assertProblem(refused, 409, "conflict");
    assertTrue(refused.json().getString("detail").contains("db.password"), refused::toString);
    assertEquals(2, client.get(releases(app, "dev")).items().size(), "nothing was published");
  }

  @Test
  void releasesPageNewestFirstAndRefuseBadInput() {
    String app = client.newApplication("page");
    for (int i = 0; i < 3; i++) {
      client.publish(app, "dev");
    }
    Reply first = client.get(releases(app, "dev") + "?limit=2");
    assertEquals(2, first.items().size());
    assertEquals(3, first.items().getJsonObject(0).getInt("number"));
    String cursor = first.json().getString("nextCursor");
    Reply rest = client.get(releases(app, "dev") + "?limit=2&cursor=" + cursor);
    assertEquals(1, rest.items().size());
    assertEquals(1, rest.items().getJsonObject(0).getInt("number"));
    assertFalse(rest.json().containsKey("nextCursor"));

    assertFieldErrors(
        client.post(releases(app, "dev"), "{\"message\":\"" + "m".repeat(501) + "\"}"), "message");
    assertProblem(client.post(releases(app, "dev"), "{\"note\":1}"), 400, "unknown-property");
    assertProblem(client.get(releases(app, "dev") + "/99"), 404, "not-found");
    assertProblem(client.post(releases(app, "nowhere"), "{}"), 404, "not-found");
    assertEquals(3, client.get(releases(app, "dev")).items().size(), "nothing was added");
  }
}
