package dev.setpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compatibility protocols over real HTTP: the exchanges a Spring Cloud Config client makes
 * ({@code /config-server/{application}/{profile}[/{label}]}, the documents) and those External
 * Secrets Operator's Vault provider makes (mount probe, lookup-self, data, metadata, list), with
 * the shapes their sources read, Setpoint's token scopes, and each protocol's error shape.
 */
class CompatIT {

  private static final SetpointClient ADMIN = SetpointClient.forServerUnderTest();
  private static final String V2 = "application/vnd.spring-cloud.config-server.v2+json";

  private static String app;
  private static String secret;
  private static String token;

  @BeforeAll
  static void fixtures() throws Exception {
    TestServer.awaitReady(Duration.ofSeconds(120));
    app = ADMIN.newApplication("compat");
    ok(ADMIN.define(app, "greeting", "string", "\"hello\""));
    ok(ADMIN.define(app, "pool.size", "integer", "4"));
    ok(ADMIN.define(app, "feature.on", "boolean", "false"));
    ok(ADMIN.override(app, "staging", "greeting", "\"hello staging\""));
    ok(ADMIN.override(app, "dev", "pool.size", "2"));
    secret = "canary-" + UUID.randomUUID();
    ADMIN.writeSecret(app, "staging", "db.password", secret);
    ADMIN.publish(app, "staging");
    ok(ADMIN.override(app, "staging", "pool.size", "8"));
    ADMIN.publish(app, "staging");
    ADMIN.publish(app, "dev");
    token = ADMIN.issueToken(app, "staging", "dev");
  }

  // --- Spring Cloud Config -----------------------------------------------------------------

  @Test
  void springEnvironmentCarriesTheCurrentReleaseWithItsSecrets() {
    Reply reply = spring("/config-server/" + app + "/staging", "Authorization", "Bearer " + token);
    assertEquals(200, reply.status(), reply::toString);
    assertTrue(reply.contentType().startsWith(V2), reply::toString);
    assertTrue(reply.header("Cache-Control").contains("no-store"), reply::toString);
    JsonObject environment = reply.json();
    assertEquals(app, environment.getString("name"));
    assertEquals(Json.createArrayBuilder().add("staging").build(), environment.get("profiles"));
    assertEquals(JsonValue.NULL, environment.get("label"));
    assertEquals("2", environment.getString("version"));
    assertEquals(JsonValue.NULL, environment.get("state"));
    JsonArray sources = environment.getJsonArray("propertySources");
    assertEquals(1, sources.size());
    JsonObject first = sources.getJsonObject(0);
    // Spring's client marks a source profile-specific when its name matches .*[-,]{profile}\b.*
    assertTrue(Pattern.matches(".*[-,]staging\\b.*", first.getString("name")), first::toString);
    JsonObject source = first.getJsonObject("source");
    assertEquals("hello staging", source.getString("greeting"));
    assertEquals(8, source.getInt("pool.size"));
    assertFalse(source.getBoolean("feature.on"));
    assertEquals(secret, source.getString("db.password"));
  }

  @Test
  void theSpringClientsTokenHeaderAndPlainJsonAreAccepted() {
    Reply reply =
        ADMIN
            .anonymous()
            .get(
                "/config-server/" + app + "/staging",
                "X-Config-Token",
                token,
                "Accept",
                "application/json");
    assertEquals(200, reply.status(), reply::toString);
    assertTrue(reply.contentType().startsWith("application/json"), reply::toString);
    // Vault's header means nothing on Spring's paths
    Reply vaultHeader =
        ADMIN.anonymous().get("/config-server/" + app + "/staging", "X-Vault-Token", token);
    assertEquals(401, vaultHeader.status(), vaultHeader::toString);
    assertTrue(vaultHeader.contentType().startsWith("application/problem+json"));
  }

