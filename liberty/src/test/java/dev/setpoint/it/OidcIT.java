package dev.setpoint.it;

import static dev.setpoint.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * People signing in with JWTs from the organisation's OpenID Connect provider. The test plays the
 * provider: it generates a signing key at run time and publishes its JWKS in the file the server
 * was configured with (mp.jwt.verify.publickey.location, a file: URL; the HTTP fetch is covered by
 * JwtIdentityStoreTest, on a port of its own choosing); the issuer is https://issuer.setpoint.test,
 * the audience setpoint-it, and members of group setpoint-admins are platform admins.
 */
class OidcIT {

  private static final String ISSUER = "https://issuer.setpoint.test";
  private static final String AUDIENCE = "setpoint-it";

  private static RsaJsonWebKey signing;
  private static RsaJsonWebKey stranger;

  private final SetpointClient admin = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void publishKeys() throws Exception {
    TestServer.awaitReady(Duration.ofSeconds(120));
    signing = RsaJwkGenerator.generateJwk(2048);
    signing.setKeyId("it-" + UUID.randomUUID());
    stranger = RsaJwkGenerator.generateJwk(2048);
    stranger.setKeyId(signing.getKeyId());
    byte[] jwks =
        new JsonWebKeySet(signing)
            .toJson(org.jose4j.jwk.JsonWebKey.OutputControlLevel.PUBLIC_ONLY)
            .getBytes(StandardCharsets.UTF_8);
    Path published = Path.of(System.getProperty("setpoint.it.jwksFile"));
    Path staged = published.resolveSibling(published.getFileName() + ".tmp");
    Files.write(staged, jwks);
    Files.move(
        staged, published, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String jwt(
      RsaJsonWebKey key,
      String issuer,
      String audience,
      float minutes,
      String name,
      String... groups)
      throws Exception {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer);
    claims.setAudience(audience);
    claims.setExpirationTimeMinutesInTheFuture(minutes);
    claims.setIssuedAtToNow();
    claims.setSubject(UUID.randomUUID().toString());
    claims.setClaim("preferred_username", name);
    claims.setStringListClaim("groups", List.of(groups));
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key.getPrivateKey());
    jws.setKeyIdHeaderValue(key.getKeyId());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    return jws.getCompactSerialization();
  }

  private SetpointClient person(String token) {
    return admin.as("Bearer " + token);
  }

  @Test
  void aMemberOfTheAdminGroupIsAPlatformAdmin() throws Exception {
    String name = SetpointClient.uniqueSlug("oidc-ops");
    Reply me =
        person(jwt(signing, ISSUER, AUDIENCE, 5, name, "setpoint-admins")).get("/api/v1/whoami");
    assertEquals(200, me.status(), me::toString);
    assertEquals("oidc:" + name, me.json().getString("name"), "a namespace of its own");
    assertTrue(me.json().getBoolean("platformAdmin"), me::toString);
  }

  @Test
  void namesFromTheProviderLiveInTheirOwnNamespace() throws Exception {
    for (String name : java.util.List.of("admin", "setpoint", "group:setpoint-admins", "token:x")) {
      Reply me = person(jwt(signing, ISSUER, AUDIENCE, 5, name)).get("/api/v1/whoami");
      assertEquals(200, me.status(), me::toString);
      assertEquals("oidc:" + name, me.json().getString("name"));
      assertFalse(me.json().getBoolean("platformAdmin"), name + " is not the built-in admin");
      assertProblem(
          person(jwt(signing, ISSUER, AUDIENCE, 5, name)).get("/api/v1/users"), 403, "forbidden");
    }
    for (String name : java.util.List.of("eve\u0000admin", "eve\nadmin", "x".repeat(200))) {
      assertProblem(
          person(jwt(signing, ISSUER, AUDIENCE, 5, name)).get("/api/v1/whoami"),
          401,
          "unauthenticated");
    }
  }

  @Test
  void aPersonSeesWhatTheirOwnOrTheirGroupsBindingsAllow() throws Exception {
    String app = admin.newApplication("oidc");
    String alice = SetpointClient.uniqueSlug("oidc-alice");
    String team = SetpointClient.uniqueSlug("team");
    SetpointClient person = person(jwt(signing, ISSUER, AUDIENCE, 5, alice, team));

    assertEquals(200, person.get("/api/v1/whoami").status());
    assertProblem(person.get(SetpointClient.app(app)), 404, "not-found");

    Reply granted =
        admin.post("/api/v1/roles", SetpointClient.roleBinding("group:" + team, "viewer", app));
    assertEquals(201, granted.status(), granted::toString);
    assertEquals(200, person.get(SetpointClient.app(app)).status(), "through the group");
    assertProblem(
        person.put(SetpointClient.setting(app, "k"), "{\"type\":\"string\"}"), 403, "forbidden");

    admin.post("/api/v1/roles", SetpointClient.roleBinding("oidc:" + alice, "editor", app));
    Reply defined = person.put(SetpointClient.setting(app, "k"), "{\"type\":\"string\"}");
    assertEquals(201, defined.status(), "by name: " + defined);
  }

  @Test
  void tokensFromElsewhereOrOutOfDateAreRefused() throws Exception {
    String name = SetpointClient.uniqueSlug("oidc-eve");
    for (String token :
        List.of(
            jwt(signing, "https://other.example", AUDIENCE, 5, name),
            jwt(signing, ISSUER, "another-service", 5, name),
            jwt(signing, ISSUER, AUDIENCE, -1, name),
            jwt(stranger, ISSUER, AUDIENCE, 5, name),
            unsigned(name))) {
      Reply refused =
          person(token)
              .get("/api/v1/whoami", "X-Forwarded-For", "192.0.2." + (1 + token.length() % 200));
      assertProblem(refused, 401, "unauthenticated");
      assertTrue(refused.header("WWW-Authenticate").contains("invalid_token"), refused::toString);
    }
  }

  private static String unsigned(String name) {
    String header =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    String payload =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                Json.createObjectBuilder()
                    .add("iss", ISSUER)
                    .add("aud", AUDIENCE)
                    .add("preferred_username", name)
                    .add("exp", System.currentTimeMillis() / 1000 + 300)
                    .build()
                    .toString()
                    .getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + ".";
  }
}
