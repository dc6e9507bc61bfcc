package dev.setpoint.domain.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether change control is on by default: with {@code setpoint.change-control.enabled} (env var
 * {@code SETPOINT_CHANGE_CONTROL_ENABLED}) true, a production environment without a policy of its
 * own needs one approval. Explicit policies apply either way.
 */
@ApplicationScoped
public class ChangeControlConfig {

  /** How many approvals production needs by default while change control is on. */
  public static final int PRODUCTION_DEFAULT_APPROVALS = 1;

  @Inject
  @ConfigProperty(name = "setpoint.change-control.enabled", defaultValue = "false")
  boolean enabled;

  /** For CDI, which injects the configured value. */
  public ChangeControlConfig() {}

  /** An explicit setting, for tests. */
  public ChangeControlConfig(boolean enabled) {
    this.enabled = enabled;
  }

  /** Whether production environments need approvals without a policy of their own. */
  public boolean enabled() {
    return enabled;
  }
}
