package dev.setpoint.api.webhook;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where to send an application's events. */
@Schema(name = "WebhookRequest")
public record WebhookRequest(
    @NotBlank @Schema(example = "https://hooks.example.com/setpoint") String url) {}
