package dev.setpoint.it;

import static dev.setpoint.it.support.Problems.assertFieldErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HpkeParameters;
import com.google.crypto.tink.hybrid.HybridConfig;
import dev.setpoint.it.support.MasterKeyFiles;
import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Application bundles over real HTTP: export with secrets encrypted to a passphrase, restore as a
 * plan and then applied, refusals that write nothing, and a round trip to a server whose master key
 * never saw the secrets.
 */
class BundleIT {

  private static final SetpointClient ADMIN = SetpointClient.forServerUnderTest();
  private static final String PASSPHRASE_HEADER = "Setpoint-Bundle-Passphrase";

  @BeforeAll
  static void ready() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  /** An application with definitions, overrides, secrets in two environments and releases. */
  private record Source(String app, Map<String, String> secrets) {}

  private static Source source(String prefix) {
    String app = ADMIN.newApplication(prefix);
    ok(ADMIN.define(app, "PORT", "integer", "8080"));
    ok(ADMIN.define(app, "hosts", "json", "[\"a\",\"b\"]"));
    ok(ADMIN.define(app, "GREETING", "string", "\"hello\""));
    ok(
        ADMIN.put(
            SetpointClient.setting(app, "FEATURE"),
            "{\"type\":\"boolean\",\"description\":\"the new flow\",\"required\":true}"));
    ok(ADMIN.override(app, "staging", "PORT", "9090"));
    ok(ADMIN.override(app, "staging", "FEATURE", "false"));
    ok(ADMIN.override(app, "production", "FEATURE", "true"));
    Map<String, String> secrets =
        Map.of(
            "staging/DB_PASSWORD", "pw-" + UUID.randomUUID(),
            "production/DB_PASSWORD", "pw-" + UUID.randomUUID(),
            "production/API_TOKEN", "tok-" + UUID.randomUUID());
    secrets.forEach(
        (where, value) -> {
          String[] parts = where.split("/");
          ADMIN.writeSecret(app, parts[0], parts[1], value);
        });
    ADMIN.publish(app, "staging");
    ADMIN.publish(app, "staging");
    return new Source(app, secrets);
  }

  private static String passphrase() {
    return "bundle-" + UUID.randomUUID();
  }

  private static Reply export(SetpointClient client, String app, String passphrase) {
    return client.post(
        SetpointClient.app(app) + "/export",
        Json.createObjectBuilder().add("passphrase", passphrase).build().toString());
  }

  private static Reply restore(String query, String bundle, String passphrase) {
    return passphrase == null
        ? ADMIN.send("POST", "/api/v1/bundles" + query, bundle, "application/json")
        : ADMIN.send(
            "POST",
            "/api/v1/bundles" + query,
            bundle,
            "application/json",
            PASSPHRASE_HEADER,
            passphrase);
  }

