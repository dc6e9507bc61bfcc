package dev.setpoint.client;

import dev.setpoint.api.delivery.Delivery;
import dev.setpoint.client.delivery.DeliveryClient;
import dev.setpoint.client.delivery.DeliveryException;
import dev.setpoint.client.delivery.Release;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows an environment's releases with long-polling watch requests ({@code wait=}{@value
 * Delivery#MAX_WAIT_SECONDS}, {@code If-None-Match}), handing each newer release to a consumer. On
 * a failure it keeps the current release and retries after a pause that starts at one second and
 * doubles up to thirty. Logs name the endpoint and the failure, never a value.
 */
final class ReleaseWatch implements Runnable {

  static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

  private static final Logger LOG = Logger.getLogger(ReleaseWatch.class.getName());

  private final DeliveryClient client;
  private final Supplier<String> currentEtag;
  private final Consumer<Release> onChange;
  private volatile boolean stopped;

  /**
   * @param client the environment's delivery client
   * @param currentEtag the ETag of the release in use
   * @param onChange called on the watch thread with every newer release
   */
  ReleaseWatch(DeliveryClient client, Supplier<String> currentEtag, Consumer<Release> onChange) {
    this.client = client;
    this.currentEtag = currentEtag;
    this.onChange = onChange;
  }

  /** Makes {@link #run()} return at its next step; interrupt the thread to cut a wait short. */
  void stop() {
    stopped = true;
  }

  @Override
  public void run() {
    Duration pause = FIRST_PAUSE;
    boolean failing = false;
    while (!stopped && !Thread.currentThread().isInterrupted()) {
      boolean waited;
      try {
        waited = follow();
        if (failing) {
          LOG.info(() -> "Setpoint at " + client.endpoint() + " answers again");
        }
        failing = false;
      } catch (DeliveryException e) {
        if (stopped) {
          return;
        }
        report(e, failing, pause);
        failing = true;
        waited = false;
      }
      if (waited) {
        pause = FIRST_PAUSE;
      } else if (sleep(pause)) {
        pause = longer(pause);
      } else {
        return;
      }
    }
  }

  /** The first failure in a row is a warning, the ones after it only detail. */
  private static void report(DeliveryException e, boolean failing, Duration pause) {
    LOG.log(
        failing ? Level.FINE : Level.WARNING,
        () ->
            e.getMessage()
                + "; keeping the current values, retrying in "
                + pause.toSeconds()
                + " s");
  }

  /**
   * One watch request. Returns whether the server held it as a watch should: a 304, or a release
   * with a new ETag. A 200 without an ETag, or with the one in use, means the server answered at
   * once and will again, so the caller pauses instead of asking in a tight loop.
   */
  private boolean follow() throws DeliveryException {
    String etag = currentEtag.get();
    Optional<Release> newer = client.awaitChange(etag, Delivery.MAX_WAIT_SECONDS);
    if (newer.isEmpty()) {
      return true;
    }
    Release release = newer.get();
    boolean same = Objects.equals(release.etag(), etag);
    if (!same) {
      onChange.accept(release);
    }
    return !same && release.etag() != null;
  }

  private static Duration longer(Duration pause) {
    Duration doubled = pause.multipliedBy(2);
    return doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
  }

  private static boolean sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
