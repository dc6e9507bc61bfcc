package dev.setpoint.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.CredentialValidationResult.Status;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both ways of obtaining the provider's keys: fetched over HTTP (the usual OpenID Connect
 * deployment, here from a provider on a port the operating system picks) and read from a file:
 * location, which is re-read when it is replaced.
 */
class JwtIdentityStoreTest {

  private static final String ISSUER = "https://issuer.example.test";
  private static final String AUDIENCE = "setpoint";

  private static RsaJsonWebKey first;
  private static RsaJsonWebKey second;

  @TempDir Path dir;

  @BeforeAll
  static void keys() throws Exception {
    first = RsaJwkGenerator.generateJwk(2048);
    first.setKeyId("k-" + UUID.randomUUID());
    second = RsaJwkGenerator.generateJwk(2048);
    second.setKeyId("k-" + UUID.randomUUID());
  }

  private static byte[] jwks(RsaJsonWebKey key) {
    return new JsonWebKeySet(key)
        .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static JwtIdentityStore store(String location) {
    AuthConfig config = new AuthConfig();
    config.issuer = Optional.of(ISSUER);
    config.jwksLocation = Optional.of(location);
    config.audiences = Optional.of(AUDIENCE);
    config.groupsClaim = "groups";
    JwtIdentityStore store = new JwtIdentityStore();
    store.config = config;
    return store;
  }

  private static BearerCredential jwt(RsaJsonWebKey key, String name, String... groups)
      throws Exception {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setAudience(AUDIENCE);
    claims.setExpirationTimeMinutesInTheFuture(5);
    claims.setSubject(UUID.randomUUID().toString());
    claims.setClaim("preferred_username", name);
    claims.setStringListClaim("groups", List.of(groups));
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key.getPrivateKey());
    jws.setKeyIdHeaderValue(key.getKeyId());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    return new BearerCredential(jws.getCompactSerialization());
  }

  private static void assertAccepted(CredentialValidationResult result, String name) {
    assertEquals(Status.VALID, result.getStatus());
    SetpointPrincipal principal = (SetpointPrincipal) result.getCallerPrincipal();
    assertEquals(
        dev.setpoint.domain.access.Caller.IDENTITY_PROVIDER_PREFIX + name,
        principal.caller().name());
  }

  @Test
  void fetchesTheProvidersKeysOverHttp() throws Exception {
    byte[] body = jwks(first);
    HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    provider.createContext(
        "/jwks",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    provider.start();
    try {
      JwtIdentityStore store =
          store("http://127.0.0.1:" + provider.getAddress().getPort() + "/jwks");
      CredentialValidationResult ok = store.validate(jwt(first, "ada", "ops"));
      assertAccepted(ok, "ada");
      SetpointPrincipal principal = (SetpointPrincipal) ok.getCallerPrincipal();
      assertEquals(Set.of("ops"), principal.caller().groups());
      assertEquals(Status.INVALID, store.validate(jwt(second, "mallory")).getStatus());
    } finally {
      provider.stop(0);
    }
  }

  @Test
  void readsAJwksFileAndFollowsItsReplacement() throws Exception {
    Path file = dir.resolve("jwks.json");
    JwtIdentityStore store = store(file.toUri().toString());

    assertEquals(
        Status.INVALID, store.validate(jwt(first, "ada")).getStatus(), "no file: nothing verifies");

    Files.write(file, jwks(first));
    assertAccepted(store.validate(jwt(first, "ada")), "ada");
    assertEquals(Status.INVALID, store.validate(jwt(second, "bob")).getStatus());

    Files.write(file, jwks(second));
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
    assertAccepted(store.validate(jwt(second, "bob")), "bob");
    assertEquals(Status.INVALID, store.validate(jwt(first, "ada")).getStatus());
  }

  @Test
  void aServiceTokenIsLeftToItsOwnStore() {
    CredentialValidationResult result =
        store("file:/nonexistent").validate(new BearerCredential("stp_" + UUID.randomUUID()));
    assertTrue(result.getStatus() == Status.NOT_VALIDATED, result.getStatus()::toString);
  }
}