  @Test
  void anExportedApplicationIsPlannedThenRestoredUnderAnotherSlug() {
    Source source = source("bundle");
    String passphrase = passphrase();
    Reply exported = export(ADMIN, source.app(), passphrase);
    assertEquals(200, exported.status(), exported::toString);
    assertTrue(exported.header("Content-Disposition").contains(".setpoint-bundle.json"));
    String bundle = exported.body();
    source.secrets().values().forEach(v -> assertFalse(bundle.contains(v), "no secret in clear"));
    JsonObject manifest = exported.json().getJsonObject("manifest");
    assertEquals(1, exported.json().getInt("version"));
    assertEquals(4, manifest.getJsonArray("settings").size());
    assertEquals(3, manifest.getJsonArray("secrets").size());
    assertEquals(2, manifest.getJsonArray("releases").size());

    String copy = SetpointClient.uniqueSlug("bundle-copy");
    Reply plan = restore("?dryRun=true&slug=" + copy, bundle, passphrase);
    assertEquals(200, plan.status(), plan::toString);
    JsonObject answer = plan.json();
    assertEquals(copy, answer.getString("application"));
    assertEquals(source.app(), answer.getString("bundleApplication"));
    assertTrue(answer.getBoolean("createsApplication"));
    assertFalse(answer.getJsonObject("plan").getBoolean("applied"));
    assertEquals(0, answer.getJsonObject("plan").getJsonObject("counts").getInt("refused"));
    assertEquals(2, answer.getJsonObject("latestReleases").getInt("staging"));
    source.secrets().values().forEach(v -> assertFalse(plan.body().contains(v)));
    assertEquals(404, ADMIN.get(SetpointClient.app(copy)).status(), "a dry run writes nothing");

    Reply applied = restore("?slug=" + copy, bundle, passphrase);
    assertEquals(200, applied.status(), applied::toString);
    assertTrue(applied.json().getJsonObject("plan").getBoolean("applied"));
    assertEquals(resolved(source.app(), "staging"), resolved(copy, "staging"));
    assertEquals(resolved(source.app(), "production"), resolved(copy, "production"));
    JsonObject feature = ADMIN.get(SetpointClient.setting(copy, "FEATURE")).json();
    assertEquals("the new flow", feature.getString("description"));
    assertTrue(feature.getBoolean("required"));
    assertSecrets(copy, source.secrets());
    String audit = ADMIN.get("/api/v1/audit/export?application=" + copy).body();
    assertTrue(audit.contains("bundle.restore"), audit);
    String exportAudit = ADMIN.get("/api/v1/audit/export?application=" + source.app()).body();
    assertTrue(exportAudit.contains("bundle.export"), exportAudit);
    source
        .secrets()
        .values()
        .forEach(v -> assertFalse(audit.contains(v) || exportAudit.contains(v)));

    Reply again = restore("?dryRun=true&slug=" + copy, bundle, passphrase);
    JsonObject counts = again.json().getJsonObject("plan").getJsonObject("counts");
    assertEquals(0, counts.getInt("added") + counts.getInt("changed"), again::toString);
    assertFalse(again.json().getBoolean("createsApplication"));
  }

  @Test
  void aWrongPassphraseAnAlteredFileOrAnotherVersionIsRefusedAndWritesNothing() {
    Source source = source("bundle-bad");
    String passphrase = passphrase();
    String bundle = export(ADMIN, source.app(), passphrase).body();
    String copy = SetpointClient.uniqueSlug("bundle-bad-copy");
    String query = "?slug=" + copy;

    assertFieldErrors(restore(query, bundle, "another-" + passphrase), "secrets");
    assertFieldErrors(restore(query, bundle.replace("9090", "9091"), passphrase), "secrets");
    assertFieldErrors(
        restore(query, bundle.replace("\"version\":1", "\"version\":2"), passphrase), "version");
    assertFieldErrors(restore(query, bundle, null), "passphrase");
    assertFieldErrors(restore(query, bundle, "short"), "passphrase");
    assertFieldErrors(restore(query, "{\"format\":\"zip\"}", passphrase), "format");
    assertFieldErrors(restore(query, "not json", passphrase), "body");
    assertEquals(404, ADMIN.get(SetpointClient.app(copy)).status(), "nothing was written");
  }

  @Test
  void exportingNeedsTheAdminRoleAndALongEnoughPassphrase() {
    Source source = source("bundle-role");
    assertFieldErrors(export(ADMIN, source.app(), "short"), "passphrase");
    SetpointClient editor = ADMIN.newPerson("bundle-editor", "editor", source.app());
    assertEquals(403, export(editor, source.app(), passphrase()).status());
    String hidden = ADMIN.newApplication("bundle-hidden");
    assertEquals(404, export(editor, hidden, passphrase()).status(), "hidden is not found");
    SetpointClient token = ADMIN.withToken(ADMIN.issueToken(source.app(), "staging"));
    Reply restored =
        token.send(
            "POST",
            "/api/v1/bundles?dryRun=true",
            "{}",
            "application/json",
            PASSPHRASE_HEADER,
            passphrase());
    assertEquals(403, restored.status(), restored::toString);
  }

