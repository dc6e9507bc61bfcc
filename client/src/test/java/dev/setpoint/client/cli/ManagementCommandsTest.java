package dev.setpoint.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The management commands against a stand-in for Setpoint's management API on loopback. */
class ManagementCommandsTest {

  /** One request the stand-in received. */
  record Seen(String method, String uri, String contentType, String authorization, String body) {}

  @TempDir Path config;

  private HttpServer server;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final InputStream stdin = System.in;

  record Answer(int status, String contentType, String body) {}

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    System.setIn(stdin);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String uri = exchange.getRequestURI().toString();
    seen.add(
        new Seen(
            exchange.getRequestMethod(),
            uri,
            exchange.getRequestHeaders().getFirst("Content-Type"),
            exchange.getRequestHeaders().getFirst("Authorization"),
            body));
    Answer answer =
        answers.getOrDefault(
            exchange.getRequestMethod() + " " + uri.split("\\?")[0],
            new Answer(
                404, "application/problem+json", "{\"status\":404,\"detail\":\"no such thing\"}"));
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", answer.contentType());
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void answer(String request, int status, String json) {
    answers.put(
        request,
        new Answer(status, status < 300 ? "application/json" : "application/problem+json", json));
  }

  record Result(int code, String out, String err) {}

  private Result run(String input, String... args) {
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    CommandLine commandLine = SetpointCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--config-dir";
    all[args.length + 1] = config.toString();
    int code = commandLine.execute(all);
    return new Result(code, out.toString(), err.toString());
  }

  private void signIn() {
    answer("GET /api/v1/whoami", 200, "{\"name\":\"robot\"}");
    Result login = run("the-token\n", "login", "--url", url(), "--token-stdin");
    assertEquals(0, login.code(), login.toString());
  }

  @Test
  void loginChecksTheTokenAndStoresItOwnerOnly() throws IOException {
    signIn();
    assertEquals("Bearer the-token", seen.get(0).authorization());
    Path file = config.resolve("login.properties");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertTrue(Files.readString(file).contains("Bearer the-token"));
  }

  @Test
  void loginNeedsAUserOrATokenAndARefusalIsExitCode4() {
    assertEquals(2, run("", "login", "--url", url()).code());
    answer("GET /api/v1/whoami", 401, "{\"status\":401,\"detail\":\"Authentication required\"}");
    Result refused = run("x\n", "login", "--url", url(), "--user", "ann", "--password-stdin");
    assertEquals(4, refused.code(), refused.toString());
    assertTrue(seen.get(0).authorization().startsWith("Basic "));
    assertFalse(Files.exists(config.resolve("login.properties")));
  }

  @Test
  void commandsWithoutALoginAreUsageErrors() {
    Result result = run("", "apps");
    assertEquals(2, result.code());
    assertTrue(result.err().contains("setpoint login"), result.err());
  }

  @Test
  void aSecretValueComesFromStandardInputAndIsNeverAnArgument() {
    signIn();
    String value = "canary-" + UUID.randomUUID();
    answer(
        "PUT /api/v1/applications/shop/environments/prod/secrets/DB_PASSWORD",
        200,
        "{\"key\":\"DB_PASSWORD\",\"currentVersion\":1}");
    Result result =
        run(value + "\n", "secrets", "set", "DB_PASSWORD", "--app", "shop", "--env", "prod");
    assertEquals(0, result.code(), result.toString());
    Seen put = seen.get(seen.size() - 1);
    assertEquals("{\"value\":\"" + value + "\"}", put.body());
    assertFalse(result.out().contains(value));
    assertEquals(2, run("", "secrets", "set", "A", "--app", "shop", "--env", "prod").code());
  }

