package dev.setpoint.client;

import dev.setpoint.client.delivery.DeliveryClient;
import dev.setpoint.client.delivery.DeliveryException;
import dev.setpoint.client.delivery.LastKnownGood;
import dev.setpoint.client.delivery.Release;
import java.io.Closeable;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * A MicroProfile Config source holding one environment's current Setpoint release.
 *
 * <p>{@link #start} loads the release synchronously. On success the values are also written to the
 * last-known-good copy on disk. When Setpoint is unreachable or answers 5xx, the source starts from
 * that copy with a warning; when there is no copy, or when Setpoint refuses (401, 403, 404, …: a
 * configuration error, and a revoked token must stop delivery), start fails with an {@link
 * IllegalStateException}.
 *
 * <p>With {@link ClientSettings#watch()} a daemon thread named {@code setpoint-watch-<app>-<env>}
 * follows new releases and swaps them in whole; on failures it keeps the current values and backs
 * off. {@link #close()} stops it. Values are never logged.
 */
public final class SetpointConfigSource implements ConfigSource, Closeable {

  private static final Logger LOG = Logger.getLogger(SetpointConfigSource.class.getName());

  private final ClientSettings settings;
  private final LastKnownGood lastKnownGood;
  private final ReleaseWatch watch;
  private final Thread watcher;
  private final HealthReporter health;
  private volatile Release release;

  private SetpointConfigSource(
      ClientSettings settings,
      DeliveryClient client,
      LastKnownGood lastKnownGood,
      Release initial) {
    this.settings = settings;
    this.lastKnownGood = lastKnownGood;
    this.release = initial;
    this.health =
        settings.healthUrl() == null
            ? null
            : new HealthReporter(
                settings.healthUrl(),
                java.time.Duration.ofSeconds(settings.healthWindowSeconds()),
                HealthReporter.CHECK_EVERY,
                client);
    if (settings.watch()) {
      this.watch = new ReleaseWatch(client, () -> release.etag(), this::replace);
      this.watcher = new Thread(watch, "setpoint-watch-" + settings.app() + "-" + settings.env());
      watcher.setDaemon(true);
    } else {
      this.watch = null;
      this.watcher = null;
    }
  }

  /**
   * Loads the current release (or the disk copy, see above) and, when watching, starts the watch
   * thread.
   *
   * @throws IllegalStateException when neither Setpoint nor the disk copy can provide the values,
   *     or Setpoint refuses
   */
  public static SetpointConfigSource start(ClientSettings settings) {
    DeliveryClient client = settings.deliveryClient();
    LastKnownGood lastKnownGood =
        new LastKnownGood(
            client, settings.releaseCache(), settings.app(), settings.env(), LOG::warning);
    Release initial;
    try {
      initial = lastKnownGood.load();
    } catch (DeliveryException e) {
      throw new IllegalStateException(
          e.getMessage()
              + (e.kind() == DeliveryException.Kind.REFUSED
                  ? " (check SETPOINT_APP, SETPOINT_ENV and the token; the disk copy is not used"
                      + " when Setpoint refuses)"
                  : ""),
          e);
    }
    SetpointConfigSource source =
        new SetpointConfigSource(settings, client, lastKnownGood, initial);
    source.announce(initial);
    if (source.watcher != null) {
      source.watcher.start();
    }
    return source;
  }

  private void replace(Release newer) {
    release = newer;
    announce(newer);
    lastKnownGood.keep(newer);
    if (health != null) {
      health.changed();
    }
  }

  private void announce(Release current) {
    LOG.info(
        () ->
            "Setpoint release "
                + current.etag()
                + " ("
                + current.values().size()
                + " values) in use for "
                + settings.app()
                + "/"
                + settings.env());
  }

  /** The ETag of the release whose values this source holds now. */
  public String etag() {
    return release.etag();
  }

  @Override
  public Map<String, String> getProperties() {
    return release.values();
  }

  @Override
  public Set<String> getPropertyNames() {
    return release.values().keySet();
  }

  @Override
  public String getValue(String propertyName) {
    return release.values().get(propertyName);
  }

  /** {@code setpoint:<app>/<env>@<url>}. */
  @Override
  public String getName() {
    return "setpoint:" + settings.app() + "/" + settings.env() + "@" + settings.url();
  }

  /** {@link ClientSettings#ordinal()}; a {@code config_ordinal} value in the release is ignored. */
  @Override
  public int getOrdinal() {
    return settings.ordinal();
  }

  /** Stops the watch thread, waiting briefly for it to end. */
  @Override
  public void close() {
    if (health != null) {
      health.close();
    }
    if (watcher == null) {
      return;
    }
    watch.stop();
    watcher.interrupt();
    try {
      watcher.join(ReleaseWatch.FIRST_PAUSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
