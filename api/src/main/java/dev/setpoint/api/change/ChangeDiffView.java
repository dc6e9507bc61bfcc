package dev.setpoint.api.change;

import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One change against the environment as it is now. */
@Schema(name = "ChangeDiff", description = "One change against the environment now.")
public record ChangeDiffView(
    String op,
    String key,
    @Schema(description = "A setting's effective value now.") JsonValue before,
    @Schema(description = "A setting's effective value afterwards.") JsonValue after,
    @Schema(description = "A secret's current version now (never a value).") Integer currentVersion,
    @Schema(description = "publish: the latest release now.") Integer release,
    @Schema(description = "Whether this key (or the latest release) changed since the request.")
        boolean moved) {}
