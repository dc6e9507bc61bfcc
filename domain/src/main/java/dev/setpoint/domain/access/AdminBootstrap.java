package dev.setpoint.domain.access;

import dev.setpoint.domain.platform.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates the user {@code admin} on the first start with the built-in user store. Its password is
 * {@code SETPOINT_ADMIN_PASSWORD}; when that is unset (development only), a random one is
 * generated, printed once in the log and written to {@code setpoint-admin-password} in the server's
 * output directory, readable by its owner only. In the prod profile no password is ever generated:
 * without {@code SETPOINT_ADMIN_PASSWORD} no admin is created.
 */
@ApplicationScoped
public class AdminBootstrap {

  private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

  @Inject UserService users;

  @Inject AccessConfig config;

  void onSchemaReady(@Observes SchemaReady ready) {
    if (!config.basicEnabled()) {
      return;
    }
    try {
      Optional<String> given = config.adminPassword();
      Optional<String> generatedFile = config.generatedAdminPasswordFile();
      if (given.isPresent()) {
        users.bootstrapAdmin(given.get().toCharArray());
        return;
      }
      if (generatedFile.isEmpty()) {
        if (!users.exists(UserService.ADMIN)) {
          LOG.severe(
              "No admin user exists and SETPOINT_ADMIN_PASSWORD is not set; in the prod profile"
                  + " no password is generated. Set SETPOINT_ADMIN_PASSWORD and restart.");
        }
        return;
      }
      if (users.exists(UserService.ADMIN)) {
        return;
      }
      String generated = generate();
      if (users.bootstrapAdmin(generated.toCharArray())) {
        Path file = Path.of(generatedFile.get());
        writeOwnerOnly(file, generated);
        LOG.warning(
            "Created the user 'admin' with a generated password, written to "
                + file
                + " (readable by its owner only; never logged). Set SETPOINT_ADMIN_PASSWORD, or"
                + " change it with PUT /api/v1/users/admin/password.");
      }
    } catch (RuntimeException | IOException e) {
      LOG.log(Level.SEVERE, "Creating the admin user failed", e);
    }
  }

  private static String generate() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void writeOwnerOnly(Path file, String content) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(
        file, content + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
  }
}
