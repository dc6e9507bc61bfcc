package dev.setpoint.domain.webhook;

import dev.setpoint.domain.shared.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * One event for one webhook, and how delivering it went: pending until an attempt gets a 2xx
 * (delivered) or the attempts run out (failed); between attempts the wait doubles.
 */
@Entity
@Table(name = "webhook_deliveries")
public class WebhookDelivery extends Tracked {

  @ManyToOne(optional = false)
  @JoinColumn(name = "webhook_id", nullable = false, updatable = false)
  private Webhook webhook;

  @Column(name = "event", nullable = false, updatable = false)
  private String event;

  @Column(name = "payload", nullable = false, updatable = false)
  private String payload;

  @Column(name = "status", nullable = false)
  private String status;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "last_attempt_at")
  private Instant lastAttemptAt;

  @Column(name = "last_response_status")
  private Integer lastResponseStatus;

  /** The last attempt's outcome class ({@link DeliveryOutcome}); the column predates the name. */
  @Column(name = "last_error")
  private String lastOutcome;

  protected WebhookDelivery() {}

  WebhookDelivery(Webhook webhook, String event, String payload, Instant now) {
    super(now);
    this.webhook = webhook;
    this.event = event;
    this.payload = payload;
    this.status = "pending";
    this.nextAttemptAt = now;
  }

  public Webhook webhook() {
    return webhook;
  }

  public String event() {
    return event;
  }

  public String payload() {
    return payload;
  }

  public String status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public Instant lastAttemptAt() {
    return lastAttemptAt;
  }

  public Integer lastResponseStatus() {
    return lastResponseStatus;
  }

  /**
   * How the last attempt ended: {@code delivered}, {@code refused-target}, {@code timeout}, {@code
   * http-error N}, {@code connection-failed} or {@code signing-key-unavailable}; null before one.
   */
  public String lastOutcome() {
    return lastOutcome;
  }

  /**
   * Records an attempt: delivered on a 2xx, failed at once on a refusal or an unreadable signing
   * secret, else retried after {@code base × 2^(n-1)} until the attempts run out.
   */
  void attempted(DeliveryOutcome outcome, int maxAttempts, Duration base, Instant now) {
    attempts++;
    lastAttemptAt = now;
    lastResponseStatus = outcome.responseStatus();
    lastOutcome = outcome.name();
    if (outcome.delivered()) {
      status = "delivered";
      nextAttemptAt = null;
    } else if (outcome.terminal() || attempts >= maxAttempts) {
      status = "failed";
      nextAttemptAt = null;
    } else {
      nextAttemptAt = now.plus(base.multipliedBy(1L << (attempts - 1)));
    }
    touch(now);
  }
}
