package dev.setpoint.it.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * A browser's view of the Liberty Admin Center of the server under test, over HTTPS with the
 * keystore Liberty generated for it: its sign-in page, the console's cookies, and the REST
 * connector the console's tools call with them. One instance is one browser (its own cookie store).
 */
public final class AdminCenter {

  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;

  private AdminCenter(SSLContext trust) {
    this.http =
        HttpClient.newBuilder()
            .sslContext(trust)
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** A new browser, or empty when this server has no generated keystore (no HTTPS to test). */
  public static Optional<AdminCenter> open() throws IOException {
    try {
      return TestServer.generatedKeystoreTrust().map(AdminCenter::new);
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException("cannot read the server's generated keystore", e);
    }
  }

  /** The operator's name (the dev default; the build sets none). */
  public static String operatorUser() {
    return "operator";
  }

  /**
   * The password the first start generated for the operator, read where an operator would: the
   * owner-only variable file in the server directory.
   */
  public static String operatorPassword() {
    Path file = TestServer.serverDirectory().resolve("variables/SETPOINT_OPERATOR_PASSWORD");
    // written once the application has started, which readiness does not wait for
    Await.until(() -> Files.exists(file), Duration.ofSeconds(60));
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }

  /**
   * Signs in through the console's own form (its CSRF token comes as a cookie from the sign-in
   * page) and answers the reply to the form.
   */
  public Reply signIn(String user, String password) throws IOException, InterruptedException {
    Reply page = get("/adminCenter/login.jsp");
    if (page.status() != 200) {
      throw new AssertionError("no sign-in page: " + page);
    }
    String csrf =
        cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("csrfToken"))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElseThrow(() -> new AssertionError("the sign-in page set no csrfToken cookie"));
    String form =
        "j_username="
            + encode(user)
            + "&j_password="
            + encode(password)
            + "&X-CSRF-Token="
            + encode(csrf);
    return send(
        request("/adminCenter/j_security_check")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  /** GET on the server's HTTPS root with this browser's cookies. */
  public Reply get(String path) throws IOException, InterruptedException {
    return send(request(path).GET().build());
  }

  /** GET with HTTP Basic credentials (how scripts call the REST connector), no cookies sent. */
  public Reply getWithBasic(String path, String user, String password)
      throws IOException, InterruptedException {
    String token =
        java.util.Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    AdminCenter fresh = new AdminCenter(http.sslContext());
    return fresh.send(fresh.request(path).header("Authorization", "Basic " + token).GET().build());
  }

  /** The names of the cookies this browser holds. */
  public java.util.List<String> cookieNames() {
    return cookies.getCookieStore().getCookies().stream().map(HttpCookie::getName).toList();
  }

  /** The path of a file on the server as the REST connector's file service takes it. */
  public static String fileServicePath(Path file) {
    return "/IBMJMXConnectorREST/file/"
        + URLEncoder.encode(file.toAbsolutePath().toString(), StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(TestServer.httpsUrl() + path))
        .timeout(Duration.ofSeconds(30));
  }

  private Reply send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.headers(), response.body());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