  @Test
  void aLabelIsAReleaseNumber() {
    Reply reply =
        spring("/config-server/" + app + "/staging/1", "Authorization", "Bearer " + token);
    assertEquals(200, reply.status(), reply::toString);
    assertEquals("1", reply.json().getString("label"));
    assertEquals("1", reply.json().getString("version"));
    JsonObject source =
        reply.json().getJsonArray("propertySources").getJsonObject(0).getJsonObject("source");
    assertEquals(4, source.getInt("pool.size"));

    Reply missing =
        spring("/config-server/" + app + "/staging/99", "Authorization", "Bearer " + token);
    assertEquals(404, missing.status(), missing::toString);
    Reply branch =
        spring("/config-server/" + app + "/staging/main", "Authorization", "Bearer " + token);
    assertEquals(400, branch.status(), branch::toString);
    assertTrue(branch.body().contains("label"), branch::toString);
  }

  @Test
  void severalProfilesGiveOneSourceEachTheLastFirstAndDefaultIsLeftOut() {
    Reply reply =
        spring(
            "/config-server/" + app + "/default,dev,staging", "Authorization", "Bearer " + token);
    assertEquals(200, reply.status(), reply::toString);
    JsonArray sources = reply.json().getJsonArray("propertySources");
    assertEquals(2, sources.size(), reply::toString);
    assertTrue(sources.getJsonObject(0).getString("name").contains(app + "-staging"));
    assertTrue(sources.getJsonObject(1).getString("name").contains(app + "-dev"));
    assertEquals(JsonValue.NULL, reply.json().get("version"));
  }

  @Test
  void springDocumentsMergeAndNestTheProfiles() throws Exception {
    Reply properties = ADMIN.withToken(token).get("/config-server/" + app + "-staging.properties");
    assertEquals(200, properties.status(), properties::toString);
    Properties read = new Properties();
    read.load(new StringReader(properties.body()));
    assertEquals("8", read.getProperty("pool.size"));
    assertEquals(secret, read.getProperty("db.password"));

    Reply json = ADMIN.withToken(token).get("/config-server/" + app + "-staging.json");
    assertEquals(200, json.status(), json::toString);
    assertEquals(8, json.json().getJsonObject("pool").getInt("size"));
    assertEquals(secret, json.json().getJsonObject("db").getString("password"));

    Reply yaml = ADMIN.withToken(token).get("/config-server/1/" + app + "-staging.yml");
    assertEquals(200, yaml.status(), yaml::toString);
    assertTrue(yaml.body().contains("pool:\n  size: 4\n"), yaml::toString);
    assertTrue(yaml.body().contains("greeting: \"hello staging\"\n"), yaml::toString);
  }

  @Test
  void springAnswersTheDeliveryRules() {
    String other = ADMIN.newApplication("compat-other");
    ADMIN.publish(other, "staging");
    Reply hidden =
        spring("/config-server/" + other + "/staging", "Authorization", "Bearer " + token);
    assertEquals(404, hidden.status(), hidden::toString);
    Reply unscoped =
        spring("/config-server/" + app + "/production", "Authorization", "Bearer " + token);
    assertTrue(unscoped.status() == 403 || unscoped.status() == 404, unscoped::toString);

    Reply revoked = ADMIN.post("/api/v1/tokens", SetpointClient.tokenRequest(app, null, "staging"));
    ok(revoked);
    ok(ADMIN.delete("/api/v1/tokens/" + revoked.json().getString("id")));
    Reply refused =
        spring(
            "/config-server/" + app + "/staging",
            "X-Config-Token",
            revoked.json().getString("token"));
    assertEquals(401, refused.status(), refused::toString);
    assertTrue(refused.contentType().startsWith("application/problem+json"));
    Reply none = spring("/config-server/" + app + "/staging");
    assertEquals(401, none.status(), none::toString);
  }

  @Test
  void everySpringReadIsAConsumerSighting() throws Exception {
    Reply reply =
        spring(
            "/config-server/" + app + "/dev",
            "Authorization",
            "Bearer " + token,
            "X-Setpoint-Instance",
            "spring-pod-1");
    assertEquals(200, reply.status(), reply::toString);
    assertTrue(
        dev.setpoint.it.support.Await.until(
            () ->
                ADMIN
                    .get(SetpointClient.env(app, "dev") + "/consumers")
                    .body()
                    .contains("spring-pod-1"),
            Duration.ofSeconds(30)),
        "the Spring client's read is in the consumers list");
  }

