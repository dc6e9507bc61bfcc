package dev.setpoint.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.support.Reply;
import dev.setpoint.it.support.SetpointClient;
import dev.setpoint.it.support.SpringApps;
import dev.setpoint.it.support.SpringReadApplication;
import dev.setpoint.it.support.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real Spring Boot 3.5 application with {@code spring-cloud-starter-vault-config} 4.3, unchanged,
 * reading the server under test through its Vault KV v2 API with the configuration docs/compat.md
 * gives ("Spring Cloud Vault"), taken from that page: it sees a setting and a secret through
 * {@code @Value} and the Environment, and a revoked token stops its start with Vault's 403.
 */
class SpringVaultClientIT {

  private static final SetpointClient ADMIN = SetpointClient.forServerUnderTest();
  private static final Duration START = Duration.ofSeconds(120);
  private static final Path LIBERTY = Path.of(System.getProperty("user.dir"));

  private static SpringReadApplication read;
  private static String app;

  @BeforeAll
  static void fixtures() throws Exception {
    TestServer.awaitReady(Duration.ofSeconds(120));
    read = SpringReadApplication.create(ADMIN, "vault-client");
    app = read.app();
  }

  @Test
  void aSpringBootApplicationReadsASettingAndASecretThroughSpringCloudVault() throws Exception {
    int port = SpringApps.freePort();
    try (SpringApps.Running client = client(port, ADMIN.issueToken(app, "staging"))) {
      read.assertSeenBy(client, port, START);
      String log = client.log();
      // the other paths Spring Cloud Vault tries are Vault's "nothing there", which it accepts
      assertTrue(log.contains("Vault location [setpoint/" + app + "] not resolvable"), log);
      assertTrue(log.contains("Vault location [setpoint/application] not resolvable"), log);
      assertFalse(log.contains(read.secret()), "no secret in the client's output");

      read.assertRefreshSeenBy(ADMIN, client, port);
    }
  }

  @Test
  void aRevokedTokenStopsTheStartWithVaultsPermissionDenied() throws Exception {
    try (SpringApps.Running client = client(SpringApps.freePort(), read.revokedToken(ADMIN))) {
      String log = read.assertStartFailed(client, START);
      // fail-fast: Spring Vault's VaultException with Setpoint's 403 in Vault's words
      assertTrue(log.contains("VaultException: Status 403 Forbidden"), log);
      // the refused mount probe made it fall back to the KV version 1 path, refused too
      assertTrue(log.contains("[setpoint/" + app + "/staging]: permission denied"), log);
    }
  }

  /**
   * The application started with docs/compat.md's Spring Cloud Vault block as its configuration
   * (the address and the application's name replaced) and {@code token} in {@code SETPOINT_TOKEN}:
   * in its environment, never on the command line.
   */
  private static SpringApps.Running client(int port, String token) throws IOException {
    String yaml =
        documentedConfiguration()
            .replace("https://setpoint.internal", ADMIN.baseUrl())
            .replace("billing", app);
    Path file = Files.createTempFile(LIBERTY.resolve("target"), "spring-vault-", ".yml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return SpringApps.start(
        SpringApps.springClient(),
        Map.of("SETPOINT_TOKEN", token),
        "--server.port=" + port,
        "--spring.cloud.config.enabled=false",
        "--spring.config.additional-location=file:" + file.toAbsolutePath());
  }

  private static String documentedConfiguration() throws IOException {
    String page =
        Files.readString(
            LIBERTY.resolveSibling("docs").resolve("compat.md"), StandardCharsets.UTF_8);
    Matcher block =
        Pattern.compile("(?s)### Spring Cloud Vault\\n.*?```yaml\\n(.*?)```").matcher(page);
    assertTrue(block.find(), "docs/compat.md has a Spring Cloud Vault block");
    return block.group(1);
  }

  private static void ok(Reply reply) {
    assertTrue(reply.status() / 100 == 2, reply::toString);
  }
}
