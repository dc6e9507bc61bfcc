package dev.setpoint.api.rollout;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a health report caused. */
@Schema(name = "HealthReceipt")
public record HealthReceipt(
    String instance,
    String status,
    @Schema(description = "True when this report rolled a rollout back.") boolean rolledBack) {}
