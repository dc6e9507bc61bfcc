package dev.setpoint.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What each outcome class does to a delivery: delivered, retried with growing waits, or failed. */
class WebhookDeliveryTest {

  private static final Duration BASE = Duration.ofSeconds(10);

  private static WebhookDelivery pending() {
    return new WebhookDelivery(null, "release.published", "{}", Instant.now());
  }

  @Test
  void aTwoHundredDeliversAndTheLogShowsTheOutcomeClass() {
    WebhookDelivery delivery = pending();
    delivery.attempted(DeliveryOutcome.answered(204), 6, BASE, Instant.now());
    assertEquals("delivered", delivery.status());
    assertEquals("delivered", delivery.lastOutcome());
    assertEquals(204, delivery.lastResponseStatus());
    assertNull(delivery.nextAttemptAt());
  }

  @Test
  void errorsAndTimeoutsAreRetriedUntilTheAttemptsRunOut() {
    WebhookDelivery delivery = pending();
    delivery.attempted(DeliveryOutcome.answered(503), 3, BASE, Instant.now());
    assertEquals("pending", delivery.status());
    assertEquals("http-error 503", delivery.lastOutcome());
    Duration first = Duration.between(delivery.lastAttemptAt(), delivery.nextAttemptAt());
    delivery.attempted(DeliveryOutcome.TIMEOUT, 3, BASE, Instant.now());
    assertEquals("timeout", delivery.lastOutcome());
    Duration second = Duration.between(delivery.lastAttemptAt(), delivery.nextAttemptAt());
    assertEquals(BASE, first);
    assertEquals(BASE.multipliedBy(2), second);
    delivery.attempted(DeliveryOutcome.CONNECTION_FAILED, 3, BASE, Instant.now());
    assertEquals("failed", delivery.status());
    assertEquals("connection-failed", delivery.lastOutcome());
    assertNull(delivery.lastResponseStatus());
  }

  @Test
  void aRefusedTargetOrAnUnreadableSecretFailsAtOnce() {
    for (DeliveryOutcome outcome :
        new DeliveryOutcome[] {
          DeliveryOutcome.REFUSED_TARGET, DeliveryOutcome.SIGNING_KEY_UNAVAILABLE
        }) {
      WebhookDelivery delivery = pending();
      delivery.attempted(outcome, 6, BASE, Instant.now());
      assertEquals("failed", delivery.status(), outcome::name);
      assertEquals(1, delivery.attempts());
      assertEquals(outcome.name(), delivery.lastOutcome());
    }
  }
}
