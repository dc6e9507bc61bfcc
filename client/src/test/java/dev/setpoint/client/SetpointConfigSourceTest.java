package dev.setpoint.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.setpoint.client.delivery.Release;
import dev.setpoint.client.delivery.ReleaseCache;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.spi.ConfigSourceProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetpointConfigSourceTest {

  private static final Map<String, String> FIRST =
      Map.of("db.pool.max", "20", "greeting", "Grüße = \"hi\"\nthere");

  @TempDir Path cacheDir;

  private FakeSetpointServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = FakeSetpointServer.start("billing", "production");
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void loadsTheReleaseAndKeepsACopy() throws IOException {
    String bearer = UUID.randomUUID().toString();
    server.requireBearer(bearer);
    server.publish(FIRST);
    Map<String, String> values = settings(server.url(), false);
    values.put("SETPOINT_TOKEN", bearer);
    values.put("SETPOINT_INSTANCE", "web-1");

    try (SetpointConfigSource source = start(values)) {
      assertEquals(FIRST, source.getProperties());
      assertEquals(FIRST.keySet(), source.getPropertyNames());
      assertEquals("20", source.getValue("db.pool.max"));
      assertEquals(null, source.getValue("absent"));
      assertEquals(150, source.getOrdinal());
      assertEquals("setpoint:billing/production@" + server.url(), source.getName());
      assertEquals(server.etag(), source.etag());
      assertEquals("web-1", server.lastInstance());
      assertEquals("Bearer " + bearer, server.lastAuthorization());
    }
    assertEquals(
        Optional.of(new Release(server.etag(), FIRST)),
        new ReleaseCache(cacheDir).load("billing", "production"));
  }

  @Test
  void followsNewReleasesAndRefreshesTheCopy() {
    server.publish(FIRST);
    try (SetpointConfigSource source = start(settings(server.url(), true))) {
      await(
          () ->
              Thread.getAllStackTraces().keySet().stream()
                  .anyMatch(
                      t ->
                          t.getName().equals("setpoint-watch-billing-production") && t.isDaemon()));

      server.publish(Map.of("db.pool.max", "40"));

      await(() -> "40".equals(source.getValue("db.pool.max")));
      assertEquals(Set.of("db.pool.max"), source.getPropertyNames());
      assertEquals(server.etag(), source.etag());
      await(() -> copy().map(r -> r.etag().equals(server.etag())).orElse(false));
    }
    await(
        () ->
            Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("setpoint-watch-billing-production")));
  }

  @Test
  void keepsTheValuesWhileSetpointFails() {
    server.publish(FIRST);
    try (SetpointConfigSource source = start(settings(server.url(), true))) {
      server.failWith(503);
      server.publish(Map.of("unseen", "x"));
      await(() -> server.failedRequests() > 0);
      assertEquals(FIRST, source.getProperties());

      server.failWith(0);
      await(() -> "x".equals(source.getValue("unseen")));
    }
  }

  @Test
  void startsFromTheCopyWhenSetpointIsUnreachable() throws IOException {
    new ReleaseCache(cacheDir).store("billing", "production", new Release("\"saved\"", FIRST));

    try (SetpointConfigSource source = start(settings(closedPort(), true))) {
      assertEquals(FIRST, source.getProperties());
      assertEquals("\"saved\"", source.etag());
    }
  }

  @Test
  void startsFromTheCopyWhenSetpointAnswers5xx() throws IOException {
    new ReleaseCache(cacheDir).store("billing", "production", new Release("\"saved\"", FIRST));
    server.publish(Map.of("other", "1"));
    server.failWith(503);

    try (SetpointConfigSource source = start(settings(server.url(), false))) {
      assertEquals(FIRST, source.getProperties());
    }
  }

  @Test
  void failsWithNeitherSetpointNorACopy() {
    IllegalStateException error =
        assertThrows(IllegalStateException.class, () -> start(settings(closedPort(), true)));

    assertTrue(error.getMessage().contains("is unreachable"), error.getMessage());
    assertTrue(error.getMessage().contains("no disk copy at " + cacheDir), error.getMessage());
  }

  @Test
  void aRefusalIsNotCoveredByTheCopy() throws IOException {
    Map<String, String> values = settings(server.url(), false);
    values.put("SETPOINT_APP", "unknown");
    new ReleaseCache(cacheDir).store("unknown", "production", new Release("\"saved\"", FIRST));

    IllegalStateException error = assertThrows(IllegalStateException.class, () -> start(values));

    assertTrue(error.getMessage().contains("answered 404"), error.getMessage());
    assertTrue(
        error.getMessage().contains("No release of \"/api/v1/config/unknown/production\""),
        error.getMessage());
  }

  @Test
  void aWrongTokenIsARefusal() {
    server.publish(FIRST);
    server.requireBearer(UUID.randomUUID().toString());
    Map<String, String> values = settings(server.url(), false);
    values.put("SETPOINT_TOKEN", UUID.randomUUID().toString());

    IllegalStateException error = assertThrows(IllegalStateException.class, () -> start(values));

    assertTrue(error.getMessage().contains("answered 401"), error.getMessage());
    assertFalse(error.getMessage().contains(values.get("SETPOINT_TOKEN")), error.getMessage());
  }

  @Test
  void providerIsRegisteredAndQuietWithoutUrl() {
    assumeTrue(
        System.getenv(ClientSettings.URL) == null && System.getProperty("setpoint.url") == null,
        "SETPOINT_URL is set in this environment");
    List<ConfigSourceProvider> providers =
        ServiceLoader.load(ConfigSourceProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .toList();

    assertEquals(1, providers.size());
    assertInstanceOf(SetpointConfigSourceProvider.class, providers.get(0));
    assertFalse(
        providers.get(0).getConfigSources(getClass().getClassLoader()).iterator().hasNext());
  }

  private Optional<Release> copy() {
    try {
      return new ReleaseCache(cacheDir).load("billing", "production");
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private Map<String, String> settings(URI url, boolean watch) {
    Map<String, String> values = new HashMap<>();
    values.put("SETPOINT_URL", url.toString());
    values.put("SETPOINT_APP", "billing");
    values.put("SETPOINT_ENV", "production");
    values.put("SETPOINT_CACHE_DIR", cacheDir.toString());
    values.put("SETPOINT_WATCH", String.valueOf(watch));
    return values;
  }

  private static SetpointConfigSource start(Map<String, String> values) {
    return SetpointConfigSource.start(ClientSettings.from(values::get).orElseThrow());
  }

  static URI closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }

  static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 20 s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
