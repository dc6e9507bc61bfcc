package dev.setpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.setpoint.it.support.Await;
import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.SpringApps;
import dev.setpoint.it.support.SpringReadApplication;
import dev.setpoint.it.support.TestServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real Spring Boot 3.5 application with {@code spring-cloud-starter-config} 4.3, unchanged,
 * started against the server under test: it sees its settings and secrets through {@code @Value}
 * and the Environment, fails fast on a revoked token, and sees a new release after {@code POST
 * /actuator/refresh}. Setpoint's Environment is compared field by field with Spring Cloud Config
 * Server 4.3's (the benchmark's server, native profile) for the same data.
 */
class SpringClientIT {

  private static final SetpointClient ADMIN = SetpointClient.forServerUnderTest();
  private static final Duration START = Duration.ofSeconds(120);

  private static SpringReadApplication read;
  private static String app;

  @BeforeAll
  static void fixtures() throws Exception {
    TestServer.awaitReady(Duration.ofSeconds(120));
    read = SpringReadApplication.create(ADMIN, "spring");
    app = read.app();
  }

  @Test
  void aSpringBootApplicationReadsItsConfigurationAndRefreshesAfterAPublish() throws Exception {
    String token = ADMIN.issueToken(app, "staging");
    int port = SpringApps.freePort();
    try (SpringApps.Running client = client(port, token)) {
      read.assertSeenBy(client, port, START);
      read.assertRefreshSeenBy(ADMIN, client, port);
    }
  }

  @Test
  void aRevokedTokenStopsTheStartWithAClearError() throws Exception {
    try (SpringApps.Running client = client(SpringApps.freePort(), read.revokedToken(ADMIN))) {
      String log = read.assertStartFailed(client, START);
      // fail-fast: Spring's ConfigClientFailFastException, caused by Setpoint's 401
      assertTrue(log.contains("Could not locate PropertySource"), log);
      assertTrue(log.contains("401 Unauthorized"), log);
    }
  }

  @Test
  void theEnvironmentMatchesSpringCloudConfigServerFieldByField() throws Exception {
    // the reference server reads files, not a database: once is enough
    assumeTrue("h2".equals(System.getProperty("setpoint.it.database", "h2")));
    String compared = ADMIN.newApplication("spring-ref");
    ok(ADMIN.define(compared, "greeting", "string", "\"hello\""));
    ok(ADMIN.define(compared, "pool.size", "integer", "8"));
    ok(ADMIN.define(compared, "feature.on", "boolean", "true"));
    String password = "canary-" + UUID.randomUUID();
    ADMIN.writeSecret(compared, "staging", "db.password", password);
    ADMIN.publish(compared, "staging");
    String token = ADMIN.issueToken(compared, "staging");

    Path repo = Files.createTempDirectory(Path.of("target"), "scc-repo-");
    Files.writeString(
        repo.resolve(compared + "-staging.yml"),
        // "on" quoted: YAML 1.1 reads a bare on as the boolean true
        "greeting: hello\npool:\n  size: 8\nfeature:\n  \"on\": true\ndb:\n  password: \""
            + password
            + "\"\n",
        StandardCharsets.UTF_8);
    int port = SpringApps.freePort();
    try (SpringApps.Running reference =
        SpringApps.start(
            SpringApps.configServer(),
            Map.of(
                "BENCH_SCC_PORT", String.valueOf(port),
                "BENCH_SCC_REPO", repo.toAbsolutePath().toString()))) {
      String url = "http://127.0.0.1:" + port + "/" + compared + "/staging";
      Reply theirs =
          Await.value(
              () -> SpringApps.call("GET", url, "Accept", "application/json"),
              r -> r.status() == 200,
              START);
      assertEquals(200, theirs.status(), () -> theirs + "\n" + reference.log());
      Reply ours =
          ADMIN
              .anonymous()
              .get(
                  "/config-server/" + compared + "/staging",
                  "Accept",
                  "application/json",
                  "X-Config-Token",
                  token);
      assertEquals(200, ours.status(), ours::toString);
      JsonObject a = theirs.json();
      JsonObject b = ours.json();
      assertEquals(a.keySet(), b.keySet(), () -> theirs.body() + "\n" + ours.body());
      for (String field : new String[] {"name", "profiles", "label", "state"}) {
        assertEquals(a.get(field), b.get(field), field);
      }
      // git or native have no version; ours is the release number
      assertEquals(JsonValue.NULL, a.get("version"));
      assertEquals("1", b.getString("version"));
      JsonObject source = a.getJsonArray("propertySources").getJsonObject(0);
      JsonObject ourSource = b.getJsonArray("propertySources").getJsonObject(0);
      assertEquals(source.keySet(), ourSource.keySet());
      assertEquals(source.getJsonObject("source"), ourSource.getJsonObject("source"));
      Pattern profileSpecific = Pattern.compile(".*[-,]staging\\b.*");
      assertTrue(profileSpecific.matcher(source.getString("name")).matches());
      assertTrue(profileSpecific.matcher(ourSource.getString("name")).matches());
    }
  }

  private static SpringApps.Running client(int port, String token) {
    return SpringApps.start(
        SpringApps.springClient(),
        Map.of("SPRING_CLOUD_CONFIG_TOKEN", token),
        "--server.port=" + port,
        // the same application also holds Spring Cloud Vault, for SpringVaultClientIT
        "--spring.cloud.vault.enabled=false",
        "--spring.application.name=" + app,
        "--spring.profiles.active=staging",
        "--spring.config.import=configserver:" + ADMIN.baseUrl() + "/config-server");
  }

  private static void ok(Reply reply) {
    assertTrue(reply.status() / 100 == 2, reply::toString);
  }
}
