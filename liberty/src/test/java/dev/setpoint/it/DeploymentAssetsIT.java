package dev.setpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.TestServer;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deployment assets in deploy/ (they cannot run here): the manifests parse, every probe path
 * and port agrees with the server configuration and answers on the running server, the secrets the
 * prod profile needs are mounted where it reads them, and the container build copies what
 * server.xml expects.
 */
class DeploymentAssetsIT {

  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path DEPLOY = MODULE.resolveSibling("deploy");
  private static final Path CONFIG = MODULE.resolve("src/main/liberty/config");

  private static Map<String, Object> deployment;
  private static List<Map<String, Object>> documents;

  @BeforeAll
  static void parse() throws Exception {
    TestServer.awaitReady(Duration.ofSeconds(120));
    documents = new ArrayList<>();
    try (Stream<Path> files = Files.list(DEPLOY.resolve("kubernetes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          for (Object document : yaml.loadAll(in)) {
            documents.add(map(document));
          }
        }
      }
    }
    deployment = ofKind("Deployment");
  }

  @Test
  void probesUseTheRealEndpointsOnTheHttpsPort() throws Exception {
    Document server = xml(CONFIG.resolve("server.xml"));
    Document prod = xml(CONFIG.resolve("profiles/prod.xml"));
    assertEquals("-1", element(prod, "httpEndpoint").getAttribute("httpPort"), "prod closes HTTP");

    Map<String, Object> container = container();
    Map<String, Object> port = map(list(container.get("ports")).get(0));
    int https = Integer.parseInt(variableDefault(server, "SETPOINT_HTTPS_PORT"));
    assertEquals(https, port.get("containerPort"));

    SSLContext trust =
        TestServer.generatedKeystoreTrust()
            .orElseThrow(() -> new AssertionError("the test server has no HTTPS keystore"));
    HttpClient client = HttpClient.newBuilder().sslContext(trust).build();
    for (Map.Entry<String, String> probe :
        Map.of(
                "startupProbe", "/health/started",
                "livenessProbe", "/health/live",
                "readinessProbe", "/health/ready")
            .entrySet()) {
      Map<String, Object> get = map(map(container.get(probe.getKey())).get("httpGet"));
      assertEquals(probe.getValue(), get.get("path"), probe.getKey());
      assertEquals("HTTPS", get.get("scheme"), probe.getKey());
      assertTrue(
          get.get("port").equals(port.get("name")) || get.get("port").equals(https),
          probe.getKey() + " port " + get.get("port"));
      HttpResponse<Void> answer =
          client.send(
              HttpRequest.newBuilder(URI.create(TestServer.httpsUrl() + get.get("path"))).build(),
              HttpResponse.BodyHandlers.discarding());
      assertEquals(200, answer.statusCode(), probe.getKey() + " " + get.get("path"));
    }
  }

  @Test
  void theSecretsTheProdProfileReadsAreMountedWhereItReadsThem() throws Exception {
    Map<String, Object> container = container();
    Map<String, String> env = new java.util.HashMap<>();
    for (Object entry : list(container.get("env"))) {
      env.put((String) map(entry).get("name"), (String) map(entry).get("value"));
    }
    assertEquals("prod", env.get("SETPOINT_PROFILE"));
    assertMountedSecretFile(env.get("SETPOINT_MASTER_KEY_FILE"), "setpoint-master-key");
    assertMountedSecretFile(env.get("SETPOINT_TLS_KEYSTORE"), "setpoint-tls");

    List<String> variables = projectedFiles(mountedVolume("/config/variables"));
    String prod = Files.readString(CONFIG.resolve("profiles/prod.xml"));
    Matcher referenced = Pattern.compile("\\$\\{(SETPOINT_[A-Z_]*PASSWORD)}").matcher(prod);
    while (referenced.find()) {
      assertTrue(variables.contains(referenced.group(1)), referenced.group(1) + " not mounted");
    }
    for (String required : List.of("SETPOINT_DB_URL", "SETPOINT_DB_USER", "SETPOINT_DB_PASSWORD")) {
      assertTrue(variables.contains(required), required + " not mounted");
    }
    assertTrue(
        documents.stream().noneMatch(d -> "Secret".equals(d.get("kind"))),
        "no secret values in the manifests");
  }

  @Test
  void resourcesBudgetAndDisruptionsAreSet() {
    Map<String, Object> resources = map(container().get("resources"));
    Map<String, Object> requests = map(resources.get("requests"));
    assertNotNull(requests.get("cpu"));
    assertTrue(
        mebibytes(map(resources.get("limits")).get("memory")) >= mebibytes(requests.get("memory")));
    assertTrue(mebibytes(requests.get("memory")) >= 600, "below the measured peak RSS");

    Object podLabels = map(map(map(deployment.get("spec")).get("template")).get("metadata"));
    Map<String, Object> labels = map(map(podLabels).get("labels"));
    Map<String, Object> budget = map(ofKind("PodDisruptionBudget").get("spec"));
    assertEquals(labels, map(map(budget.get("selector")).get("matchLabels")));
    Map<String, Object> service = map(ofKind("Service").get("spec"));
    assertEquals(labels, map(service.get("selector")));
    assertEquals(
        map(list(container().get("ports")).get(0)).get("name"),
        map(list(service.get("ports")).get(0)).get("targetPort"));
  }

  @Test
  void theContainerBuildCopiesWhatServerXmlExpects() throws Exception {
    String build = Files.readString(DEPLOY.resolve("Containerfile"));
    Document server = xml(CONFIG.resolve("server.xml"));
    String ear = element(server, "enterpriseApplication").getAttribute("location");
    assertTrue(build.contains(" /config/apps/" + ear + "\n"), "the EAR is not copied to " + ear);
    assertTrue(build.contains("COPY --chown=1001:0 liberty/src/main/liberty/config/ /config/"));
    assertTrue(build.contains("/config/lib/jdbc/"), "no JDBC drivers");
    assertTrue(build.contains("RUN features.sh") && build.contains("RUN configure.sh"));
    assertTrue(build.contains("EXPOSE " + variableDefault(server, "SETPOINT_HTTPS_PORT")));

    Properties version = new Properties();
    try (Reader in =
        Files.newBufferedReader(
            Path.of(
                System.getProperty("setpoint.it.wlp"), "lib/versions/openliberty.properties"))) {
      version.load(in);
    }
    String runtime = version.getProperty("com.ibm.websphere.productVersion");
    assertTrue(
        build.contains("open-liberty:" + runtime + "-"),
        "the image is not Open Liberty " + runtime);
    assertTrue(
        build
            .lines()
            .filter(line -> line.startsWith("COPY"))
            .noneMatch(line -> line.contains("server.env") || line.contains("variables")),
        "server.env and variables/ hold passwords");
  }

  private static void assertMountedSecretFile(String file, String secret) {
    assertNotNull(file, "no path for " + secret);
    Path path = Path.of(file);
    Map<String, Object> volume = mountedVolume(path.getParent().toString());
    Map<String, Object> source = map(volume.get("secret"));
    assertEquals(secret, source.get("secretName"));
    assertTrue(
        list(source.get("items")).stream()
            .anyMatch(i -> path.getFileName().toString().equals(map(i).get("path"))),
        file + " is not an item of " + secret);
  }

  private static Map<String, Object> mountedVolume(String mountPath) {
    String name =
        list(container().get("volumeMounts")).stream()
            .map(DeploymentAssetsIT::map)
            .filter(m -> mountPath.equals(m.get("mountPath")))
            .map(m -> (String) m.get("name"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("nothing mounted at " + mountPath));
    return list(podSpec().get("volumes")).stream()
        .map(DeploymentAssetsIT::map)
        .filter(v -> name.equals(v.get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume " + name));
  }

  private static List<String> projectedFiles(Map<String, Object> volume) {
    List<String> files = new ArrayList<>();
    for (Object source : list(map(volume.get("projected")).get("sources"))) {
      for (Object item : list(map(map(source).get("secret")).get("items"))) {
        files.add((String) map(item).get("path"));
      }
    }
    return files;
  }

  private static Map<String, Object> podSpec() {
    return map(map(map(deployment.get("spec")).get("template")).get("spec"));
  }

  private static Map<String, Object> container() {
    return map(list(podSpec().get("containers")).get(0));
  }

  private static Map<String, Object> ofKind(String kind) {
    return documents.stream()
        .filter(d -> kind.equals(d.get("kind")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " in deploy/kubernetes"));
  }

  private static int mebibytes(Object quantity) {
    Matcher m = Pattern.compile("(\\d+)(Mi|Gi)").matcher(String.valueOf(quantity));
    assertTrue(m.matches(), "memory as Mi or Gi: " + quantity);
    return Integer.parseInt(m.group(1)) * (m.group(2).equals("Gi") ? 1024 : 1);
  }

  private static String variableDefault(Document server, String name) {
    NodeList variables = server.getElementsByTagName("variable");
    for (int i = 0; i < variables.getLength(); i++) {
      Element variable = (Element) variables.item(i);
      if (name.equals(variable.getAttribute("name"))) {
        return variable.getAttribute("defaultValue");
      }
    }
    throw new AssertionError("server.xml defines no variable " + name);
  }

  private static Element element(Document document, String tag) {
    NodeList found = document.getElementsByTagName(tag);
    assertEquals(1, found.getLength(), tag);
    return (Element) found.item(0);
  }

  private static Document xml(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try {
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertTrue(value instanceof Map, "expected a mapping: " + value);
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    assertTrue(value instanceof List, "expected a list: " + value);
    return (List<Object>) value;
  }
}