  /** A hostile or broken bundle is a 400 (or 413) problem naming the field, never a 500. */
  @Test
  void hostileParametersAndBrokenSectionsAreProblemsNotErrors() {
    Source source = source("bundle-hostile");
    String passphrase = passphrase();
    String bundle = export(ADMIN, source.app(), passphrase).body();
    JsonObject file = Json.createReader(new StringReader(bundle)).readObject();
    JsonObject kdf = file.getJsonObject("secrets").getJsonObject("kdf");
    String copy = SetpointClient.uniqueSlug("bundle-hostile-copy");
    String query = "?slug=" + copy;

    List<Map.Entry<String, JsonValue>> hostile =
        List.of(
            Map.entry("memoryKiB", Json.createValue(4 * 1024 * 1024)), // 4 GiB
            Map.entry("memoryKiB", Json.createValue(new java.math.BigDecimal("1e300"))),
            Map.entry("iterations", Json.createValue(1_000_000)),
            Map.entry("parallelism", Json.createValue(1 << 20)));
    for (Map.Entry<String, JsonValue> entry : hostile) {
      JsonObject altered =
          withSecrets(
              file,
              "kdf",
              Json.createObjectBuilder(kdf).add(entry.getKey(), entry.getValue()).build());
      assertFieldErrors(
          restore(query, altered.toString(), passphrase), "secrets.kdf." + entry.getKey());
    }
    assertFieldErrors(
        restore(
            query,
            withSecrets(file, "ciphertext", Json.createValue("not base64!")).toString(),
            passphrase),
        "secrets.ciphertext");
    // decrypted values that do not match the manifest's list of secrets
    assertFieldErrors(
        restore(
            query,
            withSecrets(
                    file,
                    Json.createObjectBuilder()
                        .add("values", Json.createArrayBuilder().add("one"))
                        .build())
                .toString(),
            null),
        "secrets");
    String huge =
        "{\"format\":\"setpoint-bundle\",\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
    Reply tooLarge = restore(query, huge, passphrase);
    assertEquals(413, tooLarge.status(), tooLarge::toString);
    assertTrue(tooLarge.header("Content-Type").startsWith("application/problem+json"));
    assertEquals(404, ADMIN.get(SetpointClient.app(copy)).status(), "nothing was written");
  }

