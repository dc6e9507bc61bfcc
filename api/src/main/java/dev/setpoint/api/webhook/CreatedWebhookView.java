package dev.setpoint.api.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new webhook with its signing secret, shown this once. */
@Schema(name = "CreatedWebhook")
public record CreatedWebhookView(
    @Schema(
            description =
                "Key of the HMAC-SHA256 in X-Setpoint-Signature (t=<unix seconds>,v1=<hex of"
                    + " HMAC(secret, t + \".\" + body)>); shown only in this answer.")
        String secret,
    WebhookView webhook) {}
