package dev.setpoint.web.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The password of the Admin Center's operator ({@code SETPOINT_OPERATOR_USER}), for the server's
 * operator registry (liberty: admin-center/operator-registry.xml). Liberty reads it as the variable
 * {@code SETPOINT_OPERATOR_PASSWORD}: from the environment, or from the owner-only variable file
 * {@code SETPOINT_OPERATOR_PASSWORD_VARIABLE_FILE}, which Liberty re-reads when it changes. This
 * bean writes that file on start: with the contents of {@code SETPOINT_OPERATOR_PASSWORD_FILE} when
 * that is set, or, in the dev profile and when no password is known, a generated one that is
 * printed once in the log. The prod profile never generates one.
 */
@ApplicationScoped
public class OperatorPassword {

  private static final Logger LOG = Logger.getLogger(OperatorPassword.class.getName());

  @Inject OperatorConfig config;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object context) {
    if (!config.adminCenterOn() || config.password().isPresent()) {
      return;
    }
    if (config.variableFile().isEmpty()) {
      LOG.severe("SETPOINT_OPERATOR_PASSWORD_VARIABLE_FILE is not set; no operator can sign in.");
      return;
    }
    Path target = Path.of(config.variableFile().get());
    try {
      if (config.passwordFile().isPresent()) {
        publish(target, readPasswordFile(Path.of(config.passwordFile().get())));
      } else if (Files.exists(target)) {
        return;
      } else if (config.generate()) {
        String generated = generated();
        publish(target, generated);
        LOG.warning(
            "Generated the Admin Center password of the operator (SETPOINT_OPERATOR_USER), written"
                + " to "
                + target
                + " (readable by its owner only; never logged). Set SETPOINT_OPERATOR_PASSWORD or"
                + " SETPOINT_OPERATOR_PASSWORD_FILE instead.");
      } else {
        LOG.warning(
            "The Admin Center is on but no operator password is set (SETPOINT_OPERATOR_PASSWORD or"
                + " SETPOINT_OPERATOR_PASSWORD_FILE): no operator of the default registry can sign"
                + " in.");
      }
    } catch (IOException e) {
      LOG.severe(
          "Could not provide the Admin Center operator password ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "); no operator can sign in until it is fixed.");
    }
  }

  private static String readPasswordFile(Path file) throws IOException {
    String content = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (content.isEmpty() || content.chars().anyMatch(Character::isISOControl)) {
      throw new IOException(
          "SETPOINT_OPERATOR_PASSWORD_FILE " + file + " is empty or holds more than one line");
    }
    return content;
  }

  private static String generated() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Writes the password owner-only beside the variable directory (Liberty reads every file in it),
   * then moves it in place in one step.
   */
  private static void publish(Path target, String value) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    if (Files.exists(target) && Files.readString(target, StandardCharsets.UTF_8).equals(value)) {
      return;
    }
    Path written =
        Files.createTempFile(
            directory.getParent(),
            ".operator-password",
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(written, value, StandardCharsets.UTF_8);
      Files.move(written, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(written);
    }
  }
}