  /**
   * A bundle encrypted to a recipient's public keyset: no passphrase, no secret in clear; the
   * server refuses to open it (it never gets the private key), and restores the values a client
   * decrypted with the private keyset. Refusals: a private keyset, another kind of key, both a
   * passphrase and a recipient.
   */
  @Test
  void aBundleEncryptedToARecipientKeyIsDecryptedByItsHolderAndRestored() throws Exception {
    Source source = source("bundle-recipient");
    KeysetHandle key = recipientKey();
    String publicKeyset =
        TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(key.getPublicKeysetHandle());
    Reply exported = exportTo(ADMIN, source.app(), publicKeyset);
    assertEquals(200, exported.status(), exported::toString);
    String bundle = exported.body();
    source.secrets().values().forEach(v -> assertFalse(bundle.contains(v), "no secret in clear"));
    JsonObject secrets = exported.json().getJsonObject("secrets");
    assertEquals(
        Integer.toUnsignedString(key.getPrimary().getId()), secrets.getString("recipient"));
    assertFalse(secrets.containsKey("kdf"));
    String audit = ADMIN.get("/api/v1/audit/export?application=" + source.app()).body();
    assertTrue(audit.contains("encrypted to recipient key"), audit);

    String copy = SetpointClient.uniqueSlug("bundle-recipient-copy");
    assertFieldErrors(restore("?slug=" + copy, bundle, passphrase()), "secrets");
    Reply applied = restore("?slug=" + copy, decrypt(exported.json(), key).toString(), null);
    assertEquals(200, applied.status(), applied::toString);
    source.secrets().values().forEach(v -> assertFalse(applied.body().contains(v)));
    assertSecrets(copy, source.secrets());
    assertEquals(resolved(source.app(), "staging"), resolved(copy, "staging"));
    String restoreAudit = ADMIN.get("/api/v1/audit/export?application=" + copy).body();
    assertTrue(restoreAudit.contains("decrypted by the client"), restoreAudit);
    source.secrets().values().forEach(v -> assertFalse(restoreAudit.contains(v)));

    KeysetHandle other = recipientKey();
    assertThrows(GeneralSecurityException.class, () -> decrypt(exported.json(), other));
    String privateKeyset =
        TinkJsonProtoKeysetFormat.serializeKeyset(key, InsecureSecretKeyAccess.get());
    assertFieldErrors(exportTo(ADMIN, source.app(), privateKeyset), "recipient");
    assertFieldErrors(exportTo(ADMIN, source.app(), "{\"primaryKeyId\":1}"), "recipient");
    Reply both =
        ADMIN.post(
            SetpointClient.app(source.app()) + "/export",
            Json.createObjectBuilder()
                .add("passphrase", passphrase())
                .add("recipient", publicKeyset)
                .build()
                .toString());
    assertFieldErrors(both, "recipient");
    assertFieldErrors(ADMIN.post(SetpointClient.app(source.app()) + "/export", "{}"), "passphrase");
  }

  private static KeysetHandle recipientKey() throws GeneralSecurityException {
    HybridConfig.register();
    return KeysetHandle.generateNew(
        HpkeParameters.builder()
            .setVariant(HpkeParameters.Variant.TINK)
            .setKemId(HpkeParameters.KemId.DHKEM_X25519_HKDF_SHA256)
            .setKdfId(HpkeParameters.KdfId.HKDF_SHA256)
            .setAeadId(HpkeParameters.AeadId.AES_256_GCM)
            .build());
  }

  private static Reply exportTo(SetpointClient client, String app, String publicKeyset) {
    return client.post(
        SetpointClient.app(app) + "/export",
        Json.createObjectBuilder().add("recipient", publicKeyset).build().toString());
  }