  // --- Vault KV v2, as External Secrets Operator's provider asks ---------------------------

  @Test
  void theMountProbeSaysKvVersionTwo() {
    Reply reply = vault("GET", "/v1/sys/internal/ui/mounts/setpoint/" + app + "/staging", token);
    assertEquals(200, reply.status(), reply::toString);
    JsonObject data = reply.json().getJsonObject("data");
    assertEquals("kv", data.getString("type"));
    assertEquals("2", data.getJsonObject("options").getString("version"));
    assertEquals("setpoint/", data.getString("path"));
    Reply elsewhere = vault("GET", "/v1/sys/internal/ui/mounts/secret/x", token);
    assertEquals(404, elsewhere.status(), elsewhere::toString);
    assertEquals("{\"errors\":[]}", elsewhere.body());
  }

  @Test
  void lookupSelfHasWhatTheOperatorChecks() {
    Reply reply = vault("GET", "/v1/auth/token/lookup-self", token);
    assertEquals(200, reply.status(), reply::toString);
    JsonObject envelope = reply.json();
    for (String field : new String[] {"request_id", "lease_id", "renewable", "lease_duration"}) {
      assertTrue(envelope.containsKey(field), field);
    }
    JsonObject data = envelope.getJsonObject("data");
    // ESO's checkToken: type "service" (not batch), a numeric ttl, expire_time present
    assertEquals("service", data.getString("type"));
    assertEquals(0, data.getJsonNumber("ttl").longValue());
    assertEquals(JsonValue.NULL, data.get("expire_time"));
    assertFalse(reply.body().contains(token), "the token itself is never echoed");

    Reply expiring =
        ADMIN.post(
            "/api/v1/tokens",
            SetpointClient.tokenRequest(app, Instant.now().plusSeconds(3600), "staging"));
    ok(expiring);
    Reply timed = vault("GET", "/v1/auth/token/lookup-self", expiring.json().getString("token"));
    long ttl = timed.json().getJsonObject("data").getJsonNumber("ttl").longValue();
    assertTrue(ttl > 3000 && ttl <= 3600, timed::toString);
    assertTrue(timed.json().getJsonObject("data").getString("expire_time").startsWith("20"));

    Reply person = ADMIN.get("/v1/auth/token/lookup-self");
    assertEquals(403, person.status(), person::toString);
    assertEquals("{\"errors\":[\"permission denied\"]}", person.body());
  }

  @Test
  void readingAnEnvironmentGivesItsReleaseInVaultsEnvelope() {
    Reply reply = vault("GET", "/v1/setpoint/data/" + app + "/staging", token);
    assertEquals(200, reply.status(), reply::toString);
    JsonObject envelope = reply.json();
    assertEquals("", envelope.getString("lease_id"));
    assertFalse(envelope.getBoolean("renewable"));
    assertEquals(0, envelope.getInt("lease_duration"));
    assertEquals(JsonValue.NULL, envelope.get("wrap_info"));
    assertEquals(JsonValue.NULL, envelope.get("warnings"));
    assertEquals(JsonValue.NULL, envelope.get("auth"));
    JsonObject data = envelope.getJsonObject("data").getJsonObject("data");
    assertEquals(secret, data.getString("db.password"));
    assertEquals(8, data.getInt("pool.size"));
    JsonObject metadata = envelope.getJsonObject("data").getJsonObject("metadata");
    assertEquals(2, metadata.getInt("version"));
    assertFalse(metadata.getBoolean("destroyed"));
    assertEquals("", metadata.getString("deletion_time"));
    assertTrue(metadata.getString("created_time").startsWith("20"));

    Reply older = vault("GET", "/v1/setpoint/data/" + app + "/staging?version=1", token);
    assertEquals(200, older.status(), older::toString);
    assertEquals(4, older.json().getJsonObject("data").getJsonObject("data").getInt("pool.size"));

    Reply key = vault("GET", "/v1/setpoint/data/" + app + "/staging/db.password", token);
    assertEquals(200, key.status(), key::toString);
    assertEquals(secret, key.json().getJsonObject("data").getJsonObject("data").getString("value"));
    Reply noKey = vault("GET", "/v1/setpoint/data/" + app + "/staging/no.such.key", token);
    assertEquals(404, noKey.status(), noKey::toString);
    assertEquals("{\"errors\":[]}", noKey.body());
  }

