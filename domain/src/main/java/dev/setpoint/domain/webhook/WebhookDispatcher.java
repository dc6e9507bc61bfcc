package dev.setpoint.domain.webhook;

import dev.setpoint.domain.platform.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Sends due webhook deliveries off the request path, on every server: each claims a batch (a
 * conditional update, so no delivery is sent by two servers at once), posts the signed payloads
 * with the JDK's HTTP client and records each attempt. Counts {@code
 * setpoint_webhook_deliveries_total{outcome}} (delivered, retry, failed).
 */
@ApplicationScoped
public class WebhookDispatcher {

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

  @Inject WebhookService webhooks;
  @Inject MetricRegistry metrics;

  @Inject
  @ConfigProperty(name = "setpoint.webhooks.poll-millis", defaultValue = "1000")
  long pollMillis;

  @Inject
  @ConfigProperty(name = "setpoint.webhooks.timeout-seconds", defaultValue = "10")
  long timeoutSeconds;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private volatile Future<?> task;

  void onSchemaReady(@Observes SchemaReady ready) {
    task =
        scheduler.scheduleWithFixedDelay(
            this::round, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  private void round() {
    try {
      Duration hold = Duration.ofSeconds(timeoutSeconds + 30);
      for (UUID id : webhooks.claimDue(20, hold)) {
        send(id);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Sending webhook deliveries failed; retrying shortly", e);
    }
  }

  private void send(UUID id) {
    WebhookService.Outgoing outgoing = webhooks.outgoing(id).orElse(null);
    if (outgoing == null) {
      return;
    }
    Integer status = null;
    String error = null;
    try {
      long now = java.time.Instant.now().getEpochSecond();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(outgoing.url()))
              .timeout(Duration.ofSeconds(timeoutSeconds))
              .header("Content-Type", "application/json")
              .header("User-Agent", "Setpoint-Webhooks")
              .header("X-Setpoint-Event", outgoing.event())
              .header("X-Setpoint-Delivery", outgoing.id().toString())
              .header(
                  WebhookSignature.HEADER,
                  WebhookSignature.sign(outgoing.secret(), now, outgoing.payload()))
              .POST(HttpRequest.BodyPublishers.ofString(outgoing.payload()))
              .build();
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status / 100 != 2) {
        error = "answered " + status;
      }
    } catch (java.io.IOException | IllegalArgumentException e) {
      error = e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    } finally {
      Arrays.fill(outgoing.secret(), (byte) 0);
    }
    String after = webhooks.attempted(id, status, error);
    String outcome = after.equals("pending") ? "retry" : after;
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
