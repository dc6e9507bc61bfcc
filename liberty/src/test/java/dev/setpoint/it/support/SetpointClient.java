package dev.setpoint.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * A small typed client over the JDK HttpClient for the integration tests: one method per use of the
 * API, so tests read as what they do rather than as URL strings.
 */
public final class SetpointClient {

  private static final String JSON = "application/json";

  private final HttpClient http;
  private final String baseUrl;
  private final String authorization;
  private final Duration timeout;

  /** A client signed in as {@code admin} (the bootstrap user, a platform admin). */
  public SetpointClient(String baseUrl) {
    this(baseUrl, null);
  }

  /** An admin client for an HTTPS server whose certificate {@code tls} trusts. */
  public SetpointClient(String baseUrl, javax.net.ssl.SSLContext tls) {
    this(buildHttp(tls), baseUrl, basic("admin", TestServer.adminPassword()));
  }

  private SetpointClient(HttpClient http, String baseUrl, String authorization) {
    this(http, baseUrl, authorization, Duration.ofSeconds(30));
  }

  private SetpointClient(HttpClient http, String baseUrl, String authorization, Duration timeout) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.authorization = authorization;
    this.timeout = timeout;
  }

  /** The server's base URL, e.g. {@code http://localhost:9080}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The same server with other credentials: an {@code Authorization} value, or null for none. */
  public SetpointClient as(String authorization) {
    return new SetpointClient(http, baseUrl, authorization, timeout);
  }

  /** The same client waiting up to {@code timeout} for each answer (large imports). */
  public SetpointClient patient(Duration timeout) {
    return new SetpointClient(http, baseUrl, authorization, timeout);
  }

  /** The same server without credentials. */
  public SetpointClient anonymous() {
    return as(null);
  }

  /** The same server as a user of the built-in store. */
  public SetpointClient asUser(String username, String password) {
    return as(basic(username, password));
  }

  /** The same server with a bearer token. */
  public SetpointClient withToken(String token) {
    return as("Bearer " + token);
  }

  /** An HTTP Basic {@code Authorization} value. */
  public static String basic(String username, String password) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static HttpClient buildHttp(javax.net.ssl.SSLContext tls) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5));
    if (tls != null) {
      builder.sslContext(tls);
    }
    return builder.build();
  }

  /** The client for the server under test, as the build passes it in. */
  public static SetpointClient forServerUnderTest() {
    return new SetpointClient(TestServer.baseUrl());
  }

  /** A slug no other test uses. */
  public static String uniqueSlug(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  // --- raw HTTP -------------------------------------------------------------------------------

  public Reply get(String path, String... headers) {
    return send("GET", path, null, null, headers);
  }

  public Reply post(String path, String json, String... headers) {
    return send("POST", path, json, JSON, headers);
  }

  public Reply put(String path, String json, String... headers) {
    return send("PUT", path, json, JSON, headers);
  }

  public Reply delete(String path, String... headers) {
    return send("DELETE", path, null, null, headers);
  }

  /** Any request; {@code headers} alternate name and value. */
  public Reply send(
      String method, String path, String body, String contentType, String... headers) {
    return sendBytes(
        method,
        path,
        body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        contentType,
        headers);
  }

  /** Any request with a body of bytes (a ZIP, or text that is not UTF-8). */
  public Reply sendBytes(
      String method, String path, byte[] body, String contentType, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    boolean explicit = false;
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
      explicit |= headers[i].equalsIgnoreCase("Authorization");
    }
    if (!explicit && authorization != null) {
      request.header("Authorization", authorization);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + path + " interrupted", e);
    }
  }

  // --- applications and environments ----------------------------------------------------------

  public static String app(String app) {
    return "/api/v1/applications/" + app;
  }

  public static String env(String app, String env) {
    return app(app) + "/environments/" + env;
  }

  public Reply createApplication(String slug, String name) {
    return post(
        "/api/v1/applications",
        "{\"slug\":\"" + slug + "\",\"name\":\"" + name + "\",\"owner\":\"team-it\"}");
  }

  /** Registers a fresh application and returns its slug; fails the test if it cannot. */
  public String newApplication(String prefix) {
    String slug = uniqueSlug(prefix);
    Reply reply = createApplication(slug, "Application " + slug);
    if (reply.status() != 201) {
      throw new AssertionError("could not create " + slug + ": " + reply);
    }
    return slug;
  }

  public Reply createEnvironment(String app, String slug, boolean production) {
    return post(
        app(app) + "/environments",
        "{\"slug\":\""
            + slug
            + "\",\"name\":\"Env "
            + slug
            + "\",\"production\":"
            + production
            + "}");
  }

  // --- settings --------------------------------------------------------------------------------

  public static String setting(String app, String key) {
    return app(app) + "/settings/" + key;
  }

  public static String override(String app, String env, String key) {
    return env(app, env) + "/settings/" + key;
  }

  /** Defines a setting; {@code valueJson} is the JSON text of the default, or null for none. */
  public Reply define(String app, String key, String type, String valueJson, String... headers) {
    String value = valueJson == null ? "" : ",\"value\":" + valueJson;
    return put(setting(app, key), "{\"type\":\"" + type + "\"" + value + "}", headers);
  }

  public Reply override(String app, String env, String key, String valueJson, String... headers) {
    return put(override(app, env, key), "{\"value\":" + valueJson + "}", headers);
  }

  public Reply resolved(String app, String env) {
    return get(env(app, env) + "/settings");
  }

  // --- releases and delivery -------------------------------------------------------------------

  public static String releases(String app, String env) {
    return env(app, env) + "/releases";
  }

  public static String config(String app, String env) {
    return "/api/v1/config/" + app + "/" + env;
  }

  /** Publishes a release; fails the test unless it is created. */
  public JsonObject publish(String app, String env) {
    Reply reply = post(releases(app, env), "{}");
    if (reply.status() != 201) {
      throw new AssertionError("could not publish " + app + "/" + env + ": " + reply);
    }
    return reply.json();
  }

  /** Writes a secret value; fails the test unless it is stored. */
  public void writeSecret(String app, String env, String key, String value) {
    Reply reply =
        put(
            env(app, env) + "/secrets/" + key,
            Json.createObjectBuilder().add("value", value).build().toString());
    if (reply.status() != 200 && reply.status() != 201) {
      throw new AssertionError("could not write secret " + key + ": " + reply);
    }
  }

  /** The server's {@code setpoint_delivery_watchers} gauge: watches it holds now, or -1. */
  /** Issues a service token for delivery of {@code envs} of {@code app}; returns the token. */
  public String issueToken(String app, String... envs) {
    Reply issued = post("/api/v1/tokens", tokenRequest(app, null, envs));
    if (issued.status() != 201) {
      throw new IllegalStateException(
          "Issuing a token failed: " + issued.status() + " " + issued.body());
    }
    return issued.json().getString("token");
  }

  /**
   * A new built-in user (with a password generated now) holding {@code role} on application {@code
   * app}, signed in on this server; this client must be an admin.
   */
  public SetpointClient newPerson(String prefix, String role, String app) {
    String name = uniqueSlug(prefix);
    String password = "canary-" + UUID.randomUUID();
    String user =
        jakarta.json.Json.createObjectBuilder()
            .add("username", name)
            .add("password", password)
            .build()
            .toString();
    Reply created = post("/api/v1/users", user);
    Reply granted = post("/api/v1/roles", roleBinding(name, role, app));
    if (created.status() != 201 || granted.status() != 201) {
      throw new IllegalStateException("Creating " + name + " failed: " + created + " " + granted);
    }
    return asUser(name, password);
  }

  /** The body of a role binding on an application. */
  public static String roleBinding(String principal, String role, String application) {
    return jakarta.json.Json.createObjectBuilder()
        .add("principal", principal)
        .add("role", role)
        .add("application", application)
        .build()
        .toString();
  }

  /** The body of a token request; {@code expiresAt} may be null. */
  public static String tokenRequest(String app, java.time.Instant expiresAt, String... envs) {
    var environments = jakarta.json.Json.createArrayBuilder();
    for (String env : envs) {
      environments.add(env);
    }
    var body =
        jakarta.json.Json.createObjectBuilder()
            .add("name", "it " + app)
            .add("application", app)
            .add("environments", environments);
    if (expiresAt != null) {
      body.add("expiresAt", expiresAt.toString());
    }
    return body.build().toString();
  }

  public long deliveryWatchers() {
    for (String line : get("/metrics", "Accept", "text/plain").body().split("\n")) {
      if (line.startsWith("setpoint_delivery_watchers")) {
        return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return -1;
  }

  /** Waits until the server holds at least one watch, failing the test after ten seconds. */
  public void awaitWatching() throws InterruptedException {
    if (!Await.until(() -> deliveryWatchers() >= 1, Duration.ofSeconds(10))) {
      throw new AssertionError("the server at " + baseUrl + " holds no watch");
    }
  }
}
