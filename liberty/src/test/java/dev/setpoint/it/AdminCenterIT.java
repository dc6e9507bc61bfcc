package dev.setpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.AdminCenter;
import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Liberty Admin Center of the dev profile, as an operator's browser uses it: signing in with
 * the operator identity, seeing Setpoint started, and what it must never show or accept.
 */
class AdminCenterIT {

  private static final String SETPOINT_APPLICATION =
      "/IBMJMXConnectorREST/mbeans/"
          + URLEncoder.encode(
              "WebSphere:service=com.ibm.websphere.application.ApplicationMBean,name=setpoint",
              StandardCharsets.UTF_8)
          + "/attributes/State";

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    TestServer.awaitReady(Duration.ofSeconds(120));
  }

  private static AdminCenter browser() throws IOException {
    return AdminCenter.open()
        .orElseThrow(() -> new AssertionError("the server has no generated HTTPS keystore"));
  }

  @Test
  void theOperatorSignsInAndFindsSetpointStarted() throws Exception {
    AdminCenter browser = browser();
    Reply form = browser.signIn(AdminCenter.operatorUser(), AdminCenter.operatorPassword());
    assertEquals(302, form.status(), form::toString);
    assertEquals(TestServer.httpsUrl() + "/adminCenter/", form.header("Location"));

    Reply console = browser.get("/adminCenter/");
    assertEquals(200, console.status(), console::toString);
    Reply state = browser.get(SETPOINT_APPLICATION);
    assertEquals(200, state.status(), state::toString);
    assertEquals("STARTED", state.json().getString("value"), state::toString);
  }

  @Test
  void aWrongPasswordIsRefused() throws Exception {
    AdminCenter browser = browser();
    Reply form = browser.signIn(AdminCenter.operatorUser(), AdminCenter.operatorPassword() + "x");
    assertNotEquals(
        TestServer.httpsUrl() + "/adminCenter/", form.header("Location"), form::toString);
    assertFalse(browser.cookieNames().contains("LtpaToken2"), browser.cookieNames()::toString);
    assertSignInPage(browser.get("/adminCenter/"));
    assertEquals(401, browser.get(SETPOINT_APPLICATION).status());

    Reply basic =
        browser.getWithBasic(
            SETPOINT_APPLICATION, AdminCenter.operatorUser(), AdminCenter.operatorPassword() + "x");
    assertEquals(401, basic.status(), basic::toString);
  }

  @Test
  void anAnonymousRequestGetsNoConsole() throws Exception {
    AdminCenter browser = browser();
    assertSignInPage(browser.get("/adminCenter/"));
    Reply connector = browser.get(SETPOINT_APPLICATION);
    assertEquals(401, connector.status(), connector::toString);
    assertFalse(connector.body().contains("STARTED"), connector::toString);
  }

  @Test
  void plainHttpIsSentToHttps() throws Exception {
    HttpResponse<Void> reply =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + "/adminCenter/")).build(),
                HttpResponse.BodyHandlers.discarding());
    assertEquals(302, reply.statusCode());
    String location = reply.headers().firstValue("Location").orElseThrow();
    assertTrue(location.startsWith("https://"), location);
  }

  @Test
  void theConsoleSignInIsNoSetpointSignIn() throws Exception {
    AdminCenter browser = browser();
    assertEquals(
        302, browser.signIn(AdminCenter.operatorUser(), AdminCenter.operatorPassword()).status());
    Reply api = browser.get("/api/v1/whoami");
    assertEquals(401, api.status(), api::toString);
  }

  @Test
  void theConsoleReadsNoSecretFile() throws Exception {
    AdminCenter browser = browser();
    browser.signIn(AdminCenter.operatorUser(), AdminCenter.operatorPassword());
    Path server = TestServer.serverDirectory();
    for (String file :
        List.of(
            "server.env",
            "server.xml",
            "variables/SETPOINT_OPERATOR_PASSWORD",
            "setpoint-master-key",
            "setpoint-admin-password",
            "resources/security/key.p12")) {
      Reply read = browser.get(AdminCenter.fileServicePath(server.resolve(file)));
      assertNotEquals(200, read.status(), file + ": " + read);
      assertTrue(read.body().contains("CWWKX0121E"), file + ": " + read);
    }
  }

  @Test
  void configurationAndJvmViewsShowNoSecretValue() throws Exception {
    AdminCenter browser = browser();
    browser.signIn(AdminCenter.operatorUser(), AdminCenter.operatorPassword());
    List<String> secrets = secretValues();
    for (String view :
        List.of(
            "/ibm/api/config",
            "/IBMJMXConnectorREST/mbeans/java.lang%3Atype%3DRuntime/attributes")) {
      Reply reply = browser.get(view);
      assertEquals(200, reply.status(), view + ": " + reply);
      for (String secret : secrets) {
        assertFalse(reply.body().contains(secret), view + " shows a secret value");
      }
    }
    Reply dataSource = browser.get("/ibm/api/config/dataSource/setpoint");
    assertEquals(200, dataSource.status(), dataSource::toString);
    assertTrue(
        Pattern.compile("\"password\"\\s*:\\s*\"\\*{6}\"").matcher(dataSource.body()).find(),
        dataSource::toString);
  }

  /** The operator, admin, keystore and (on PostgreSQL) database passwords of this server. */
  private static List<String> secretValues() throws IOException {
    List<String> secrets = new ArrayList<>();
    secrets.add(AdminCenter.operatorPassword());
    secrets.add(TestServer.adminPassword());
    Path serverEnv = TestServer.serverDirectory().resolve("server.env");
    for (String line : Files.readAllLines(serverEnv, StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if ((line.startsWith("keystore_password=") || line.startsWith("SETPOINT_DB_PASSWORD="))
          && eq < line.length() - 1) {
        secrets.add(line.substring(eq + 1));
      }
    }
    return secrets;
  }

  private static void assertSignInPage(Reply reply) {
    assertEquals(302, reply.status(), reply::toString);
    assertEquals(TestServer.httpsUrl() + "/adminCenter/login.jsp", reply.header("Location"));
  }
}
