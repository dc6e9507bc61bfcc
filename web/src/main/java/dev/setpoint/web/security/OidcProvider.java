package dev.setpoint.web.security;

import dev.setpoint.domain.access.Caller;
import dev.setpoint.domain.access.ProviderSignIn;
import dev.setpoint.domain.access.ProviderSignIn.Failure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;

/**
 * Setpoint's side of the OpenID Connect provider for console sign-in: its endpoints (from the
 * issuer's discovery document, fetched once and kept, or configured), the authorization URL, the
 * server-to-server code exchange (JDK {@link HttpClient}, no redirects followed), and the id
 * token's verification, the same as for bearer JWTs ({@link ProviderTokens}) with the client id as
 * the audience.
 */
@ApplicationScoped
public class OidcProvider {

  private static final Logger LOG = Logger.getLogger(OidcProvider.class.getName());
  private static final String DISCOVERY = "/.well-known/openid-configuration";
  private static final int MAX_ANSWER = 1 << 20;

  /** Where the provider signs people in, exchanges codes, and publishes its keys. */
  public record Endpoints(URI authorization, URI token, String jwks) {}

  @Inject OidcConfig config;
  @Inject AuthConfig auth;

  private volatile Discovered discovered;
  private volatile HttpClient http;

  private record Discovered(Endpoints endpoints, JwtConsumer idTokens) {}

  /** Whether sign-in through the provider is configured. */
  public boolean enabled() {
    return config.enabled();
  }

  public String name() {
    return config.providerName();
  }

