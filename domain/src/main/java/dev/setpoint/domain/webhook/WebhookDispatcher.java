package dev.setpoint.domain.webhook;

import dev.setpoint.domain.platform.PeriodicTask;
import dev.setpoint.domain.secret.KeysUnavailable;
import dev.setpoint.domain.secret.Undecryptable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Sends due webhook deliveries off the request path, on every server. Each delivery is claimed on
 * its own just before it is sent (a conditional update holding it for longer than one attempt can
 * take, see {@link WebhookSender}), so two servers on one database never send it twice and a slow
 * receiver delays no claim of the others. One delivery that cannot be sent (its signing secret does
 * not open, say) is recorded as failed and the round goes on. Counts {@code
 * setpoint_webhook_deliveries_total{outcome}} (delivered, retry, failed).
 */
@ApplicationScoped
public class WebhookDispatcher implements PeriodicTask {

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

  /** Due deliveries looked at per round; each is claimed separately. */
  static final int BATCH = 20;

  /** What a claim adds to the longest attempt: time to record its outcome. */
  private static final Duration CLAIM_MARGIN = Duration.ofSeconds(30);

  @Inject WebhookService webhooks;
  @Inject WebhookConfig config;
  @Inject MetricRegistry metrics;
  @Inject WebhookSender sender;
  @Inject Clock clock;

  @Override
  public String name() {
    return "sending due webhook deliveries";
  }

  @Override
  public Duration interval() {
    return config.poll();
  }

  /** One round: sends the due deliveries, each claimed on its own. */
  @Override
  public void run() {
    for (UUID id : webhooks.due(BATCH)) {
      try {
        send(id);
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Sending webhook delivery " + id + " failed; it is tried again when its claim ends",
            e);
      }
    }
  }

  private void send(UUID id) {
    // an attempt is cancelled at the timeout, so the claim outlives it
    if (!webhooks.claim(id, config.timeout().plus(CLAIM_MARGIN))) {
      return;
    }
    WebhookService.Outgoing outgoing = null;
    DeliveryOutcome outcome;
    try {
      outgoing = webhooks.outgoing(id).orElse(null);
      if (outgoing == null) {
        return;
      }
      outcome = post(URI.create(outgoing.url()), headers(outgoing), outgoing.payload());
    } catch (Undecryptable | KeysUnavailable e) {
      LOG.warning(
          () ->
              "Webhook delivery "
                  + id
                  + " failed: the webhook's signing secret cannot be opened ("
                  + e.getClass().getSimpleName()
                  + "); load the master key that wrapped it, or register the webhook again");
      outcome = DeliveryOutcome.SIGNING_KEY_UNAVAILABLE;
    } finally {
      if (outgoing != null) {
        Arrays.fill(outgoing.secret(), (byte) 0);
      }
    }
    count(webhooks.attempted(id, outcome));
  }

  /** Checks where the delivery may go now (the target rule), then hands it to the sender. */
  private DeliveryOutcome post(URI url, Map<String, String> headers, String body) {
    WebhookSender.CheckedTarget target;
    try {
      target = config.targets().check(url);
    } catch (RefusedTarget e) {
      return DeliveryOutcome.REFUSED_TARGET;
    } catch (UnknownHostException e) {
      return DeliveryOutcome.CONNECTION_FAILED;
    }
    return sender.send(target, new WebhookSender.SignedDelivery(headers, body));
  }

  private Map<String, String> headers(WebhookService.Outgoing outgoing) {
    long now = clock.instant().getEpochSecond();
    return Map.of(
        "User-Agent",
        "Setpoint-Webhooks",
        "X-Setpoint-Event",
        outgoing.event(),
        "X-Setpoint-Delivery",
        outgoing.id().toString(),
        WebhookSignature.HEADER,
        WebhookSignature.sign(outgoing.secret(), now, outgoing.payload()));
  }

  private void count(String statusAfter) {
    String outcome = statusAfter.equals("pending") ? "retry" : statusAfter;
    metrics
        .counter(
            Metadata.builder()
                .withName("setpoint.webhook.deliveries")
                .withDescription("Webhook delivery attempts by outcome.")
                .build(),
            new Tag("outcome", outcome))
        .inc();
  }
}