  /** What a client holding the private keyset sends: the values in secrets.values. */
  private static JsonObject decrypt(JsonObject bundle, KeysetHandle key)
      throws GeneralSecurityException {
    byte[] context =
        ("setpoint-bundle/1\n" + bundle.getJsonObject("manifest")).getBytes(StandardCharsets.UTF_8);
    byte[] plaintext =
        key.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class)
            .decrypt(
                Base64.getDecoder().decode(bundle.getJsonObject("secrets").getString("ciphertext")),
                context);
    return withSecrets(
        bundle,
        Json.createObjectBuilder()
            .add(
                "values",
                Json.createReader(new StringReader(new String(plaintext, StandardCharsets.UTF_8)))
                    .readArray())
            .build());
  }

  private static JsonObject withSecrets(JsonObject bundle, JsonObject secrets) {
    return Json.createObjectBuilder(bundle).add("secrets", secrets).build();
  }

  /** The bundle with one field of its secrets section replaced. */
  private static JsonObject withSecrets(JsonObject bundle, String field, JsonValue value) {
    return withSecrets(
        bundle,
        Json.createObjectBuilder(bundle.getJsonObject("secrets")).add(field, value).build());
  }

  /**
   * The round trip, in both modes: a passphrase bundle and a recipient bundle (decrypted by the
   * key's holder) are restored on a server whose primary master key is new (the same database,
   * restarted with a fresh key first: MasterKeyRotationIT's way; the IT's peer servers share the
   * first one's key), so the restored secrets are wrapped by a key that never saw them, and they
   * are revealed there. Afterwards the copies are removed and the server gets its keys back.
   */
  @Test
  @EnabledIfSystemProperty(
      named = "setpoint.it.database",
      matches = "postgresql",
      disabledReason =
          "two server restarts; what it adds to the other restores (a new master key) is the same"
              + " code on both databases, so it runs on the production one, with"
              + " MasterKeyRotationIT")
  void aBundleMovesToAServerWithAnotherMasterKey() throws Exception {
    Source source = source("bundle-trip");
    String passphrase = passphrase();
    String bundle = export(ADMIN, source.app(), passphrase).body();
    KeysetHandle key = recipientKey();
    Reply toRecipient =
        exportTo(
            ADMIN,
            source.app(),
            TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(key.getPublicKeysetHandle()));
    assertEquals(200, toRecipient.status(), toRecipient::toString);
    List<String> sourceKeys = MasterKeyFiles.keyIdsOf(source.app());
    List<String> original = MasterKeyFiles.currentKeys();
    String copy = SetpointClient.uniqueSlug("bundle-trip-copy");
    String recipientCopy = SetpointClient.uniqueSlug("bundle-trip-recipient");
    try {
      MasterKeyFiles.useKeys(MasterKeyFiles.prepend(MasterKeyFiles.randomKey(), original));
      TestServer.restart();
      String primary = ADMIN.get("/api/v1/system/keys").json().getString("primaryKeyId");
      assertFalse(sourceKeys.contains(primary), "the new primary key never wrapped the source");

      Reply applied = restore("?slug=" + copy, bundle, passphrase);
      assertEquals(200, applied.status(), applied::toString);
      assertEquals(List.of(primary), MasterKeyFiles.keyIdsOf(copy));
      assertNotEquals(sourceKeys, MasterKeyFiles.keyIdsOf(copy));
      assertSecrets(copy, source.secrets());
      assertEquals(resolved(source.app(), "production"), resolved(copy, "production"));

      Reply decrypted =
          restore("?slug=" + recipientCopy, decrypt(toRecipient.json(), key).toString(), null);
      assertEquals(200, decrypted.status(), decrypted::toString);
      assertEquals(List.of(primary), MasterKeyFiles.keyIdsOf(recipientCopy));
      assertSecrets(recipientCopy, source.secrets());
      assertEquals(resolved(source.app(), "production"), resolved(recipientCopy, "production"));
    } finally {
      for (String app : List.of(copy, recipientCopy)) {
        Reply removed = ADMIN.delete(SetpointClient.app(app));
        assertTrue(removed.status() == 204 || removed.status() == 404, removed::toString);
      }
      MasterKeyFiles.useKeys(original);
      TestServer.restart();
    }
    assertEquals(List.of(), MasterKeyFiles.keyIdsOf(copy), "no data key left on the new key");
    assertEquals(List.of(), MasterKeyFiles.keyIdsOf(recipientCopy));
  }

  private static void assertSecrets(String app, Map<String, String> secrets) {
    secrets.forEach(
        (where, value) -> {
          String[] parts = where.split("/");
          Reply revealed =
              ADMIN.post(
                  SetpointClient.env(app, parts[0]) + "/secrets/" + parts[1] + "/reveal", "{}");
          assertEquals(200, revealed.status(), revealed::toString);
          assertEquals(value, revealed.json().getString("value"), where);
        });
  }

  private static Map<String, JsonValue> resolved(String app, String env) {
    Reply reply = ADMIN.get(SetpointClient.env(app, env) + "/settings?limit=500");
    assertEquals(200, reply.status(), reply::toString);
    return reply.items().getValuesAs(JsonObject.class).stream()
        .filter(i -> i.containsKey("value") && i.get("value") != JsonValue.NULL)
        .collect(
            Collectors.toMap(
                i -> i.getString("key"), i -> i.get("value"), (a, b) -> b, TreeMap::new));
  }

  private static void ok(Reply reply) {
    assertTrue(reply.status() / 100 == 2, reply::toString);
  }
}