  /** The URL the browser is sent to, asking for a code for {@code redirectUri}. */
  public URI authorizationUrl(ProviderSignIn.Redirect redirect, String redirectUri) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", config.clientId().orElseThrow());
    query.put("redirect_uri", redirectUri);
    query.put("scope", config.scopes());
    query.put("state", redirect.state());
    query.put("nonce", redirect.nonce());
    query.put("code_challenge", redirect.codeChallenge());
    query.put("code_challenge_method", "S256");
    URI endpoint = current().endpoints().authorization();
    String separator = endpoint.getRawQuery() == null ? "?" : "&";
    return URI.create(endpoint + separator + form(query));
  }

  /**
   * Exchanges the code at the token endpoint (with the PKCE verifier) and verifies the id token it
   * answers with; the person it names, and the nonce it carries for the domain to compare.
   */
  public Verified exchange(String code, String verifier, String redirectUri) {
    Discovered provider = current();
    Map<String, String> body = new LinkedHashMap<>();
    body.put("grant_type", "authorization_code");
    body.put("code", code);
    body.put("redirect_uri", redirectUri);
    body.put("client_id", config.clientId().orElseThrow());
    body.put("code_verifier", verifier);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(provider.endpoints().token())
            .timeout(config.timeout())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form(body)));
    config
        .clientSecret()
        .ifPresent(
            secret ->
                request.header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                (encode(config.clientId().orElseThrow()) + ":" + encode(secret))
                                    .getBytes(StandardCharsets.UTF_8))));
    JsonObject answer = tokenAnswer(request.build());
    JsonValue idToken = answer.get("id_token");
    if (!(idToken instanceof JsonString token)) {
      throw refused(Failure.TOKEN, "the token endpoint answered without an id_token");
    }
    return verify(provider, token.getString());
  }

  /** A verified id token: the person it names and the nonce it carries. */
  public record Verified(Caller caller, String nonce) {}

  private Verified verify(Discovered provider, String idToken) {
    try {
      JwtClaims claims = provider.idTokens().processToClaims(idToken);
      List<String> audiences = claims.getAudience();
      String client = config.clientId().orElseThrow();
      if (audiences.size() > 1 && !client.equals(claims.getStringClaimValue("azp"))) {
        throw refused(Failure.ID_TOKEN, "the id token names several audiences and another azp");
      }
      ProviderTokens.Person person = ProviderTokens.person(claims, auth.groupsClaim());
      if (person.caller().isEmpty()) {
        throw refused(Failure.IDENTITY, "the id token: " + person.refusal());
      }
      return new Verified(person.caller().get(), claims.getStringClaimValue("nonce"));
    } catch (InvalidJwtException | MalformedClaimException e) {
      throw refused(Failure.ID_TOKEN, "the id token is not valid: " + ProviderTokens.reason(e));
    }
  }

  private JsonObject tokenAnswer(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = client().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw refused(
          Failure.TOKEN, "the token endpoint cannot be reached: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw refused(Failure.TOKEN, "interrupted while waiting for the token endpoint");
    }
    Optional<JsonObject> json = json(response.body());
    if (response.statusCode() != 200 || json.isEmpty()) {
      String error =
          json.map(o -> o.get("error"))
              .filter(JsonString.class::isInstance)
              .map(v -> ((JsonString) v).getString())
              .filter(s -> s.matches("[A-Za-z0-9_.-]{1,64}"))
              .orElse("none");
      throw refused(
          Failure.TOKEN,
          "the token endpoint answered " + response.statusCode() + " (error " + error + ")");
    }
    return json.get();
  }

  /** The endpoints and the id token check, discovered on first use (a failure is retried). */
  private Discovered current() {
    Discovered known = discovered;
    if (known != null) {
      return known;
    }
    synchronized (this) {
      if (discovered == null) {
        Endpoints endpoints = config.explicitEndpoints().orElseGet(this::discover);
        JwtConsumer idTokens =
            ProviderTokens.consumer(
                config.issuer().orElseThrow(),
                ProviderTokens.keys(endpoints.jwks()),
                config.clientId().orElseThrow());
        discovered = new Discovered(endpoints, idTokens);
      }
      return discovered;
    }
  }

  private Endpoints discover() {
    String issuer = config.issuer().orElseThrow();
    URI location = URI.create(issuer.replaceAll("/+$", "") + DISCOVERY);
    try {
      HttpResponse<String> response =
          client()
              .send(
                  HttpRequest.newBuilder(location)
                      .timeout(config.timeout())
                      .header("Accept", "application/json")
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      Optional<JsonObject> document = json(response.body());
      if (response.statusCode() != 200 || document.isEmpty()) {
        throw unavailable(location + " answered " + response.statusCode() + " without a document");
      }
      JsonObject found = document.get();
      if (!issuer.equals(found.getString("issuer", null))) {
        throw unavailable(location + " names another issuer");
      }
      return new Endpoints(
          URI.create(required(found, "authorization_endpoint", location)),
          URI.create(required(found, "token_endpoint", location)),
          required(found, "jwks_uri", location));
    } catch (IOException | IllegalArgumentException e) {
      throw unavailable(location + " cannot be read: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted while reading " + location);
    }
  }

  private static String required(JsonObject document, String name, URI location) {
    String value = document.getString(name, null);
    if (value == null || !(value.startsWith("https://") || value.startsWith("http://"))) {
      throw unavailable(location + " gives no " + name);
    }
    return value;
  }

  private static Optional<JsonObject> json(String body) {
    if (body == null || body.length() > MAX_ANSWER) {
      return Optional.empty();
    }
    try (var reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      return value instanceof JsonObject object ? Optional.of(object) : Optional.empty();
    } catch (JsonException e) {
      return Optional.empty();
    }
  }

  private HttpClient client() {
    HttpClient built = http;
    if (built == null) {
      synchronized (this) {
        if (http == null) {
          http =
              HttpClient.newBuilder()
                  .connectTimeout(config.timeout())
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .build();
        }
        built = http;
      }
    }
    return built;
  }

  private static ProviderSignIn.Refused unavailable(String why) {
    LOG.warning(() -> "OpenID Connect discovery failed: " + why);
    return new ProviderSignIn.Refused(
        Failure.UNAVAILABLE, "The identity provider cannot be reached now; try again later");
  }

  private static ProviderSignIn.Refused refused(Failure failure, String why) {
    return new ProviderSignIn.Refused(failure, why);
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
