package dev.setpoint.it;

import static dev.setpoint.it.support.Problems.assertFieldErrors;
import static dev.setpoint.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.StoredData;
import dev.setpoint.it.support.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SecretsIT {

  private final SetpointClient client = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  private static String secrets(String app, String env) {
    return SetpointClient.env(app, env) + "/secrets";
  }

  private static String secret(String app, String env, String key) {
    return secrets(app, env) + "/" + key;
  }

  /** A value no test has used before; generated, never a literal. */
  private static String freshValue() {
    return "canary-" + UUID.randomUUID();
  }

  private Reply write(String app, String env, String key, String value) {
    return client.put(
        secret(app, env, key), Json.createObjectBuilder().add("value", value).build().toString());
  }

  private Reply reveal(String app, String env, String key, String... query) {
    String suffix = query.length == 0 ? "" : "?" + query[0];
    return client.post(secret(app, env, key) + "/reveal" + suffix, "{}");
  }

  @Test
  void aValueGoesInAsVersionsAndOnlyComesOutThroughReveal() {
    String app = client.newApplication("sec");
    String first = freshValue();
    Reply created = write(app, "staging", "DB_PASSWORD", first);
    assertEquals(201, created.status(), created::toString);
    assertEquals(1, created.json().getInt("currentVersion"));
    assertFalse(created.body().contains(first), "metadata never carries the value");

    Reply revealed = reveal(app, "staging", "DB_PASSWORD");
    assertEquals(200, revealed.status(), revealed::toString);
    assertEquals(first, revealed.json().getString("value"));
    assertEquals(1, revealed.json().getInt("version"));
    assertTrue(
        revealed.header("Cache-Control").contains("no-store"), revealed.header("Cache-Control"));

    String second = freshValue();
    Reply replaced = write(app, "staging", "DB_PASSWORD", second);
    assertEquals(200, replaced.status());
    assertEquals(2, replaced.json().getInt("currentVersion"));
    List<String> states = new ArrayList<>();
    replaced
        .json()
        .getJsonArray("versions")
        .getValuesAs(JsonObject.class)
        .forEach(v -> states.add(v.getInt("version") + ":" + v.getString("state")));
    assertEquals(List.of("2:current", "1:retired"), states);
    assertEquals(
        "admin", replaced.json().getJsonArray("versions").getJsonObject(0).getString("createdBy"));

    assertEquals(second, reveal(app, "staging", "DB_PASSWORD").json().getString("value"));
    assertProblem(reveal(app, "staging", "DB_PASSWORD", "version=1"), 409, "conflict");
    assertProblem(reveal(app, "staging", "DB_PASSWORD", "version=9"), 404, "not-found");

    Reply listed = client.get(secrets(app, "staging"));
    assertEquals(1, listed.items().size());
    assertFalse(listed.body().contains(second));
  }

  @Test
  void rotationKeepsThePreviousVersionValidForTheGracePeriod() {
    String app = client.newApplication("rot");
    String old = freshValue();
    assertEquals(201, write(app, "dev", "API_TOKEN", old).status());
    String fresh = freshValue();
    Reply rotated =
        client.post(
            secret(app, "dev", "API_TOKEN") + "/rotate",
            Json.createObjectBuilder().add("value", fresh).build().toString());
    assertEquals(200, rotated.status(), rotated::toString);
    JsonObject previous = rotated.json().getJsonArray("versions").getJsonObject(1);
    assertEquals("previous", previous.getString("state"));
    assertNotNull(previous.getString("validUntil"));
    assertNotNull(rotated.json().getString("rotatedAt"));

    assertEquals(fresh, reveal(app, "dev", "API_TOKEN").json().getString("value"));
    assertEquals(old, reveal(app, "dev", "API_TOKEN", "version=1").json().getString("value"));
    assertProblem(
        client.post(secret(app, "dev", "NOPE") + "/rotate", "{\"value\":\"x\"}"), 404, "not-found");
  }

  @Test
  void deleteIsSoftRecoverableAndDestroyRemovesTheValuesForGood() {
    String app = client.newApplication("del");
    String value = freshValue();
    assertEquals(201, write(app, "dev", "SIGNING_KEY", value).status());

    Reply deleted = client.delete(secret(app, "dev", "SIGNING_KEY"));
    assertEquals(200, deleted.status(), deleted::toString);
    assertNotNull(deleted.json().getString("recoverableUntil"));
    assertProblem(reveal(app, "dev", "SIGNING_KEY"), 409, "conflict");
    assertProblem(write(app, "dev", "SIGNING_KEY", freshValue()), 409, "conflict");

    assertEquals(200, client.post(secret(app, "dev", "SIGNING_KEY") + "/recover", "{}").status());
    assertEquals(value, reveal(app, "dev", "SIGNING_KEY").json().getString("value"));
    assertProblem(
        client.post(secret(app, "dev", "SIGNING_KEY") + "/destroy", "{}"), 409, "conflict");

    assertEquals(200, client.delete(secret(app, "dev", "SIGNING_KEY")).status());
    Reply destroyed = client.post(secret(app, "dev", "SIGNING_KEY") + "/destroy", "{}");
    assertEquals(200, destroyed.status(), destroyed::toString);
    assertEquals(
        "destroyed", destroyed.json().getJsonArray("versions").getJsonObject(0).getString("state"));
    assertEquals(200, client.post(secret(app, "dev", "SIGNING_KEY") + "/recover", "{}").status());
    assertProblem(reveal(app, "dev", "SIGNING_KEY"), 409, "conflict");
  }

  @Test
  void aProductionSecretMayNotReuseAnotherEnvironmentsValue() {
    String app = client.newApplication("reuse");
    String shared = freshValue();
    assertEquals(201, write(app, "staging", "DB_PASSWORD", shared).status());
    assertEquals(
        201, write(app, "dev", "DB_PASSWORD", shared).status(), "only production is guarded");

    Reply reused = write(app, "production", "DB_PASSWORD", shared);
    JsonObject problem = assertProblem(reused, 409, "conflict");
    assertTrue(problem.getString("detail").contains("another environment"), reused::toString);
    assertFalse(
        problem.getString("detail").contains("staging")
            || problem.getString("detail").contains("'dev'"),
        "not where: the writer may not read that environment");
    assertFalse(reused.body().contains(shared));
    assertProblem(client.get(secret(app, "production", "DB_PASSWORD")), 404, "not-found");

    assertEquals(201, write(app, "production", "DB_PASSWORD", freshValue()).status());
  }

  @Test
  void binaryValuesTravelAsBase64AndLimitsAreEnforced() {
    String app = client.newApplication("bin");
    byte[] raw = new byte[48];
    new SecureRandom().nextBytes(raw);
    String encoded = Base64.getEncoder().encodeToString(raw);
    Reply stored =
        client.put(
            secret(app, "dev", "TLS_KEY"),
            "{\"value\":\"" + encoded + "\",\"encoding\":\"base64\",\"rotationDays\":30}");
    assertEquals(201, stored.status(), stored::toString);
    assertEquals(30, stored.json().getInt("rotationDays"));
    assertFalse(stored.json().getBoolean("rotationDue"));
    assertNotNull(stored.json().getString("rotationDueAt"));
    JsonObject revealed = reveal(app, "dev", "TLS_KEY").json();
    assertEquals(encoded, revealed.getString("value"));
    assertEquals("base64", revealed.getString("encoding"));

    assertFieldErrors(
        client.put(secret(app, "dev", "BAD"), "{\"value\":\"%%%\",\"encoding\":\"base64\"}"),
        "value");
    assertFieldErrors(
        client.put(secret(app, "dev", "BAD"), "{\"value\":\"x\",\"encoding\":\"hex\"}"),
        "encoding");
    assertFieldErrors(
        client.put(secret(app, "dev", "BAD"), "{\"value\":\"x\",\"rotationDays\":0}"),
        "rotationDays");
    assertFieldErrors(client.put(secret(app, "dev", "BAD"), "{\"value\":\"\"}"), "value");
    assertFieldErrors(client.put(secret(app, "dev", "BAD"), "{}"), "value");
    String tooLarge = "x".repeat(65_537);
    Reply large = write(app, "dev", "BAD", tooLarge);
    assertFieldErrors(large, "value");
    assertProblem(client.get(secret(app, "dev", "BAD")), 404, "not-found");
  }

  @Test
  void theDatabaseNeverHoldsThePlaintext() throws Exception {
    String app = client.newApplication("plain");
    String value = freshValue();
    assertEquals(201, write(app, "dev", "DB_PASSWORD", value).status());
    byte[] needle = value.getBytes(StandardCharsets.UTF_8);
    int rows = 0;
    try (Connection db = StoredData.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select v.wrapped_key, v.ciphertext, v.fingerprint, v.key_id from secret_versions v"
                    + " join secrets s on s.id = v.secret_id join environments e on e.id ="
                    + " s.environment_id join applications a on a.id = e.application_id"
                    + " where a.slug = ?")) {
      query.setString(1, app);
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          rows++;
          assertFalse(contains(result.getBytes(1), needle));
          assertFalse(contains(result.getBytes(2), needle));
          assertFalse(result.getString(3).contains(value));
          assertTrue(result.getString(4).matches("k[0-9a-f]{12}"));
        }
      }
    }
    assertTrue(rows >= 1, "the secret's row was read");
  }

  @Test
  void aCiphertextMovedToAnotherRowFailsToDecryptCleanly() throws Exception {
    String app = client.newApplication("moved");
    String source = freshValue();
    assertEquals(201, write(app, "dev", "SOURCE", source).status());
    assertEquals(201, write(app, "dev", "TARGET", freshValue()).status());
    try (Connection db = StoredData.connect()) {
      Object[] sealed = currentSealedValue(db, app, "SOURCE");
      try (PreparedStatement copy =
          db.prepareStatement(
              "update secret_versions set key_id = ?, wrapped_key = ?, ciphertext = ?"
                  + " where secret_id = ?")) {
        Object[] target = currentSealedValue(db, app, "TARGET");
        copy.setString(1, (String) sealed[0]);
        copy.setBytes(2, (byte[]) sealed[1]);
        copy.setBytes(3, (byte[]) sealed[2]);
        copy.setObject(4, target[3]);
        assertEquals(1, copy.executeUpdate());
      }
    }
    Reply moved = reveal(app, "dev", "TARGET");
    assertProblem(moved, 500, "secret-undecryptable");
    assertFalse(moved.body().contains(source));
    assertEquals(source, reveal(app, "dev", "SOURCE").json().getString("value"));

    // an operator's remedy: the broken secret is deleted and destroyed, then written anew
    assertEquals(200, client.delete(secret(app, "dev", "TARGET")).status());
    assertEquals(200, client.post(secret(app, "dev", "TARGET") + "/destroy", "{}").status());
  }

  @Test
  void aCanaryValueAppearsNowhereButInItsReveal() throws Exception {
    String app = client.newApplication("canary");
    String canary = freshValue();
    assertEquals(201, write(app, "staging", "CANARY", canary).status());
    assertEquals(canary, reveal(app, "staging", "CANARY").json().getString("value"));
    Reply malformed =
        client.put(secret(app, "staging", "CANARY"), "{\"value\":\"" + canary + "\",");
    assertProblem(malformed, 400, "malformed-body");
    Reply unknown =
        client.put(secret(app, "staging", "CANARY"), "{\"value\":\"" + canary + "\",\"x\":1}");
    assertProblem(unknown, 400, "unknown-property");
    Reply reused = write(app, "production", "CANARY", canary);
    assertProblem(reused, 409, "conflict");
    for (Reply error : List.of(malformed, unknown, reused)) {
      assertFalse(error.body().contains(canary), error::toString);
    }
    assertFalse(client.get("/metrics").body().contains(canary), "metrics");
    assertFalse(client.get("/openapi").body().contains(canary), "openapi");
    Path logs = TestServer.logsDirectory();
    try (var files = Files.list(logs)) {
      for (Path log : files.filter(Files::isRegularFile).toList()) {
        assertFalse(
            Files.readString(log, StandardCharsets.ISO_8859_1).contains(canary), log::toString);
      }
    }
  }

  @Test
  void overdueRotationsAreAGauge() {
    Reply metrics = client.get("/metrics", "Accept", "text/plain");
    assertTrue(metrics.body().contains("setpoint_secrets_rotation_overdue"), "gauge exported");
  }

  /** Key id, wrapped key, ciphertext and secret id of a secret's current version, read directly. */
  private static Object[] currentSealedValue(Connection db, String app, String key)
      throws java.sql.SQLException {
    try (PreparedStatement query =
        db.prepareStatement(
            "select v.key_id, v.wrapped_key, v.ciphertext, s.id from secret_versions v"
                + " join secrets s on s.id = v.secret_id and v.version_number = s.current_version"
                + " join environments e on e.id = s.environment_id"
                + " join applications a on a.id = e.application_id"
                + " where a.slug = ? and s.secret_key = ?")) {
      query.setString(1, app);
      query.setString(2, key);
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next(), () -> "no stored version of " + key);
        return new Object[] {row.getString(1), row.getBytes(2), row.getBytes(3), row.getObject(4)};
      }
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    if (haystack == null) {
      return false;
    }
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
