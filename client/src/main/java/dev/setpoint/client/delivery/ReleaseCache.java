package dev.setpoint.client.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The last-known-good copy of each environment's release, one file per environment at {@code
 * <directory>/<app>/<env>.properties}: the values in {@code .properties} form preceded by a comment
 * line holding the release's ETag. Written owner-only and atomically through {@link
 * OwnerOnlyFiles}.
 */
public final class ReleaseCache {

  private static final String ETAG_PREFIX = "etag: ";

  private final Path directory;

  /**
   * @param directory the cache's root directory; created owner-only on the first write
   */
  public ReleaseCache(Path directory) {
    this.directory = directory;
  }

  /** The file holding the copy of {@code app}/{@code env}. */
  public Path fileFor(String app, String env) {
    return directory.resolve(app).resolve(env + ".properties");
  }

  /** Replaces the copy of {@code app}/{@code env} with {@code release}. */
  public void store(String app, String env, Release release) throws IOException {
    String text =
        PropertiesFormat.render(
            release.values(),
            " Setpoint: last-known-good release of " + app + "/" + env + "; replaced on change",
            ETAG_PREFIX + (release.etag() == null ? "" : release.etag()));
    OwnerOnlyFiles.write(fileFor(app, env), text.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Reads the copy of {@code app}/{@code env}.
   *
   * @return the release, or empty when there is no copy
   * @throws IOException when the copy exists but cannot be read or is malformed
   */
  public Optional<Release> load(String app, String env) throws IOException {
    byte[] content;
    try {
      content = Files.readAllBytes(fileFor(app, env));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Release(etagOf(content), PropertiesFormat.parse(content)));
    } catch (IllegalArgumentException e) {
      throw new IOException("Malformed Setpoint copy " + fileFor(app, env), e);
    }
  }

  private static String etagOf(byte[] content) {
    for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
      if (!line.startsWith("#")) {
        break;
      }
      if (line.startsWith("#" + ETAG_PREFIX)) {
        String etag = line.substring(ETAG_PREFIX.length() + 1).strip();
        return etag.isEmpty() ? null : etag;
      }
    }
    return null;
  }
}
