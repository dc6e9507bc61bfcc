package dev.setpoint.client.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseCacheTest {

  @TempDir Path temp;

  @Test
  void keepsValuesAndEtag() throws IOException {
    ReleaseCache cache = new ReleaseCache(temp.resolve("cache"));
    Release release =
        new Release("\"abc123\"", Map.of("db.url", "jdbc:x://h/db?a=b", "name", "Grüße\nzwei"));

    cache.store("billing", "production", release);

    assertEquals(Optional.of(release), cache.load("billing", "production"));
    assertEquals(
        temp.resolve("cache/billing/production.properties"),
        cache.fileFor("billing", "production"));
  }

  @Test
  void nothingStoredMeansEmpty() throws IOException {
    assertEquals(Optional.empty(), new ReleaseCache(temp).load("billing", "dev"));
  }

  @Test
  void writesOwnerOnly() throws IOException {
    assumeTrue(OwnerOnlyFiles.posix(), "POSIX permissions");
    Path root = temp.resolve("fresh/cache");
    ReleaseCache cache = new ReleaseCache(root);

    cache.store("billing", "production", new Release("\"e\"", Map.of("k", "v")));

    assertEquals("rw-------", permissions(cache.fileFor("billing", "production")));
    assertEquals("rwx------", permissions(root.resolve("billing")));
    assertEquals("rwx------", permissions(root));
    assertEquals("rwx------", permissions(temp.resolve("fresh")));
  }

  @Test
  void replacingTightensAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
    assumeTrue(OwnerOnlyFiles.posix(), "POSIX permissions");
    ReleaseCache cache = new ReleaseCache(temp);
    Path file = cache.fileFor("billing", "staging");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "stale=1\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    cache.store("billing", "staging", new Release("\"one\"", Map.of("k", "1")));
    cache.store("billing", "staging", new Release("\"two\"", Map.of("k", "2")));

    assertEquals(
        Optional.of(new Release("\"two\"", Map.of("k", "2"))), cache.load("billing", "staging"));
    assertEquals("rw-------", permissions(file));
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void aCorruptCopyIsAnError() throws IOException {
    ReleaseCache cache = new ReleaseCache(temp);
    Path file = cache.fileFor("billing", "dev");
    Files.createDirectories(file.getParent());
    Files.write(file, "k=\\uZZZZ\n".getBytes(StandardCharsets.US_ASCII));

    IOException error = assertThrows(IOException.class, () -> cache.load("billing", "dev"));
    assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
