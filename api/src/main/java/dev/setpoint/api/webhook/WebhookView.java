package dev.setpoint.api.webhook;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registered webhook; its secret is never shown again. */
@Schema(name = "Webhook")
public record WebhookView(
    String id, String application, String url, String createdBy, Instant createdAt) {}
