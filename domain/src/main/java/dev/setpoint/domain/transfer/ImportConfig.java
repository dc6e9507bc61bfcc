package dev.setpoint.domain.transfer;

import dev.setpoint.domain.shared.InvalidValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How much an import may hold. The request body is capped first by {@code
 * setpoint.http.max-body-bytes}; these bound what the body expands to.
 */
@ApplicationScoped
public class ImportConfig {

  @Inject
  @ConfigProperty(name = "setpoint.import.max-keys", defaultValue = "10000")
  int maxKeys;

  @Inject
  @ConfigProperty(name = "setpoint.import.max-depth", defaultValue = "20")
  int maxDepth;

  @Inject
  @ConfigProperty(name = "setpoint.import.max-value-length", defaultValue = "65536")
  int maxValueLength;

  @Inject
  @ConfigProperty(name = "setpoint.import.max-aliases", defaultValue = "50")
  int maxAliases;

  @Inject
  @ConfigProperty(name = "setpoint.import.max-expanded-bytes", defaultValue = "4194304")
  int maxExpandedBytes;

  @Inject
  @ConfigProperty(name = "setpoint.import.max-files", defaultValue = "100")
  int maxFiles;

  @Inject
  @ConfigProperty(name = "setpoint.bundle.passphrase-min-length", defaultValue = "12")
  int passphraseMinLength;

  /** Longest passphrase a bundle is encrypted to, in characters. */
  static final int PASSPHRASE_MAX_LENGTH = 1024;

  /** For CDI, which injects the configured values into the fields. */
  public ImportConfig() {}

  /** The limits, as the parsers take them. */
  public ImportLimits limits() {
    return new ImportLimits(
        maxKeys, maxDepth, maxValueLength, maxAliases, maxExpandedBytes, maxFiles);
  }

  /** Most keys one import may hold, over every file and environment. */
  public int maxKeys() {
    return maxKeys;
  }

  /** Deepest nesting of maps and lists in a YAML or JSON file. */
  public int maxDepth() {
    return maxDepth;
  }

  /** Longest value, in characters. */
  public int maxValueLength() {
    return maxValueLength;
  }

  /** Most aliases a YAML file may use (a billion-laughs file needs many). */
  public int maxAliases() {
    return maxAliases;
  }

  /** Most bytes a Spring layout's ZIP may expand to, and most characters one YAML file may have. */
  public int maxExpandedBytes() {
    return maxExpandedBytes;
  }

  /** Fewest characters of a bundle's passphrase. */
  public int passphraseMinLength() {
    return passphraseMinLength;
  }

  /** Refuses a passphrase shorter than the minimum (or absent, or past 1024 characters). */
  void checkPassphrase(char[] passphrase) {
    if (passphrase == null || passphrase.length < passphraseMinLength) {
      throw new InvalidValue(
          "passphrase",
          "must be at least "
              + passphraseMinLength
              + " characters (setpoint.bundle.passphrase-min-length)");
    }
    if (passphrase.length > PASSPHRASE_MAX_LENGTH) {
      throw new InvalidValue(
          "passphrase", "must be at most " + PASSPHRASE_MAX_LENGTH + " characters");
    }
  }

  /** Most files in a Spring layout's ZIP. */
  public int maxFiles() {
    return maxFiles;
  }
}
