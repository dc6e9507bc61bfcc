package dev.setpoint.it.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.setpoint.api.problem.ProblemTypes;
import dev.setpoint.it.openapi.generated.api.ApplicationsApi;
import dev.setpoint.it.openapi.generated.api.ReleasesApi;
import dev.setpoint.it.openapi.generated.api.SettingsApi;
import dev.setpoint.it.openapi.generated.invoker.ApiClient;
import dev.setpoint.it.openapi.generated.invoker.ApiException;
import dev.setpoint.it.openapi.generated.model.Application;
import dev.setpoint.it.openapi.generated.model.ApplicationRequest;
import dev.setpoint.it.openapi.generated.model.Environment;
import dev.setpoint.it.openapi.generated.model.FieldError;
import dev.setpoint.it.openapi.generated.model.PageEnvironmentView;
import dev.setpoint.it.openapi.generated.model.PageReleaseView;
import dev.setpoint.it.openapi.generated.model.PageResolvedSettingView;
import dev.setpoint.it.openapi.generated.model.Problem;
import dev.setpoint.it.openapi.generated.model.Release;
import dev.setpoint.it.openapi.generated.model.ReleaseRequest;
import dev.setpoint.it.openapi.generated.model.ResolvedSetting;
import dev.setpoint.it.openapi.generated.model.SettingDefinition;
import dev.setpoint.it.openapi.generated.model.SettingDefinitionRequest;
import dev.setpoint.it.openapi.generated.model.SettingOverride;
import dev.setpoint.it.openapi.generated.model.SettingOverrideRequest;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The Java client that OpenAPI Generator makes from the live {@code /openapi} (library {@code
 * native}), driven against the server under test: if the document leaves out a field, mistypes a
 * parameter or describes an error wrongly, this client cannot do what a consumer's would. The build
 * saves the H2 server's document and generates and compiles the client in the integration-test
 * phase, just before this test runs on each database (see liberty/pom.xml).
 */
class OpenApiClientIT {

  private final ApiClient client = adminClient();

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  @Test
  void settingOverriddenThenPublishedAndListedThroughTheGeneratedClient() throws ApiException {
    String app = SetpointClient.uniqueSlug("oas");
    Application created =
        new ApplicationsApi(client)
            .createApplication(new ApplicationRequest().slug(app).name("Generated client"));
    assertEquals(app, created.getSlug());
    assertNotNull(created.getCreatedAt());

    SettingsApi settings = new SettingsApi(client);
    SettingDefinition defined =
        settings.defineSetting(
            app,
            "http.port",
            new SettingDefinitionRequest()
                .type(SettingDefinitionRequest.TypeEnum.INTEGER)
                .value(8080)
                .required(true),
            null);
    assertEquals(SettingDefinition.TypeEnum.INTEGER, defined.getType());
    assertEquals(8080, ((Number) defined.getValue()).intValue());
    SettingOverride override =
        settings.overrideSetting(
            app, "staging", "http.port", new SettingOverrideRequest().value(8443), null);
    assertEquals("staging", override.getEnvironment());

    PageResolvedSettingView resolved = settings.resolveSettings(app, "staging", null, 50);
    assertEquals(1, resolved.getItems().size(), resolved::toString);
    ResolvedSetting port = resolved.getItems().get(0);
    assertEquals("http.port", port.getKey());
    assertEquals(ResolvedSetting.TypeEnum.INTEGER, port.getType());
    assertEquals(ResolvedSetting.SourceEnum.ENVIRONMENT, port.getSource());
    assertEquals(8443, ((Number) port.getValue()).intValue());
    assertTrue(port.getRequired());
    assertNull(resolved.getNextCursor());

    ReleasesApi releases = new ReleasesApi(client);
    Release published =
        releases.publishRelease(
            app, "staging", new ReleaseRequest().message("from the generated client"));
    assertEquals(1, published.getNumber());
    assertTrue(published.getHash().matches("[0-9a-f]{64}"), published::toString);

    PageReleaseView history = releases.listReleases(app, "staging", null, null);
    assertEquals(1, history.getItems().size(), history::toString);
    Release listed = history.getItems().get(0);
    assertEquals(published.getHash(), listed.getHash());
    assertEquals("from the generated client", listed.getMessage());
    assertEquals("admin", listed.getCreatedBy());
    assertNotNull(listed.getCreatedAt());
    assertEquals("8443", releases.getRelease(app, "staging", 1).getSettings().get("http.port"));
  }

  @Test
  void pagesFollowTheirCursorWithAnIntegerLimit() throws ApiException {
    ApplicationsApi applications = new ApplicationsApi(client);
    String app = SetpointClient.uniqueSlug("oas");
    applications.createApplication(new ApplicationRequest().slug(app).name("Paged"));

    List<String> slugs = new ArrayList<>();
    String cursor = null;
    do {
      PageEnvironmentView page = applications.listEnvironments(app, cursor, 1);
      assertEquals(1, page.getItems().size(), page::toString);
      page.getItems().stream().map(Environment::getSlug).forEach(slugs::add);
      cursor = page.getNextCursor();
    } while (cursor != null && slugs.size() < 10);

    assertEquals(3, slugs.size(), slugs::toString);
    assertTrue(slugs.containsAll(List.of("dev", "staging", "production")), slugs::toString);
  }

  @Test
  void aConflictIsAProblemTheGeneratedModelReads() throws Exception {
    ApplicationsApi applications = new ApplicationsApi(client);
    String app = SetpointClient.uniqueSlug("oas");
    applications.createApplication(new ApplicationRequest().slug(app).name("Twice"));

    Problem problem =
        problemOf(
            () -> applications.createApplication(new ApplicationRequest().slug(app).name("Twice")),
            409);
    assertEquals(ProblemTypes.CONFLICT, problem.getType());
    assertEquals(409, problem.getStatus());
    assertNotNull(problem.getTitle());
    assertNotNull(problem.getRequestId());
  }

  @Test
  void aValidationProblemNamesTheFieldInTheGeneratedModel() throws Exception {
    ApplicationsApi applications = new ApplicationsApi(client);

    Problem problem =
        problemOf(
            () ->
                applications.createApplication(
                    new ApplicationRequest().slug("Not A Slug").name("Invalid")),
            400);
    assertEquals(ProblemTypes.VALIDATION, problem.getType());
    assertTrue(
        problem.getErrors().stream().map(FieldError::getField).anyMatch(f -> f.endsWith("slug")),
        problem::toString);
  }

  /** The problem the call fails with, read by the generated model from its problem+json body. */
  private Problem problemOf(Executable call, int status) throws JsonProcessingException {
    ApiException failure = assertThrows(ApiException.class, call);
    assertEquals(status, failure.getCode(), failure::getResponseBody);
    assertEquals(
        ProblemTypes.MEDIA_TYPE,
        failure.getResponseHeaders().firstValue("Content-Type").orElse(""),
        failure::getResponseBody);
    return client.getObjectMapper().readValue(failure.getResponseBody(), Problem.class);
  }

  /** The generated client for the server under test, signed in as the bootstrap admin. */
  private static ApiClient adminClient() {
    String authorization = SetpointClient.basic("admin", TestServer.adminPassword());
    ApiClient client = new ApiClient();
    client.updateBaseUri(TestServer.baseUrl());
    client.setRequestInterceptor(request -> request.header("Authorization", authorization));
    client.setReadTimeout(Duration.ofSeconds(30));
    return client;
  }
}
