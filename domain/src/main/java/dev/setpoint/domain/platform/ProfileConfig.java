package dev.setpoint.domain.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The profile Setpoint runs in, read in this one place: {@code dev} (embedded H2, generated
 * defaults) or {@code prod} (everything from the environment). Liberty sets {@code
 * mp.config.profile} from {@code SETPOINT_PROFILE} (server.xml), whose default is {@code dev}.
 */
@ApplicationScoped
public class ProfileConfig {

  /** The name of the production profile. */
  public static final String PROD = "prod";

  @Inject
  @ConfigProperty(name = "mp.config.profile", defaultValue = "dev")
  String name;

  /** For CDI, which injects the configured value. */
  public ProfileConfig() {}

  /** An explicit profile, for tests. */
  public ProfileConfig(String name) {
    this.name = name;
  }

  /** The profile's name, as configured. */
  public String name() {
    return name;
  }

  /** True in the prod profile. */
  public boolean prod() {
    return PROD.equals(name);
  }

  /** True in the dev profile (the only one that generates keys and passwords). */
  public boolean dev() {
    return "dev".equals(name);
  }
}