  @Test
  void metadataAndListsNeverCarryValues() {
    Reply metadata = vault("GET", "/v1/setpoint/metadata/" + app + "/staging", token);
    assertEquals(200, metadata.status(), metadata::toString);
    JsonObject data = metadata.json().getJsonObject("data");
    assertEquals(2, data.getInt("current_version"));
    assertTrue(data.getJsonObject("versions").containsKey("2"));
    assertTrue(data.containsKey("custom_metadata"));
    assertFalse(metadata.body().contains(secret));

    for (Reply list :
        new Reply[] {
          vault("GET", "/v1/setpoint/metadata/" + app + "/staging/?list=true", token),
          vault("LIST", "/v1/setpoint/metadata/" + app + "/staging", token)
        }) {
      assertEquals(200, list.status(), list::toString);
      JsonArray keys = list.json().getJsonObject("data").getJsonArray("keys");
      assertTrue(keys.contains(Json.createValue("db.password")), list::toString);
      assertTrue(keys.contains(Json.createValue("greeting")), list::toString);
      assertFalse(list.body().contains(secret));
    }
  }

  @Test
  void listingAnApplicationShowsTheEnvironmentsTheCallerMayRead() {
    String base = "/v1/setpoint/metadata/" + app;
    for (Reply list :
        new Reply[] {
          vault("LIST", base, token),
          vault("LIST", base + "/", token),
          vault("GET", base + "/?list=true", token)
        }) {
      assertEquals(200, list.status(), list::toString);
      assertEquals("kv", list.json().getString("mount_type"), list::toString);
      assertEquals(
          Json.createArrayBuilder().add("dev/").add("staging/").build(),
          list.json().getJsonObject("data").getJsonArray("keys"),
          list::toString);
    }
    // dev has a release but is outside this token's scope; production has no release
    Reply scoped = vault("LIST", base, ADMIN.issueToken(app, "staging", "production"));
    assertEquals(200, scoped.status(), scoped::toString);
    assertEquals(
        Json.createArrayBuilder().add("staging/").build(),
        scoped.json().getJsonObject("data").getJsonArray("keys"));
    Reply nothingToRead = vault("LIST", base, ADMIN.issueToken(app, "production"));
    assertEquals(404, nothingToRead.status(), nothingToRead::toString);
    assertEquals("{\"errors\":[]}", nothingToRead.body());

    Reply editor = ADMIN.newPerson("compat-ed", "editor", app).send("LIST", base, null, null);
    assertEquals(200, editor.status(), editor::toString);
    assertEquals(
        Json.createArrayBuilder().add("dev/").add("staging/").build(),
        editor.json().getJsonObject("data").getJsonArray("keys"));
    Reply viewer = ADMIN.newPerson("compat-vi", "viewer", app).send("LIST", base, null, null);
    assertEquals(403, viewer.status(), viewer::toString);
    assertEquals("{\"errors\":[\"permission denied\"]}", viewer.body());
    Reply anonymous = vault("LIST", base, null);
    assertEquals(403, anonymous.status(), anonymous::toString);

    String other = ADMIN.newApplication("compat-list-other");
    ADMIN.publish(other, "staging");
    Reply hidden = vault("LIST", "/v1/setpoint/metadata/" + other, token);
    Reply missing = vault("LIST", "/v1/setpoint/metadata/" + other + "-missing", token);
    for (Reply notThere : new Reply[] {hidden, missing}) {
      assertEquals(404, notThere.status(), notThere::toString);
      assertEquals("{\"errors\":[]}", notThere.body());
    }
    Reply malformed = vault("LIST", "/v1/setpoint/metadata/Not_A_Slug", token);
    assertEquals(400, malformed.status(), malformed::toString);
    assertTrue(
        malformed.json().getJsonArray("errors").toString().contains("app"), malformed::toString);
    // a folder has no metadata of its own, as in Vault
    Reply folder = vault("GET", base, token);
    assertEquals(404, folder.status(), folder::toString);
  }

