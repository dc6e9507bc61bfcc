package dev.setpoint.api.webhook;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event owed to a webhook, and how delivering it went. */
@Schema(name = "WebhookDelivery")
public record WebhookDeliveryView(
    String id,
    @Schema(
            enumeration = {
              "finding.opened",
              "finding.resolved",
              "secret.rotation-due",
              "release.published"
            })
        String event,
    @Schema(enumeration = {"pending", "delivered", "failed"}) String status,
    int attempts,
    Instant createdAt,
    Instant lastAttemptAt,
    @Schema(description = "When the next attempt is due, while pending.") Instant nextAttemptAt,
    Integer lastResponseStatus,
    @Schema(
            description =
                "How the last attempt ended: delivered, refused-target, timeout, http-error N,"
                    + " connection-failed or signing-key-unavailable.")
        String lastOutcome,
    @Schema(description = "The last outcome when it was not delivered.") String lastError) {}
