package dev.setpoint.crypto;

import dev.setpoint.domain.platform.ProfileConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where the master keys come from and how passwords are hashed; each can be overridden. */
@ApplicationScoped
public class CryptoConfig {

  @Inject
  @ConfigProperty(name = "SETPOINT_MASTER_KEY_FILE")
  Optional<String> masterKeyFile;

  @Inject
  @ConfigProperty(name = "SETPOINT_MASTER_KEY")
  Optional<String> masterKey;

  @Inject
  @ConfigProperty(name = "SETPOINT_DEV_MASTER_KEY_FILE")
  Optional<String> devMasterKeyFile;

  @Inject
  @ConfigProperty(name = "setpoint.auth.pbkdf2-iterations", defaultValue = "210000")
  int pbkdf2Iterations;

  @Inject ProfileConfig profile;

  /** The profile: only {@code dev} may generate a master key. */
  public ProfileConfig profile() {
    return profile;
  }

  /** The file with the master keys, when set. */
  public Optional<String> masterKeyFile() {
    return masterKeyFile.filter(s -> !s.isBlank());
  }

  /** The master keys inline, when set; never logged. */
  public Optional<String> masterKey() {
    return masterKey.filter(s -> !s.isBlank());
  }

  /** Where the dev profile generates a master key, when neither of the above is set. */
  public Optional<Path> devMasterKeyFile() {
    return devMasterKeyFile.map(Path::of);
  }

  /** PBKDF2 iterations for new password hashes. */
  public int pbkdf2Iterations() {
    return pbkdf2Iterations;
  }
}