  @Test
  void vaultRefusesInVaultsShape() {
    Reply none = vault("GET", "/v1/setpoint/data/" + app + "/staging", null);
    assertEquals(403, none.status(), none::toString);
    assertEquals("{\"errors\":[\"permission denied\"]}", none.body());
    assertNull(none.header("WWW-Authenticate"));

    Reply revoked = ADMIN.post("/api/v1/tokens", SetpointClient.tokenRequest(app, null, "staging"));
    ok(revoked);
    ok(ADMIN.delete("/api/v1/tokens/" + revoked.json().getString("id")));
    Reply refused =
        vault("GET", "/v1/setpoint/data/" + app + "/staging", revoked.json().getString("token"));
    assertEquals(403, refused.status(), refused::toString);
    // Vault checks the token before the path: a KV version 1 read (Spring Cloud Vault's fallback
    // when the mount probe is refused) is permission denied too, and not found for a valid token
    String unversioned = "/v1/setpoint/" + app + "/staging";
    for (String refusedToken : new String[] {revoked.json().getString("token"), null}) {
      Reply denied = vault("GET", unversioned, refusedToken);
      assertEquals(403, denied.status(), denied::toString);
      assertEquals("{\"errors\":[\"permission denied\"]}", denied.body());
    }
    Reply notVersioned = vault("GET", unversioned, token);
    assertEquals(404, notVersioned.status(), notVersioned::toString);
    assertEquals("{\"errors\":[]}", notVersioned.body());

    String other = ADMIN.newApplication("compat-vault-other");
    ADMIN.publish(other, "staging");
    Reply hidden = vault("GET", "/v1/setpoint/data/" + other + "/staging", token);
    assertEquals(404, hidden.status(), hidden::toString);
    assertEquals("{\"errors\":[]}", hidden.body());
    Reply otherMount = vault("GET", "/v1/secret/data/" + app + "/staging", token);
    assertEquals(404, otherMount.status(), otherMount::toString);

    Reply malformed = vault("GET", "/v1/setpoint/data/" + app + "/Not_A_Slug", token);
    assertEquals(400, malformed.status(), malformed::toString);
    assertTrue(
        malformed.json().getJsonArray("errors").toString().contains("env"), malformed::toString);

    Reply write =
        ADMIN
            .anonymous()
            .send(
                "PUT",
                "/v1/setpoint/data/" + app + "/staging",
                "{\"data\":{\"a\":\"b\"}}",
                "application/json",
                "X-Vault-Token",
                token);
    assertEquals(405, write.status(), write::toString);
    assertTrue(write.json().getJsonArray("errors").getString(0).contains("/api/v1"));
  }

  @Test
  void healthIsOpenAndTheInternalMountIsNot() {
    Reply health = ADMIN.anonymous().get("/v1/sys/health");
    assertEquals(200, health.status(), health::toString);
    assertTrue(health.json().getBoolean("initialized"));
    assertFalse(health.json().getBoolean("sealed"));

    Reply direct =
        ADMIN.withToken(token).get("/api/v1/compat/vault/setpoint/data/" + app + "/staging");
    assertEquals(404, direct.status(), direct::toString);
    Reply directSpring = ADMIN.withToken(token).get("/api/v1/compat/config-server/" + app + "/dev");
    assertEquals(404, directSpring.status(), directSpring::toString);
    // Spring's header is not read on Vault's paths
    Reply springHeader =
        ADMIN.anonymous().get("/v1/setpoint/data/" + app + "/staging", "X-Config-Token", token);
    assertEquals(403, springHeader.status(), springHeader::toString);
  }

  private static Reply spring(String path, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Accept";
    all[1] = V2 + ", application/json";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return ADMIN.anonymous().get(path, all);
  }

  private static Reply vault(String method, String path, String vaultToken) {
    return vaultToken == null
        ? ADMIN.anonymous().send(method, path, null, null)
        : ADMIN.anonymous().send(method, path, null, null, "X-Vault-Token", vaultToken);
  }

  private static void ok(Reply reply) {
    assertTrue(reply.status() / 100 == 2, reply::toString);
  }
}
