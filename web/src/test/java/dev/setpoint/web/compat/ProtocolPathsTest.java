package dev.setpoint.web.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProtocolPathsTest {

  private static ProtocolPaths paths(String prefix, String profiles, String mount) {
    CompatConfig config = new CompatConfig();
    config.prefix = prefix;
    config.profiles = Optional.ofNullable(profiles);
    config.mount = mount;
    ProtocolPaths paths = new ProtocolPaths();
    paths.config = config;
    paths.init();
    return paths;
  }

  @Test
  void theProtocolsArePassedToTheirResources() {
    ProtocolPaths paths = paths("/config-server", null, "setpoint");
    assertEquals(
        Optional.of("/api/v1/compat/config-server/billing/staging"),
        paths.forwardTarget("/config-server/billing/staging"));
    assertEquals(
        Optional.of("/api/v1/compat/vault/setpoint/data/billing/staging"),
        paths.forwardTarget("/v1/setpoint/data/billing/staging"));
    assertEquals(Optional.empty(), paths.forwardTarget("/api/v1/applications"));
    assertFalse(paths.protocolPath("/config-serverx/a"));
    assertFalse(paths.protocolPath("/v10/a"));
  }

  @Test
  void decodedSeparatorsAndQueriesAreNotForwarded() {
    ProtocolPaths paths = paths("/config-server", null, "setpoint");
    assertTrue(paths.protocolPath("/v1/setpoint/data/a?b"));
    assertEquals(Optional.empty(), paths.forwardTarget("/v1/setpoint/data/a?b"));
    assertEquals(Optional.empty(), paths.forwardTarget("/config-server/a b/c"));
    assertEquals(Optional.empty(), paths.forwardTarget("/config-server/a#b"));
  }

  @Test
  void theInternalMountIsRecognised() {
    assertTrue(ProtocolPaths.internal("/api/v1/compat/vault/x"));
    assertTrue(ProtocolPaths.internal("/api/v1/compat"));
    assertFalse(ProtocolPaths.internal("/api/v1/config/a/b"));
  }

  @Test
  void aConfiguredPrefixIsUsedAndABadOneRefused() {
    ProtocolPaths paths = paths("/platform/spring/", null, "kv");
    assertEquals("/platform/spring", paths.springPrefix());
    assertTrue(paths.forwardTarget("/platform/spring/a/b").isPresent());
    for (String bad : new String[] {"/api/x", "/v1", "config", "/A", "/console", "/"}) {
      assertThrows(IllegalStateException.class, () -> paths(bad, null, "setpoint"), bad);
    }
    assertThrows(IllegalStateException.class, () -> paths("/config-server", null, "sys"));
    assertThrows(IllegalStateException.class, () -> paths("/config-server", null, "Bad"));
  }

  @Test
  void profilesMapToEnvironments() {
    CompatConfig config = new CompatConfig();
    config.profiles = Optional.of(" prod=production, stage=staging ,");
    assertEquals(Map.of("prod", "production", "stage", "staging"), config.profiles());
    config.profiles = Optional.of("prod");
    assertThrows(IllegalStateException.class, config::profiles);
    config.profiles = Optional.of("prod=Production");
    assertThrows(IllegalStateException.class, config::profiles);
  }
}
