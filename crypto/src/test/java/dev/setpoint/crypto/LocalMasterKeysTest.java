package dev.setpoint.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMasterKeysTest {

  @TempDir Path dir;

  @Test
  void aKeyFileListsThePrimaryFirst() throws Exception {
    String primary = Keys.randomBase64();
    String older = Keys.randomBase64();
    Path file = dir.resolve("keys");
    Files.writeString(file, "# rotated 2026-11\n" + primary + "\n\n" + older + "\n");
    MasterKeyRing ring =
        LocalMasterKeys.load(
            "prod", Optional.of(file.toString()), Optional.empty(), Optional.empty());
    assertEquals(MasterKey.fromBase64(primary).id(), ring.primary().id());
    assertEquals(2, ring.ids().size());
  }

  @Test
  void theEnvironmentVariableTakesCommaSeparatedKeys() {
    String primary = Keys.randomBase64();
    MasterKeyRing ring =
        LocalMasterKeys.load(
            "prod",
            Optional.empty(),
            Optional.of(primary + "," + Keys.randomBase64()),
            Optional.empty());
    assertEquals(MasterKey.fromBase64(primary).id(), ring.primary().id());
  }

  @Test
  void prodWithoutAKeyRefusesWithAClearReason() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                LocalMasterKeys.load(
                    "prod", Optional.empty(), Optional.empty(), Optional.of(dir.resolve("dev"))));
    assertTrue(e.getMessage().contains("SETPOINT_MASTER_KEY_FILE"), e::getMessage);
    assertFalse(Files.exists(dir.resolve("dev")), "prod never generates a key");
  }

  @Test
  void aMalformedKeyIsRefusedWithoutEchoingIt() {
    String tooShort = java.util.Base64.getEncoder().encodeToString(new byte[16]);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                LocalMasterKeys.load(
                    "prod", Optional.empty(), Optional.of(tooShort), Optional.empty()));
    assertTrue(e.getMessage().contains("32 bytes"), e::getMessage);
    assertFalse(e.getMessage().contains(tooShort));
    assertThrows(
        IllegalStateException.class,
        () ->
            LocalMasterKeys.load(
                "prod", Optional.empty(), Optional.of("not base64!"), Optional.empty()));
  }

  @Test
  void bothSourcesAtOnceIsRefused() {
    assertThrows(
        IllegalStateException.class,
        () ->
            LocalMasterKeys.load(
                "prod", Optional.of("/x"), Optional.of(Keys.randomBase64()), Optional.empty()));
  }

  @Test
  void devGeneratesAnOwnerOnlyKeyOnceAndKeepsUsingIt() throws Exception {
    Path file = dir.resolve("out").resolve("setpoint-master-key");
    MasterKeyRing first =
        LocalMasterKeys.load("dev", Optional.empty(), Optional.empty(), Optional.of(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    MasterKeyRing second =
        LocalMasterKeys.load("dev", Optional.empty(), Optional.empty(), Optional.of(file));
    assertEquals(first.primary().id(), second.primary().id());
    assertEquals(List.of(first.primary().id()), second.ids());
  }
}