  @Test
  void importIsADryRunUnlessApplied() throws IOException {
    signIn();
    Path file = config.resolve("app.yml");
    Files.writeString(file, "a: 1\n");
    String plan =
        "{\"format\":\"yaml\",\"applied\":false,\"counts\":{\"added\":1,\"changed\":0,"
            + "\"unchanged\":0,\"refused\":0},\"items\":[{\"key\":\"a\",\"kind\":\"setting\","
            + "\"action\":\"add\",\"type\":\"integer\",\"value\":1,\"defines\":true}],\"ignored\":[]}";
    answer("POST /api/v1/applications/shop/import", 200, plan);
    Result result = run("", "import", file.toString(), "--app", "shop", "--type", "a=string");
    assertEquals(0, result.code(), result.toString());
    Seen sent = seen.get(seen.size() - 1);
    assertEquals("/api/v1/applications/shop/import?dryRun=true&type.a=string", sent.uri());
    assertEquals("application/yaml", sent.contentType());
    assertTrue(result.out().contains("1 added"), result.out());
    run("", "import", file.toString(), "--app", "shop", "--apply");
    assertEquals("/api/v1/applications/shop/import", seen.get(seen.size() - 1).uri());
    Result json = run("", "import", file.toString(), "--app", "shop", "--output", "json");
    assertEquals(plan, json.out().strip());
  }

  @Test
  void aRolloutIsPublishedWithItsPlanAndControlledByName() {
    signIn();
    answer(
        "POST /api/v1/applications/shop/environments/prod/releases",
        201,
        "{\"number\":8,\"hash\":\"h\",\"createdBy\":\"ann\"}");
    Result published =
        run(
            "",
            "releases",
            "publish",
            "--app",
            "shop",
            "--env",
            "prod",
            "--rollout",
            "10,50,100",
            "--bake",
            "60");
    assertEquals(0, published.code(), published.toString());
    assertEquals(
        "{\"rollout\":{\"steps\":[10,50,100],\"bakeSeconds\":60}}",
        seen.get(seen.size() - 1).body());
    assertEquals(
        2, run("", "releases", "publish", "--app", "shop", "--env", "prod", "--bake", "5").code());

    String rollout =
        "{\"state\":\"paused\",\"stable\":7,\"candidate\":8,\"step\":1,\"percent\":10,"
            + "\"cohorts\":{\"candidate\":2,\"stable\":18}}";
    answer("POST /api/v1/applications/shop/environments/prod/rollout/pause", 200, rollout);
    Result paused = run("", "rollout", "pause", "--app", "shop", "--env", "prod");
    assertEquals(0, paused.code(), paused.toString());
    assertTrue(paused.out().contains("paused"), paused.out());
    assertTrue(paused.out().contains("18"), paused.out());
    answer(
        "GET /api/v1/applications/shop/environments/prod/rollout",
        409,
        "{\"status\":409,\"detail\":\"No rollout is under way\"}");
    answer(
        "POST /api/v1/applications/shop/environments/prod/rollout/abort",
        409,
        "{\"status\":409,\"detail\":\"No rollout is under way\"}");
    assertEquals(5, run("", "rollout", "abort", "--app", "shop", "--env", "prod").code());
  }

  @Test
  void statusesBecomeExitCodes() {
    signIn();
    assertEquals(3, run("", "envs", "--app", "nope").code());
    answer(
        "GET /api/v1/applications/shop/environments",
        403,
        "{\"status\":403,\"detail\":\"needs viewer\"}");
    Result denied = run("", "envs", "--app", "shop");
    assertEquals(4, denied.code());
    assertTrue(denied.err().contains("needs viewer"), denied.err());
    answer(
        "PUT /api/v1/applications/shop/settings/PORT",
        400,
        "{\"status\":400,\"detail\":\"bad\",\"errors\":[{\"field\":\"value\","
            + "\"message\":\"must be a whole number\"}]}");
    Result refused = run("", "settings", "set", "PORT", "x", "--type", "integer", "--app", "shop");
    assertEquals(5, refused.code());
    assertTrue(refused.err().contains("value: must be a whole number"), refused.err());
  }

  @Test
  void listsArePagedTablesOrJson() {
    signIn();
    answer(
        "GET /api/v1/applications",
        200,
        "{\"items\":[{\"slug\":\"shop\",\"name\":\"Shop\",\"owner\":\"team\"}]}");
    Result table = run("", "apps");
    assertEquals("SLUG  NAME  OWNER\nshop  Shop  team\n", table.out());
    assertEquals(
        "[{\"slug\":\"shop\",\"name\":\"Shop\",\"owner\":\"team\"}]\n",
        run("", "apps", "--output", "json").out());
  }

  @Test
  void completionIsGeneratedByPicocli() {
    Result completion = run("", "completion");
    assertEquals(0, completion.code());
    assertTrue(completion.out().contains("complete -F"), completion.out());
  }
}
