package dev.setpoint.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Master keys from the machine Setpoint runs on.
 *
 * <ul>
 *   <li>{@code SETPOINT_MASTER_KEY_FILE}: a mounted secret file, one base64 key per line, the first
 *       line the primary (the production way);
 *   <li>{@code SETPOINT_MASTER_KEY}: base64 keys, comma-separated, the first the primary;
 *   <li>neither, in the {@code dev} profile only: a key generated on first start into {@code
 *       SETPOINT_DEV_MASTER_KEY_FILE} (owner-only permissions), with a loud warning.
 * </ul>
 */
@ApplicationScoped
public class LocalMasterKeys implements MasterKeyProvider {

  private static final Logger LOG = Logger.getLogger(LocalMasterKeys.class.getName());

  private final CryptoConfig config;

  /** For the CDI container's proxy only. */
  protected LocalMasterKeys() {
    this(null);
  }

  @Inject
  public LocalMasterKeys(CryptoConfig config) {
    this.config = config;
  }

  @Override
  public MasterKeyRing load() {
    return load(
        config.profile().name(),
        config.masterKeyFile(),
        config.masterKey(),
        config.devMasterKeyFile());
  }

  static MasterKeyRing load(
      String profile, Optional<String> file, Optional<String> inline, Optional<Path> devFile) {
    if (file.isPresent() && inline.isPresent()) {
      throw new IllegalStateException(
          "both SETPOINT_MASTER_KEY_FILE and SETPOINT_MASTER_KEY are set; set only one");
    }
    if (file.isPresent()) {
      return parse(read(Path.of(file.get())), "SETPOINT_MASTER_KEY_FILE");
    }
    if (inline.isPresent()) {
      return parse(Arrays.asList(inline.get().split(",")), "SETPOINT_MASTER_KEY");
    }
    if ("dev".equals(profile) && devFile.isPresent()) {
      return parse(read(developmentKey(devFile.get())), "the development key file");
    }
    throw new IllegalStateException(
        "no master key is configured: set SETPOINT_MASTER_KEY_FILE (or SETPOINT_MASTER_KEY)");
  }

  private static MasterKeyRing parse(List<String> lines, String source) {
    List<String> keys =
        lines.stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    if (keys.isEmpty()) {
      throw new IllegalStateException(source + " holds no key");
    }
    try {
      return new MasterKeyRing(keys.stream().map(MasterKey::fromBase64).toList());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(source + " is malformed: " + e.getMessage());
    }
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the master key file " + file + ": " + e);
    }
  }

  /** The development key, generated with owner-only permissions when it does not exist yet. */
  private static Path developmentKey(Path file) {
    if (Files.exists(file)) {
      return file;
    }
    byte[] raw = new byte[MasterKey.LENGTH];
    new SecureRandom().nextBytes(raw);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(
          file, Base64.getEncoder().encodeToString(raw) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the development master key " + file, e);
    }
    LOG.warning(
        () ->
            "*** DEVELOPMENT MASTER KEY GENERATED at "
                + file
                + ". Secrets are encrypted under a key that lives next to the data. Never use this"
                + " in production: set SETPOINT_PROFILE=prod and SETPOINT_MASTER_KEY_FILE. ***");
    return file;
  }
}
