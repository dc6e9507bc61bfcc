package dev.setpoint.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.api.delivery.Delivery;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientSettingsTest {

  @TempDir Path temp;

  @Test
  void withoutUrlThereIsNoClient() {
    assertEquals(Optional.empty(), ClientSettings.from(Map.of("SETPOINT_APP", "billing")::get));
    assertEquals(Optional.empty(), ClientSettings.from(Map.of("SETPOINT_URL", "  ")::get));
  }

  @Test
  void defaults() {
    ClientSettings settings = ClientSettings.from(minimal()::get).orElseThrow();

    assertEquals(URI.create("https://setpoint.example.com"), settings.url());
    assertEquals(null, settings.token());
    assertEquals("billing", settings.app());
    assertEquals("production", settings.env());
    assertEquals(
        Path.of(System.getProperty("user.home"), ".setpoint", "cache"), settings.cacheDir());
    assertTrue(settings.instance().matches(Delivery.INSTANCE_PATTERN), settings.instance());
    assertTrue(settings.instance().endsWith("-" + ProcessHandle.current().pid()));
    assertTrue(settings.watch());
    assertEquals(150, settings.ordinal());
  }

  @Test
  void everythingSet() {
    Map<String, String> values = minimal();
    values.put("SETPOINT_CACHE_DIR", temp.toString());
    values.put("SETPOINT_INSTANCE", "web-1@eu:a.b_c");
    values.put("SETPOINT_WATCH", "FALSE");
    values.put("SETPOINT_ORDINAL", "275");

    ClientSettings settings = ClientSettings.from(values::get).orElseThrow();

    assertEquals(temp, settings.cacheDir());
    assertEquals("web-1@eu:a.b_c", settings.instance());
    assertFalse(settings.watch());
    assertEquals(275, settings.ordinal());
  }

  @Test
  void tokenFromFileIsTrimmedAndNeverShown() throws IOException {
    String secret = UUID.randomUUID().toString();
    Path file = Files.writeString(temp.resolve("token"), "\n  " + secret + "  \n");
    Map<String, String> values = minimal();
    values.put("SETPOINT_TOKEN_FILE", file.toString());

    ClientSettings settings = ClientSettings.from(values::get).orElseThrow();

    assertEquals(secret, settings.token());
    assertFalse(settings.toString().contains(secret), settings.toString());
  }

  @Test
  void refusesBothTokenSettings() throws IOException {
    Map<String, String> values = minimal();
    values.put("SETPOINT_TOKEN", UUID.randomUUID().toString());
    values.put("SETPOINT_TOKEN_FILE", Files.writeString(temp.resolve("t"), "x").toString());

    assertRefused(values, "set only one of SETPOINT_TOKEN and SETPOINT_TOKEN_FILE");
  }

  @Test
  void refusesAMissingTokenFile() {
    Map<String, String> values = minimal();
    values.put("SETPOINT_TOKEN_FILE", temp.resolve("absent").toString());

    assertRefused(values, "cannot be read");
  }

  @Test
  void refusesMissingOrInvalidValues() {
    Map<String, String> noApp = minimal();
    noApp.remove("SETPOINT_APP");
    assertRefused(noApp, "SETPOINT_APP is required");

    Map<String, String> badEnv = minimal();
    badEnv.put("SETPOINT_ENV", "../etc");
    assertRefused(badEnv, "SETPOINT_ENV must be an environment slug");

    Map<String, String> credentialsInUrl = minimal();
    credentialsInUrl.put("SETPOINT_URL", "https://user:" + UUID.randomUUID() + "@example.com");
    assertRefused(credentialsInUrl, "must not carry credentials");

    Map<String, String> notHttp = minimal();
    notHttp.put("SETPOINT_URL", "ftp://example.com");
    assertRefused(notHttp, "absolute http or https");

    Map<String, String> badInstance = minimal();
    badInstance.put("SETPOINT_INSTANCE", "has space");
    assertRefused(badInstance, "SETPOINT_INSTANCE must match");

    Map<String, String> badOrdinal = minimal();
    badOrdinal.put("SETPOINT_ORDINAL", "high");
    assertRefused(badOrdinal, "SETPOINT_ORDINAL must be an integer");
  }

  @Test
  void systemPropertyComesBeforeEnvironmentVariable() {
    String name = "SETPOINT_TEST_" + UUID.randomUUID().toString().replace('-', '_').toUpperCase();
    String property = name.toLowerCase().replace('_', '.');
    assertEquals(null, ClientSettings.systemLookup().apply(name));
    System.setProperty(property, "from-property");
    try {
      assertEquals("from-property", ClientSettings.systemLookup().apply(name));
    } finally {
      System.clearProperty(property);
    }
    String path = System.getenv("PATH");
    if (path != null) {
      assertEquals(path, ClientSettings.systemLookup().apply("PATH"));
    }
  }

  private static void assertRefused(Map<String, String> values, String message) {
    IllegalStateException error =
        assertThrows(IllegalStateException.class, () -> ClientSettings.from(values::get));
    assertTrue(error.getMessage().contains(message), error.getMessage());
  }

  private static Map<String, String> minimal() {
    Map<String, String> values = new HashMap<>();
    values.put("SETPOINT_URL", "https://setpoint.example.com");
    values.put("SETPOINT_APP", "billing");
    values.put("SETPOINT_ENV", "production");
    return values;
  }
}
