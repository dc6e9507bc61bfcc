package dev.setpoint.web.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the Admin Center's operator password comes from; the defaults are here and nowhere else
 * (Liberty's own variables for the console are in admin-center/*.xml).
 */
@ApplicationScoped
public class OperatorConfig {

  @Inject
  @ConfigProperty(name = "SETPOINT_ADMIN_CENTER", defaultValue = "off")
  String adminCenter;

  @Inject
  @ConfigProperty(name = "SETPOINT_OPERATOR_PASSWORD")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "SETPOINT_OPERATOR_PASSWORD_FILE")
  Optional<String> passwordFile;

  @Inject
  @ConfigProperty(name = "SETPOINT_OPERATOR_PASSWORD_VARIABLE_FILE")
  Optional<String> variableFile;

  @Inject
  @ConfigProperty(name = "SETPOINT_DEV_OPERATOR_PASSWORD_GENERATE", defaultValue = "false")
  boolean generate;

  /** Whether the Admin Center runs on this server ({@code SETPOINT_ADMIN_CENTER=on}). */
  public boolean adminCenterOn() {
    return "on".equals(adminCenter);
  }

  /** The operator password given directly, when it is set and not blank. */
  public Optional<String> password() {
    return password.filter(p -> !p.isBlank());
  }

  /** A file holding the operator password, when one is named. */
  public Optional<String> passwordFile() {
    return passwordFile.filter(f -> !f.isBlank());
  }

  /** The owner-only variable file Liberty reads the password from. */
  public Optional<String> variableFile() {
    return variableFile;
  }

  /** Whether a missing password is generated (the dev profile). */
  public boolean generate() {
    return generate;
  }
}
