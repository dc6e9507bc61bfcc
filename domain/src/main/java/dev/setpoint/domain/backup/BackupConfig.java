package dev.setpoint.domain.backup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where online backups are written; overridable from the environment. */
@ApplicationScoped
public class BackupConfig {

  /** The directory of online backups (relative to the server's directory). */
  @Inject
  @ConfigProperty(name = "setpoint.backup.dir", defaultValue = "backups")
  String dir;

  public Path dir() {
    return Path.of(dir);
  }
}
