package dev.setpoint.client.delivery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Loads an environment's release at start-up with the disk copy as the fallback: a release fetched
 * from Setpoint replaces the copy; when Setpoint is {@linkplain DeliveryException.Kind#UNAVAILABLE
 * unavailable} the copy is used instead. A {@linkplain DeliveryException.Kind#REFUSED refusal} is
 * never covered by the copy: it means the configuration (app, environment, token) is wrong, and a
 * revoked token has to stop delivery rather than keep serving old values.
 */
public final class LastKnownGood {

  private final DeliveryClient client;
  private final ReleaseCache cache;
  private final String app;
  private final String env;
  private final Consumer<String> warnings;

  /**
   * @param warnings receives one-line warnings (fallback used, copy not writable); never values
   */
  public LastKnownGood(
      DeliveryClient client,
      ReleaseCache cache,
      String app,
      String env,
      Consumer<String> warnings) {
    this.client = client;
    this.cache = cache;
    this.app = app;
    this.env = env;
    this.warnings = warnings;
  }

  /**
   * Fetches the current release and keeps a copy of it, or, when Setpoint is unavailable, reads the
   * copy.
   *
   * @throws DeliveryException when Setpoint refuses, or is unavailable and there is no readable
   *     copy (the message then says so and names the file)
   */
  public Release load() throws DeliveryException {
    Release current;
    try {
      current = client.fetch();
    } catch (DeliveryException e) {
      if (e.kind() == DeliveryException.Kind.REFUSED) {
        throw e;
      }
      return fromCopy(e);
    }
    keep(current);
    return current;
  }

  /** Replaces the copy with {@code release}; a failure to write is reported as a warning. */
  public void keep(Release release) {
    try {
      cache.store(app, env, release);
    } catch (IOException e) {
      warnings.accept("Cannot write the Setpoint disk copy " + copyFile() + ": " + e);
    }
  }

  /** The file holding the copy. */
  public Path copyFile() {
    return cache.fileFor(app, env);
  }

  private Release fromCopy(DeliveryException failure) throws DeliveryException {
    Optional<Release> copy;
    try {
      copy = cache.load(app, env);
    } catch (IOException e) {
      throw augmented(failure, ", and the disk copy " + copyFile() + " cannot be read: " + e);
    }
    if (copy.isEmpty()) {
      throw augmented(failure, ", and there is no disk copy at " + copyFile());
    }
    warnings.accept(
        failure.getMessage()
            + "; using the last-known-good copy "
            + copyFile()
            + " (release "
            + copy.get().etag()
            + ")");
    return copy.get();
  }

  private static DeliveryException augmented(DeliveryException failure, String addition) {
    return new DeliveryException(
        failure.kind(), failure.status(), failure.getMessage() + addition, failure);
  }
}
