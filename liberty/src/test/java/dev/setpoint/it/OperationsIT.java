package dev.setpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operational endpoints at the server root: health, metrics and the OpenAPI document. */
class OperationsIT {

  private final SetpointClient client = SetpointClient.forServerUnderTest();

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  @Test
  void everyProbeIsUpOnARunningServer() {
    for (String probe : List.of("/health", "/health/live", "/health/ready", "/health/started")) {
      Reply reply = client.get(probe);
      assertEquals(200, reply.status(), () -> probe + " " + reply);
      assertEquals("UP", reply.json().getString("status"), probe);
    }
  }

  @Test
  void readinessReportsTheDatabaseAndMigrations() {
    JsonObject ready = client.get("/health/ready").json();
    JsonObject check =
        ready.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("name").equals("setpoint-database"))
            .findFirst()
            .orElseThrow();
    assertEquals("UP", check.getString("status"));
    assertEquals("schema up to date", check.getJsonObject("data").getString("schema"));
    assertTrue(check.getJsonObject("data").getBoolean("reachable"));
  }

  @Test
  void readinessReportsTheMasterKeysWithoutRevealingThem() {
    JsonObject ready = client.get("/health/ready").json();
    JsonObject check =
        ready.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("name").equals("setpoint-master-key"))
            .findFirst()
            .orElseThrow();
    assertEquals("UP", check.getString("status"));
    assertTrue(
        check.getJsonObject("data").getString("keys").matches("primary master key k[0-9a-f]{12}"),
        check::toString);
  }

  @Test
  void metricsExposeSetpointCountersBesideThePoolAndJvm() {
    String app = client.newApplication("metrics");
    assertEquals(201, client.define(app, "K", "string", "\"v\"").status());
    client.define(app, "K2", "integer", "\"not a number\"");

    Reply metrics = client.get("/metrics", "Accept", "text/plain");
    assertEquals(200, metrics.status());
    String text = metrics.body();
    for (String expected :
        List.of(
            "setpoint_settings_writes_total",
            "setpoint_validation_failures_total",
            "setpoint_applications_created_total",
            "setpoint_delivery_watchers",
            "setpoint_delivery_cached_releases",
            "REST_request_seconds",
            "connectionpool_",
            "jvm_uptime_seconds")) {
      assertTrue(text.contains(expected), () -> "metrics lack " + expected);
    }
  }

  @Test
  void openApiDescribesEveryEndpointAndSchema() {
    Reply document = client.get("/openapi", "Accept", "application/json");
    assertEquals(200, document.status(), document::toString);
    JsonObject openapi = document.json();
    JsonObject paths = openapi.getJsonObject("paths");
    for (String path :
        List.of(
            "/api/v1/applications",
            "/api/v1/applications/{app}",
            "/api/v1/applications/{app}/environments",
            "/api/v1/applications/{app}/environments/{env}",
            "/api/v1/applications/{app}/settings",
            "/api/v1/applications/{app}/settings/{key}",
            "/api/v1/applications/{app}/environments/{env}/settings",
            "/api/v1/applications/{app}/environments/{env}/settings/{key}",
            "/api/v1/applications/{app}/environments/{env}/secrets",
            "/api/v1/applications/{app}/environments/{env}/secrets/{key}",
            "/api/v1/applications/{app}/environments/{env}/secrets/{key}/reveal",
            "/api/v1/applications/{app}/environments/{env}/secrets/{key}/rotate",
            "/api/v1/applications/{app}/environments/{env}/secrets/{key}/recover",
            "/api/v1/applications/{app}/environments/{env}/secrets/{key}/destroy",
            "/api/v1/applications/{app}/environments/{env}/releases",
            "/api/v1/applications/{app}/environments/{env}/releases/{number}",
            "/api/v1/applications/{app}/environments/{env}/releases/{number}/diff",
            "/api/v1/applications/{app}/environments/{env}/releases/{number}/rollback",
            "/api/v1/applications/{app}/environments/{env}/consumers",
            "/api/v1/applications/{app}/environments/{env}/policy",
            "/api/v1/applications/{app}/environments/{env}/change-requests",
            "/api/v1/applications/{app}/environments/{env}/change-requests/{number}",
            "/api/v1/applications/{app}/environments/{env}/change-requests/{number}/approve",
            "/api/v1/applications/{app}/environments/{env}/change-requests/{number}/reject",
            "/api/v1/applications/{app}/environments/{env}/change-requests/{number}/apply",
            "/api/v1/applications/{app}/environments/{env}/change-requests/{number}/withdraw",
            "/api/v1/applications/{app}/environments/{env}/change-requests/{number}/comments",
            "/api/v1/applications/{app}/environments/{env}/promote",
            "/api/v1/applications/{app}/environments/{env}/consumers/{instance}/health",
            "/api/v1/applications/{app}/environments/{env}/rollout",
            "/api/v1/applications/{app}/environments/{env}/rollout/pause",
            "/api/v1/applications/{app}/environments/{env}/rollout/resume",
            "/api/v1/applications/{app}/environments/{env}/rollout/advance",
            "/api/v1/applications/{app}/environments/{env}/rollout/abort",
            "/api/v1/alerts",
            "/api/v1/config/{app}/{env}",
            "/api/v1/applications/{app}/import",
            "/api/v1/applications/{app}/environments/{env}/import",
            "/api/v1/applications/{app}/export",
            "/api/v1/bundles",
            "/api/v1/system/ping",
            "/api/v1/system/keys",
            "/api/v1/system/keys/rewrap",
            "/api/v1/session")) {
      assertTrue(paths.containsKey(path), () -> "OpenAPI lacks " + path);
    }
    JsonObject schemas = openapi.getJsonObject("components").getJsonObject("schemas");
    for (String schema :
        List.of(
            "Problem",
            "FieldError",
            "Application",
            "ApplicationRequest",
            "Environment",
            "EnvironmentRequest",
            "SettingDefinition",
            "SettingDefinitionRequest",
            "SettingOverride",
            "SettingOverrideRequest",
            "ResolvedSetting",
            "Secret",
            "SecretVersion",
            "SecretWriteRequest",
            "RevealedSecret",
            "MasterKeys",
            "Release",
            "ReleaseRequest",
            "ReleaseDiff",
            "Consumer",
            "RolloutRequest",
            "Rollout",
            "HealthReport",
            "HealthReceipt",
            "AlertNotification",
            "AlertReceipt",
            "Session",
            "SignInRequest",
            "ReviewPolicy",
            "ReviewPolicyRequest",
            "ChangeRequest",
            "ChangeRequestRequest",
            "ProposedChange",
            "ChangeDiff",
            "ChangeReadiness",
            "PromotionRequest",
            "ImportPlan",
            "ExportRequest",
            "BundlePlan")) {
      assertTrue(schemas.containsKey(schema), () -> "OpenAPI lacks schema " + schema);
    }
    JsonObject post = paths.getJsonObject("/api/v1/applications").getJsonObject("post");
    assertTrue(post.getJsonObject("responses").containsKey("409"), "error responses documented");
  }

  @Test
  void openApiUiIsServed() {
    Reply ui = client.get("/openapi/ui/");
    assertEquals(200, ui.status());
    assertTrue(ui.body().toLowerCase().contains("<html"));
  }
}
