package dev.setpoint.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

/**
 * The organisation's OpenID Connect provider, played by the tests on 127.0.0.1 at the port
 * liberty/pom.xml reserved for it (the IT servers' {@code setpoint.oidc.issuer}). It serves the
 * discovery document, its JWKS (an RSA key generated at run time), {@code /authorize}, which
 * approves at once and redirects to the redirect URI with a code and the state, and {@code /token},
 * which gives an id token only for the code, the client id and its secret (written at start to the
 * file the servers read), the same redirect URI and a verifier that matches the challenge. Who
 * signs in, and what is wrong with their id token, a test says with a {@link Person} it registers,
 * named in {@code login_hint}. One provider per test JVM, started on first use and never stopped.
 */
public final class TestIdentityProvider {

  /** The client id the IT servers are configured with. */
  public static final String CLIENT_ID = "setpoint-console";

  /** Someone signing in, and how the provider treats them. */
  public record Person(
      String name,
      List<String> groups,
      String audience,
      String nonce,
      float expiresInMinutes,
      boolean strangerSigns,
      String error) {

    /** A person the provider signs in with a valid id token. */
    public static Person named(String name, String... groups) {
      return new Person(name, List.of(groups), null, null, 5, false, null);
    }

    public Person withAudience(String other) {
      return new Person(name, groups, other, nonce, expiresInMinutes, strangerSigns, error);
    }

    public Person withNonce(String other) {
      return new Person(name, groups, audience, other, expiresInMinutes, strangerSigns, error);
    }

    public Person expired() {
      return new Person(name, groups, audience, nonce, -5, strangerSigns, error);
    }

    public Person signedByAStranger() {
      return new Person(name, groups, audience, nonce, expiresInMinutes, true, error);
    }

    /** The provider redirects back with {@code error} instead of a code. */
    public Person refusedWith(String code) {
      return new Person(name, groups, audience, nonce, expiresInMinutes, strangerSigns, code);
    }
  }

  private record Grant(
      Person person, String challenge, String nonce, String redirectUri, String clientId) {}

  private static TestIdentityProvider shared;

  private final HttpServer server;
  private final String issuer;
  private final String clientSecret;
  private final RsaJsonWebKey signing;
  private final RsaJsonWebKey stranger;
  private final Map<String, Person> people = new ConcurrentHashMap<>();
  private final Map<String, Grant> grants = new ConcurrentHashMap<>();
  private final Map<String, String> refusals = new ConcurrentHashMap<>();
  private volatile Person next;

  /** The provider of this test JVM, started on first use. */
  public static synchronized TestIdentityProvider shared() {
    if (shared == null) {
      try {
        shared =
            new TestIdentityProvider(
                Integer.parseInt(System.getProperty("setpoint.it.oidcPort")),
                Path.of(System.getProperty("setpoint.it.oidcSecretFile")));
      } catch (Exception e) {
        throw new IllegalStateException("the test identity provider cannot start", e);
      }
    }
    return shared;
  }

  private TestIdentityProvider(int port, Path secretFile) throws Exception {
    issuer = "http://127.0.0.1:" + port;
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    clientSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Files.writeString(secretFile, clientSecret + "\n", StandardCharsets.UTF_8);
    signing = RsaJwkGenerator.generateJwk(2048);
    signing.setKeyId("idp-" + UUID.randomUUID());
    stranger = RsaJwkGenerator.generateJwk(2048);
    stranger.setKeyId(signing.getKeyId());
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.setExecutor(
        Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, "test-identity-provider");
              thread.setDaemon(true);
              return thread;
            }));
    server.createContext("/.well-known/openid-configuration", this::discovery);
    server.createContext("/jwks", this::jwks);
    server.createContext("/authorize", this::authorize);
    server.createContext("/token", this::token);
    server.start();
  }

  public String issuer() {
    return issuer;
  }

  /** Registers someone to sign in; name the returned hint in {@code login_hint}. */
  public String register(Person person) {
    String hint = UUID.randomUUID().toString();
    people.put(hint, person);
    return hint;
  }

  /**
   * Who signs in when the authorization request names no {@code login_hint}: a real browser's
   * sign-in, which the test does not steer URL by URL.
   */
  public void signInNextAs(Person person) {
    next = person;
  }

  /** Why the token endpoint last refused the code it was given, if it did. */
  public String refusalOf(String code) {
    return refusals.get(code);
  }

  private void discovery(HttpExchange exchange) throws IOException {
    String document =
        Json.createObjectBuilder()
            .add("issuer", issuer)
            .add("authorization_endpoint", issuer + "/authorize")
            .add("token_endpoint", issuer + "/token")
            .add("jwks_uri", issuer + "/jwks")
            .add("response_types_supported", Json.createArrayBuilder().add("code"))
            .add("code_challenge_methods_supported", Json.createArrayBuilder().add("S256"))
            .build()
            .toString();
    answer(exchange, 200, document);
  }

  private void jwks(HttpExchange exchange) throws IOException {
    answer(
        exchange,
        200,
        new JsonWebKeySet(signing).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
  }

  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
    String hint = query.get("login_hint");
    Person person = hint == null ? next : people.get(hint);
    String redirectUri = query.get("redirect_uri");
    if (person == null
        || redirectUri == null
        || !"code".equals(query.get("response_type"))
        || !"S256".equals(query.get("code_challenge_method"))
        || !CLIENT_ID.equals(query.get("client_id"))
        || !query.getOrDefault("scope", "").contains("openid")) {
      answer(exchange, 400, "{\"error\":\"invalid_request\"}");
      return;
    }
    Map<String, String> back = new LinkedHashMap<>();
    if (person.error() != null) {
      back.put("error", person.error());
    } else {
      String code = UUID.randomUUID().toString();
      grants.put(
          code,
          new Grant(
              person,
              query.get("code_challenge"),
              query.get("nonce"),
              redirectUri,
              query.get("client_id")));
      back.put("code", code);
    }
    back.put("state", query.get("state"));
    exchange.getResponseHeaders().add("Location", redirectUri + "?" + form(back));
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> form =
        parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String code = form.getOrDefault("code", "");
    Grant grant = grants.remove(code);
    String refusal = refusal(grant, form, exchange.getRequestHeaders().getFirst("Authorization"));
    if (refusal != null) {
      refusals.put(code, refusal);
      answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
      return;
    }
    String idToken;
    try {
      idToken = idToken(grant);
    } catch (Exception e) {
      answer(exchange, 500, "{\"error\":\"server_error\"}");
      return;
    }
    answer(
        exchange,
        200,
        Json.createObjectBuilder()
            .add("access_token", UUID.randomUUID().toString())
            .add("token_type", "Bearer")
            .add("expires_in", 300)
            .add("id_token", idToken)
            .build()
            .toString());
  }

  /** Why the token request must be refused, or null: RFC 6749 and RFC 7636's checks. */
  private String refusal(Grant grant, Map<String, String> form, String authorization) {
    if (grant == null) {
      return "unknown or used code";
    }
    if (!"authorization_code".equals(form.get("grant_type"))) {
      return "grant_type";
    }
    if (!grant.clientId().equals(form.get("client_id"))) {
      return "client_id";
    }
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    if (!basic.equals(authorization)) {
      return "client authentication";
    }
    if (!grant.redirectUri().equals(form.get("redirect_uri"))) {
      return "redirect_uri";
    }
    String verifier = form.get("code_verifier");
    if (verifier == null || !s256(verifier).equals(grant.challenge())) {
      return "code_verifier";
    }
    return null;
  }

  private String idToken(Grant grant) throws Exception {
    Person person = grant.person();
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer);
    claims.setAudience(person.audience() == null ? CLIENT_ID : person.audience());
    claims.setExpirationTimeMinutesInTheFuture(person.expiresInMinutes());
    claims.setIssuedAtToNow();
    claims.setSubject(UUID.randomUUID().toString());
    claims.setClaim("preferred_username", person.name());
    claims.setStringListClaim("groups", person.groups());
    claims.setClaim("nonce", person.nonce() == null ? grant.nonce() : person.nonce());
    RsaJsonWebKey key = person.strangerSigns() ? stranger : signing;
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key.getPrivateKey());
    jws.setKeyIdHeaderValue(key.getKeyId());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    return jws.getCompactSerialization();
  }

  /** The PKCE S256 challenge of a verifier. */
  public static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The decoded parameters of a query string or form body. */
  public static Map<String, String> parse(String encoded) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return fields;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      fields.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return fields;
  }

  private static String form(Map<String, String> fields) {
    StringBuilder out = new StringBuilder();
    fields.forEach(
        (k, v) ->
            out.append(out.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return out.toString();
  }

  /** The query of a URI, decoded. */
  public static Map<String, String> query(URI uri) {
    return parse(uri.getRawQuery());
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
